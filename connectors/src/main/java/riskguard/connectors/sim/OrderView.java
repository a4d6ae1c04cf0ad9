package riskguard.connectors.sim;

import java.time.Instant;

/** An order as the gateway reports it (Order/search, GatewayUserOrder). */
public record OrderView(
    long id,
    long accountId,
    String contractId,
    String symbolId,
    Instant creationTimestamp,
    Instant updateTimestamp,
    OrderState status,
    OrderKind type,
    Side side,
    int size,
    Double limitPrice,
    Double stopPrice,
    int fillVolume,
    Double filledPrice,
    String customTag) {}
