package riskguard.db;

import java.time.Instant;
import java.util.Objects;

/**
 * Contract metadata as the gateway's {@code /api/Contract/searchById} returned it, e.g.
 * {@code CON.F.US.EP.Z25}, name {@code ESZ5}, symbol id {@code F.US.EP}, tick 0.25 / $12.50.
 */
public record ContractRow(
        String contractId,
        String name,
        String description,
        double tickSize,
        double tickValue,
        String symbolId,
        boolean active,
        Instant fetchedAt) {

    public ContractRow {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        if (!(tickSize > 0) || !(tickValue > 0)) {
            throw new IllegalArgumentException("contract " + contractId + " needs a positive tick size and tick value, got "
                    + tickSize + " / " + tickValue);
        }
    }
}
