package riskguard.connectors.projectx.model;

import java.time.OffsetDateTime;

/** Body of {@code /api/History/retrieveBars}: {@code unitNumber} units per bar, at most {@code limit} bars. */
public record RetrieveBarsRequest(
        String contractId,
        boolean live,
        OffsetDateTime startTime,
        OffsetDateTime endTime,
        BarUnit unit,
        int unitNumber,
        int limit,
        boolean includePartialBar) {
}
