package riskguard.connectors.sim;

/** An account as the gateway reports it (Account/search, GatewayUserAccount). */
public record AccountView(
    long id, String name, double balance, boolean canTrade, boolean isVisible, boolean simulated) {}
