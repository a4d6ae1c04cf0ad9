package riskguard.connectors.projectx.hub;

/** An invocation that did not complete: the hub answered with an error, or the connection was not there. */
public final class HubConnectionException extends RuntimeException {

    private final String hubError;

    HubConnectionException(String message) {
        this(message, null);
    }

    HubConnectionException(String message, String hubError) {
        super(message);
        this.hubError = hubError;
    }

    /** The hub's own words when it answered with an error (or a timeout's), else null. */
    public String hubError() {
        return hubError;
    }
}
