package riskguard.connectors.projectx.model;

/** Body of {@code /api/Auth/loginKey}. {@link #toString()} never shows the key. */
public record LoginKeyRequest(String userName, String apiKey) {

    @Override
    public String toString() {
        return "LoginKeyRequest[userName=" + userName + ", apiKey=***]";
    }
}
