package riskguard.engine.event;

import java.time.Instant;

/** {@code GatewayUserAccount}: {@code canTrade} is null when the gateway left it out. */
public record AccountEvent(Instant ts, long accountId, String name, Double balance, Boolean canTrade)
    implements InputEvent.AccountScoped {}
