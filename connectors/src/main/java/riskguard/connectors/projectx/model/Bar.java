package riskguard.connectors.projectx.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/** One OHLCV bar of {@code /api/History/retrieveBars}; the wire uses one-letter names. */
public record Bar(
        @JsonProperty("t") OffsetDateTime time,
        @JsonProperty("o") Double open,
        @JsonProperty("h") Double high,
        @JsonProperty("l") Double low,
        @JsonProperty("c") Double close,
        @JsonProperty("v") Long volume) {
}
