package riskguard.engine.model;

import java.time.Instant;

/**
 * The session clock as a fact, so rules can compare deadlines against it
 * ({@code Now(instant >= $lockout.until)}). The engine updates it whenever the clock moves
 * (event time, heartbeat ticks).
 */
public final class Now {

  private Instant instant;

  public Now(Instant instant) {
    this.instant = instant;
  }

  public Instant getInstant() {
    return instant;
  }

  /** Engine only. */
  public void set(Instant instant) {
    this.instant = instant;
  }

  @Override
  public String toString() {
    return "Now[" + instant + "]";
  }
}
