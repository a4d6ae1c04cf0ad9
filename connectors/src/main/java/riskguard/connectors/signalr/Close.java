package riskguard.connectors.signalr;

/** Type 7: the peer closes the connection, optionally with an error and leave to reconnect. */
public record Close(String error, boolean allowReconnect) implements HubMessage {

    public static final int TYPE = 7;

    @Override
    public int type() {
        return TYPE;
    }
}
