package riskguard.engine.enforcement;

/** What a decision asks for; the names are those of {@code simulate --json}. */
public enum Action {
  CLOSE_POSITION,
  /** Close {@code size} contracts of a position (a partial close). */
  REDUCE_POSITION,
  CLOSE_ALL,
  CANCEL_ORDER,
  CANCEL_ALL_ORDERS,
  /** Until a time, until the reset, indefinitely ({@code until} null), or for one symbol. */
  LOCKOUT,
  COOLDOWN,
  UNLOCK,
  PLACE_STOP,
  MOVE_STOP,
  /** Nothing is done; {@code level} is the percentage of the limit reached. */
  WARNING
}
