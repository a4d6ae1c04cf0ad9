package riskguard.connectors.projectx.model;

/** Body of {@code /api/Account/search}. */
public record AccountSearchRequest(boolean onlyActiveAccounts) {
}
