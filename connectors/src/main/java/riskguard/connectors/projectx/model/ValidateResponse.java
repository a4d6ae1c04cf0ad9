package riskguard.connectors.projectx.model;

/** Answer of {@code /api/Auth/validate}: a fresh token. {@link #toString()} never shows it. */
public record ValidateResponse(String newToken, boolean success, int errorCode, String errorMessage)
        implements GatewayResponse {

    @Override
    public String toString() {
        return "ValidateResponse[newToken=" + (newToken == null ? "null" : "***") + ", success=" + success
                + ", errorCode=" + errorCode + ", errorMessage=" + errorMessage + "]";
    }
}
