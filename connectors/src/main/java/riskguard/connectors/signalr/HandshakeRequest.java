package riskguard.connectors.signalr;

/** The client's first record, {@code {"protocol":"json","version":1}}. */
public record HandshakeRequest(String protocol, int version) {

    public static final HandshakeRequest JSON_V1 = new HandshakeRequest("json", 1);

    public boolean isJsonV1() {
        return "json".equals(protocol) && version == 1;
    }
}
