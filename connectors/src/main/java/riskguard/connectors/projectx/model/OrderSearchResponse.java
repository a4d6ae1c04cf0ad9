package riskguard.connectors.projectx.model;

import java.util.List;

/** Answer of {@code /api/Order/searchOpen} and {@code /api/Order/search}. */
public record OrderSearchResponse(List<Order> orders, boolean success, int errorCode, String errorMessage)
        implements GatewayResponse {
}
