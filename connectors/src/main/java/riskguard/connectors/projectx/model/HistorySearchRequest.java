package riskguard.connectors.projectx.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/** Body of {@code /api/Order/search} and {@code /api/Trade/search}; no end means "until now". */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistorySearchRequest(long accountId, OffsetDateTime startTimestamp, OffsetDateTime endTimestamp) {
}
