package riskguard.connectors.projectx.hub;

/** An invocation that did not complete: the hub answered with an error, or the connection was not there. */
public final class HubConnectionException extends RuntimeException {

    HubConnectionException(String message) {
        super(message);
    }
}
