package riskguard.connectors.signalr;

/** One message of the JSON hub protocol after the handshake. */
public sealed interface HubMessage permits Invocation, Completion, Ping, Close {

    /** The protocol's numeric message type. */
    int type();
}
