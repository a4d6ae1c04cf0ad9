package riskguard.connectors.projectx.model;

import java.util.List;

/** Answer of {@code /api/Contract/search}: at most 20 contracts. */
public record ContractSearchResponse(List<Contract> contracts, boolean success, int errorCode, String errorMessage)
        implements GatewayResponse {
}
