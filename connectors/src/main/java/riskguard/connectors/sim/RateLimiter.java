package riskguard.connectors.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's request limits as sliding windows per client: 200 requests per 60 s for every
 * endpoint except {@code /api/History/retrieveBars}, which has its own 50 per 30 s.
 */
final class RateLimiter {

  static final String BARS_ENDPOINT = "/api/History/retrieveBars";

  /** One window: at most {@code requests} within {@code window}. */
  record Limit(int requests, Duration window) {}

  static final Limit GENERAL = new Limit(200, Duration.ofSeconds(60));
  static final Limit BARS = new Limit(50, Duration.ofSeconds(30));

  private final Clock clock;
  private final Map<String, Deque<Instant>> windows = new HashMap<>();

  RateLimiter(Clock clock) {
    this.clock = clock;
  }

  /**
   * Counts a request of a client to an endpoint; empty when allowed, else how long until the
   * oldest request in the window leaves it (the {@code Retry-After}). Refused requests do not count.
   */
  synchronized Optional<Duration> acquire(String client, String endpoint) {
    boolean bars = BARS_ENDPOINT.equalsIgnoreCase(endpoint);
    Limit limit = bars ? BARS : GENERAL;
    Deque<Instant> window = windows.computeIfAbsent(client + (bars ? "|bars" : "|all"), k -> new ArrayDeque<>());
    Instant now = clock.instant();
    Instant horizon = now.minus(limit.window());
    while (!window.isEmpty() && !window.peekFirst().isAfter(horizon)) {
      window.pollFirst();
    }
    if (window.size() >= limit.requests()) {
      return Optional.of(Duration.between(horizon, window.peekFirst()));
    }
    window.addLast(now);
    return Optional.empty();
  }
}
