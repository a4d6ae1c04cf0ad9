package riskguard.connectors.projectx.model;

/** Body of {@code /api/Contract/search}; {@code live} selects live rather than simulated data. */
public record ContractSearchRequest(String searchText, boolean live) {
}
