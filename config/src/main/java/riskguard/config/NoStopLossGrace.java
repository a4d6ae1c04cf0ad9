package riskguard.config;

/**
 * RULE-008: a new position must have a protective stop working within {@code graceSeconds}. {@code
 * action} is always {@code CLOSE_POSITION} (the only word the spec allows).
 */
public record NoStopLossGrace(int graceSeconds, BreachAction action) {

  public static final int DEFAULT_GRACE_SECONDS = 30;

  /** The grace period in milliseconds, for timers. */
  public long graceMillis() {
    return graceSeconds * 1000L;
  }
}
