package riskguard.connectors.projectx.model;

import java.time.OffsetDateTime;

/** An open position; in a {@code GatewayUserPosition} event size 0 means it was closed. */
public record Position(
        long id,
        long accountId,
        String contractId,
        OffsetDateTime creationTimestamp,
        PositionType type,
        int size,
        Double averagePrice) {
}
