package riskguard.connectors.projectx.model;

/** Body of the calls that only name an account: {@code /api/Position/searchOpen}, {@code /api/Order/searchOpen}. */
public record AccountIdRequest(long accountId) {
}
