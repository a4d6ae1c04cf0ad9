package riskguard.connectors.signalr;

/** Type 6: keep-alive; each side sends one about every 15 s. */
public record Ping() implements HubMessage {

    public static final int TYPE = 6;

    @Override
    public int type() {
        return TYPE;
    }
}
