package riskguard.engine.event;

import java.time.Instant;
import riskguard.engine.model.OrderSide;
import riskguard.engine.model.OrderStatus;
import riskguard.engine.model.OrderType;

/**
 * {@code GatewayUserOrder}: an order's full current state. {@code customTag} is null when the
 * order has none (riskguard tags the orders it places {@code rg-<decision id>}).
 */
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
    Instant updatedAt,
    String customTag)
    implements InputEvent.AccountScoped {}
