package riskguard.engine.session;

import java.util.HashMap;
import java.util.Map;
import riskguard.engine.event.QuoteEvent;

/**
 * The quotes one queued {@link AccountSession#applyQuotes} step applies. Quotes arriving
 * while the step waits in the account's queue join it (the latest of each contract wins),
 * until the step starts or another event is queued behind it: a quote never overtakes an
 * order, position or trade that arrived before it.
 */
final class QuoteBatch {

  private final Map<String, QuoteEvent> latest = new HashMap<>(4);
  private boolean taken;
  private boolean closed;

  QuoteBatch(QuoteEvent first) {
    latest.put(first.contractId(), first);
  }

  /** Feeder: adds the quote; false when the batch no longer takes quotes (queue a new one). */
  synchronized boolean add(QuoteEvent quote) {
    if (taken || closed) {
      return false;
    }
    latest.put(quote.contractId(), quote);
    return true;
  }

  /** Feeder: another event was queued behind this batch; later quotes go to a new one. */
  synchronized void close() {
    closed = true;
  }

  /** The account's thread: the batch's quotes by contract, no longer changed by anyone. */
  synchronized Map<String, QuoteEvent> take() {
    taken = true;
    return latest;
  }
}
