package riskguard.connectors.projectx.model;

import java.util.List;

/** Answer of {@code /api/Trade/search}. */
public record TradeSearchResponse(List<Trade> trades, boolean success, int errorCode, String errorMessage)
        implements GatewayResponse {
}
