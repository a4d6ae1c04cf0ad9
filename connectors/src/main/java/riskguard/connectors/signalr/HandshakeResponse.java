package riskguard.connectors.signalr;

/** The server's first record: {@code {}} accepts the handshake, {@code {"error":"..."}} refuses it. */
public record HandshakeResponse(String error) {

    public static final HandshakeResponse ACCEPTED = new HandshakeResponse(null);

    public boolean accepted() {
        return error == null;
    }
}
