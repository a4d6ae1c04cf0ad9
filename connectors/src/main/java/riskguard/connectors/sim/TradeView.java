package riskguard.connectors.sim;

import java.time.Instant;

/**
 * A fill as the gateway reports it (Trade/search, GatewayUserTrade).
 *
 * @param profitAndLoss realized dollars of the part that closed a position; null when the fill
 *     only opened or added (a half-turn)
 * @param fees dollars charged for this fill
 */
public record TradeView(
    long id,
    long accountId,
    String contractId,
    Instant creationTimestamp,
    double price,
    Double profitAndLoss,
    double fees,
    Side side,
    int size,
    boolean voided,
    long orderId) {}
