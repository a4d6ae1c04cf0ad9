package riskguard.connectors.projectx.model;

import java.time.OffsetDateTime;

/** One market depth (DOM) entry of a {@code GatewayDepth} event. */
public record DepthEntry(
        OffsetDateTime timestamp,
        DomType type,
        Double price,
        Long volume,
        Long currentVolume) {
}
