package riskguard.connectors.projectx.model;

import java.time.OffsetDateTime;

/**
 * A fill on the account, from {@code /api/Trade/search} and the {@code GatewayUserTrade} event.
 * {@code profitAndLoss} is null on a half-turn (a fill that opens or adds to a position).
 */
public record Trade(
        long id,
        long accountId,
        String contractId,
        OffsetDateTime creationTimestamp,
        Double price,
        Double profitAndLoss,
        Double fees,
        OrderSide side,
        int size,
        Boolean voided,
        Long orderId) {
}
