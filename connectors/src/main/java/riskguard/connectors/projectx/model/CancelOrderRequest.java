package riskguard.connectors.projectx.model;

/** Body of {@code /api/Order/cancel}. */
public record CancelOrderRequest(long accountId, long orderId) {
}
