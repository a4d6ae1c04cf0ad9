package riskguard.engine.event;

import java.time.Instant;

/**
 * {@code GatewayQuote}: prices for one contract. A hub update may carry only the fields
 * that changed (the rest null); the engine merges it into the last quote of the contract.
 * {@code quoteTime} is the quote's own time when the hub sent one.
 */
public record QuoteEvent(
    Instant ts, String contractId, Double lastPrice, Double bestBid, Double bestAsk, Instant quoteTime)
    implements InputEvent {}
