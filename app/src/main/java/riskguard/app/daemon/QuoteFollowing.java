package riskguard.app.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which contracts' quotes the daemon follows: those a guarded account holds, and for
 * {@code keptWhenFlat} more after the last position in one closed. A trader who goes flat and
 * in again keeps a fresh price for the rules from the first fill, and a breach that opens a
 * position does not share its moment with a subscription round trip (the invocation, the hub's
 * answer and its first quote, decoded and fired while the rules decide). Says what to subscribe
 * and unsubscribe; the caller talks to the hub.
 */
final class QuoteFollowing {

  private final Duration keptWhenFlat;
  private final Set<String> subscribed = ConcurrentHashMap.newKeySet();
  /** Subscribed contracts no guarded account holds, and since when. */
  private final Map<String, Instant> flatSince = new ConcurrentHashMap<>();

  QuoteFollowing(Duration keptWhenFlat) {
    this.keptWhenFlat = keptWhenFlat;
  }

  /** A guarded account holds the contract: true when its quotes must be subscribed now. */
  boolean held(String contractId) {
    flatSince.remove(contractId);
    return subscribed.add(contractId);
  }

  /** No guarded account holds the contract any more, from {@code at}. */
  void flat(String contractId, Instant at) {
    if (subscribed.contains(contractId)) {
      flatSince.putIfAbsent(contractId, at);
    }
  }

  /** The contracts flat for {@code keptWhenFlat} at {@code now}, forgotten here: to unsubscribe. */
  List<String> due(Instant now) {
    Instant cutoff = now.minus(keptWhenFlat);
    List<String> due = new ArrayList<>();
    flatSince.forEach((contractId, since) -> {
      if (!since.isAfter(cutoff) && flatSince.remove(contractId, since)) {
        subscribed.remove(contractId);
        due.add(contractId);
      }
    });
    return due;
  }

  /** Forgets everything (a new market hub connection starts with no subscription). */
  void clear() {
    subscribed.clear();
    flatSince.clear();
  }

  Set<String> subscribed() {
    return Set.copyOf(subscribed);
  }
}
