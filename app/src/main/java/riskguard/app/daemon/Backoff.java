package riskguard.app.daemon;

import java.time.Duration;

/** Waits that double from {@code initial} up to {@code max}: attempt 1 waits {@code initial}. */
record Backoff(Duration initial, Duration max) {

  static final Backoff CONNECT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
  static final Backoff ENFORCEMENT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10));

  Duration delay(int attempt) {
    Duration wait = initial;
    for (int i = 1; i < attempt && wait.compareTo(max) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
