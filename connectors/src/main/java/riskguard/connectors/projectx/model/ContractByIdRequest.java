package riskguard.connectors.projectx.model;

/** Body of {@code /api/Contract/searchById}. */
public record ContractByIdRequest(String contractId) {
}
