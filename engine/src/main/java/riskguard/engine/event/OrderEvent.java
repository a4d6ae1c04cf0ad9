package riskguard.engine.event;

import java.time.Instant;
import riskguard.engine.model.OrderSide;
import riskguard.engine.model.OrderStatus;
import riskguard.engine.model.OrderType;

/** {@code GatewayUserOrder}: an order's full current state. */
public record OrderEvent(
    Instant ts,
    long accountId,
    long orderId,
    String contractId,
    OrderStatus status,
    OrderType type,
    OrderSide side,
    int size,
    Double limitPrice,
    Double stopPrice,
    Instant createdAt,
    Instant updatedAt)
    implements InputEvent.AccountScoped {}
