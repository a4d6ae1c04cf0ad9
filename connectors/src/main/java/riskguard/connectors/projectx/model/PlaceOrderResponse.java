package riskguard.connectors.projectx.model;

/** Answer of {@code /api/Order/place}: the new order's id. */
public record PlaceOrderResponse(Long orderId, boolean success, int errorCode, String errorMessage)
        implements GatewayResponse {
}
