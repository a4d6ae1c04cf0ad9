package riskguard.connectors.projectx.model;

/** Answer of {@code /api/Contract/searchById}. */
public record ContractByIdResponse(Contract contract, boolean success, int errorCode, String errorMessage)
        implements GatewayResponse {
}
