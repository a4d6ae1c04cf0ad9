package riskguard.connectors.projectx.model;

/** Body of {@code /api/Position/closeContract}: flatten the account's position in a contract. */
public record CloseContractRequest(long accountId, String contractId) {
}
