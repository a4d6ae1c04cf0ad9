package riskguard.connectors.sim;

import java.time.Instant;

/** A full quote of one contract (the second argument of GatewayQuote, plus its contract id). */
public record QuoteView(
    String contractId,
    String symbol,
    String symbolName,
    double lastPrice,
    double bestBid,
    double bestAsk,
    double change,
    double changePercent,
    double open,
    double high,
    double low,
    long volume,
    Instant lastUpdated,
    Instant timestamp) {}
