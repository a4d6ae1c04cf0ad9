package riskguard.connectors.projectx.rest;

/**
 * The gateway answered and refused: {@code success: false} (even with HTTP 200), or an HTTP
 * client error. Repeating the same call will not help.
 */
public final class ProjectXApiException extends ProjectXException {

    private final int httpStatus;
    private final int errorCode;
    private final String errorMessage;

    ProjectXApiException(String endpoint, Long accountId, int httpStatus, int errorCode, String errorMessage) {
        super(endpoint, accountId, where(endpoint, accountId) + " refused: "
                + (httpStatus == 200 ? "" : "HTTP " + httpStatus + ", ")
                + "errorCode " + errorCode
                + (errorMessage == null ? "" : ", " + errorMessage), null);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The gateway's {@code errorCode}; 0 when the refusal was an HTTP status without an envelope. */
    public int errorCode() {
        return errorCode;
    }

    /** The gateway's {@code errorMessage}, may be null. */
    public String errorMessage() {
        return errorMessage;
    }
}
