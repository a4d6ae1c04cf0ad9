package riskguard.connectors.projectx.model;

import java.util.List;

/** Answer of {@code /api/History/retrieveBars}. */
public record RetrieveBarsResponse(List<Bar> bars, boolean success, int errorCode, String errorMessage)
        implements GatewayResponse {
}
