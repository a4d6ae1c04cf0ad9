package riskguard.engine.event;

import java.time.Instant;
import riskguard.engine.model.PositionType;

/** {@code GatewayUserPosition}: the net position in one contract; size 0 means flat. */
public record PositionEvent(
    Instant ts,
    long accountId,
    long positionId,
    String contractId,
    Instant openedAt,
    PositionType type,
    int size,
    double averagePrice)
    implements InputEvent.AccountScoped {}
