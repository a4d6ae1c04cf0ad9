package riskguard.connectors.projectx.model;

import java.time.OffsetDateTime;

/**
 * A market quote from {@code GatewayQuote}. Every field may be null: an update carries only the
 * fields that changed, so merge it onto the last full quote with {@link #mergedOnto(Quote)}.
 */
public record Quote(
        String symbol,
        String symbolName,
        Double lastPrice,
        Double bestBid,
        Double bestAsk,
        Double change,
        Double changePercent,
        Double open,
        Double high,
        Double low,
        Long volume,
        OffsetDateTime lastUpdated,
        OffsetDateTime timestamp) {

    /** This update laid over {@code previous}: fields this update lacks keep their old value. */
    public Quote mergedOnto(Quote previous) {
        if (previous == null) {
            return this;
        }
        return new Quote(
                or(symbol, previous.symbol),
                or(symbolName, previous.symbolName),
                or(lastPrice, previous.lastPrice),
                or(bestBid, previous.bestBid),
                or(bestAsk, previous.bestAsk),
                or(change, previous.change),
                or(changePercent, previous.changePercent),
                or(open, previous.open),
                or(high, previous.high),
                or(low, previous.low),
                or(volume, previous.volume),
                or(lastUpdated, previous.lastUpdated),
                or(timestamp, previous.timestamp));
    }

    private static <T> T or(T update, T previous) {
        return update != null ? update : previous;
    }
}
