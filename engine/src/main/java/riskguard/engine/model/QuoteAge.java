package riskguard.engine.model;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether the quote valuing a position is older than {@code max_quote_age_seconds}. A stale
 * quote is still used (the last price is the best there is); rules only say so.
 */
public final class QuoteAge {

  private QuoteAge() {}

  /** True when the quote of {@code quoteTime} is more than {@code maxAge} old at {@code now}. */
  public static boolean isStale(Instant quoteTime, Instant now, Duration maxAge) {
    return quoteTime != null && Duration.between(quoteTime, now).compareTo(maxAge) > 0;
  }

  /** The quote's age in whole seconds at {@code now}, for messages. */
  public static long seconds(Instant quoteTime, Instant now) {
    return Duration.between(quoteTime, now).toSeconds();
  }
}
