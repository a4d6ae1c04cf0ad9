package riskguard.connectors.projectx.model;

/** Body of {@code /api/Position/partialCloseContract}: reduce a position by {@code size} contracts. */
public record PartialCloseContractRequest(long accountId, String contractId, int size) {
}
