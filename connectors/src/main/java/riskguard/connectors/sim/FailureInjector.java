package riskguard.connectors.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.OptionalInt;

/**
 * Failures a test asked for: the next N calls (to any endpoint, or to one) are answered with a
 * given HTTP status instead of being served; or they are served and their answer is lost (a
 * proxy's 504 in its place), so the call took effect but the caller cannot know it.
 */
final class FailureInjector {

  private static final class Pending {
    final int status;
    final String endpoint;
    int remaining;

    Pending(int remaining, int status, String endpoint) {
      this.remaining = remaining;
      this.status = status;
      this.endpoint = endpoint;
    }
  }

  /** The status that stands for an answer lost after the call was served. */
  static final int LOST_ANSWER_STATUS = 504;

  private final Deque<Pending> pending = new ArrayDeque<>();
  private final Deque<Pending> lostAnswers = new ArrayDeque<>();

  /**
   * @param endpoint the path to fail, e.g. {@code /api/Position/closeContract}; null fails any
   */
  synchronized void inject(int count, int status, String endpoint) {
    if (count <= 0) {
      throw new IllegalArgumentException("failure count must be positive, got " + count);
    }
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("failure status must be 4xx or 5xx, got " + status);
    }
    pending.addLast(new Pending(count, status, endpoint));
  }

  /** The next {@code count} calls to {@code endpoint} (null: any) are served, then answered 504. */
  synchronized void loseAnswers(int count, String endpoint) {
    if (count <= 0) {
      throw new IllegalArgumentException("lost answer count must be positive, got " + count);
    }
    lostAnswers.addLast(new Pending(count, LOST_ANSWER_STATUS, endpoint));
  }

  /** The status to fail this call with, consuming one injected failure, or empty to serve it. */
  synchronized OptionalInt take(String endpoint) {
    return take(pending, endpoint);
  }

  /** After serving the call: the status that replaces its answer, or empty to send the answer. */
  synchronized OptionalInt takeLostAnswer(String endpoint) {
    return take(lostAnswers, endpoint);
  }

  private static OptionalInt take(Deque<Pending> queue, String endpoint) {
    Iterator<Pending> it = queue.iterator();
    while (it.hasNext()) {
      Pending p = it.next();
      if (p.endpoint == null || p.endpoint.equalsIgnoreCase(endpoint)) {
        p.remaining--;
        if (p.remaining == 0) {
          it.remove();
        }
        return OptionalInt.of(p.status);
      }
    }
    return OptionalInt.empty();
  }

  synchronized void clear() {
    pending.clear();
    lostAnswers.clear();
  }
}
