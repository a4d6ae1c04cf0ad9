package riskguard.connectors.projectx.model;

/** Answer of {@code /api/Auth/loginKey}. {@link #toString()} never shows the token. */
public record LoginResponse(String token, boolean success, int errorCode, String errorMessage)
        implements GatewayResponse {

    @Override
    public String toString() {
        return "LoginResponse[token=" + (token == null ? "null" : "***") + ", success=" + success
                + ", errorCode=" + errorCode + ", errorMessage=" + errorMessage + "]";
    }
}
