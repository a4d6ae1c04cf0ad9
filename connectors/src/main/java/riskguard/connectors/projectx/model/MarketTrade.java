package riskguard.connectors.projectx.model;

import java.time.OffsetDateTime;

/**
 * One print of a {@code GatewayTrade} market event (not an account fill; see {@link Trade}).
 * {@code type} is the aggressor side as the gateway sends it: 0 buy, 1 sell.
 */
public record MarketTrade(
        String symbolId,
        Double price,
        OffsetDateTime timestamp,
        Integer type,
        Long volume) {
}
