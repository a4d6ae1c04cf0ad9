package riskguard.connectors.projectx.model;

import java.util.List;

/** Answer of {@code /api/Account/search}. */
public record AccountSearchResponse(List<Account> accounts, boolean success, int errorCode, String errorMessage)
        implements GatewayResponse {
}
