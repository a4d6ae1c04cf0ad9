package riskguard.engine.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import riskguard.engine.event.QuoteEvent;

/**
 * The last quote of every contract. A hub update may carry only the fields that changed;
 * {@link #merge} folds it into the last quote and returns the whole quote. Quotes are kept
 * as immutable snapshots, so account threads can read them while the hub thread merges.
 * Merged on the one thread that feeds the engine.
 */
final class QuoteBook {

  private final Map<String, QuoteEvent> last = new ConcurrentHashMap<>();

  QuoteEvent merge(QuoteEvent update) {
    QuoteEvent previous = last.get(update.contractId());
    QuoteEvent merged = previous == null
        ? update
        : new QuoteEvent(
            update.ts(),
            update.contractId(),
            update.lastPrice() != null ? update.lastPrice() : previous.lastPrice(),
            update.bestBid() != null ? update.bestBid() : previous.bestBid(),
            update.bestAsk() != null ? update.bestAsk() : previous.bestAsk(),
            update.quoteTime() != null ? update.quoteTime() : previous.quoteTime());
    last.put(update.contractId(), merged);
    return merged;
  }

  QuoteEvent last(String contractId) {
    return last.get(contractId);
  }
}
