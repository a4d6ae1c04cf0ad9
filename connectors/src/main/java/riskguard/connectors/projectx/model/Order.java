package riskguard.connectors.projectx.model;

import java.time.OffsetDateTime;

/**
 * An order, from the order searches and the {@code GatewayUserOrder} event; the event also
 * carries {@code symbolId}, {@code fillVolume} and {@code customTag}, which REST may leave out.
 */
public record Order(
        long id,
        long accountId,
        String contractId,
        String symbolId,
        OffsetDateTime creationTimestamp,
        OffsetDateTime updateTimestamp,
        OrderStatus status,
        OrderType type,
        OrderSide side,
        int size,
        Double limitPrice,
        Double stopPrice,
        Integer fillVolume,
        Double filledPrice,
        String customTag) {
}
