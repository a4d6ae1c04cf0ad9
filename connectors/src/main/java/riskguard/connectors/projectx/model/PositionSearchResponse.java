package riskguard.connectors.projectx.model;

import java.util.List;

/** Answer of {@code /api/Position/searchOpen}. */
public record PositionSearchResponse(List<Position> positions, boolean success, int errorCode, String errorMessage)
        implements GatewayResponse {
}
