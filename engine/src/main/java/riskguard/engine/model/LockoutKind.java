package riskguard.engine.model;

/** When a lockout ends. A lockout with a symbol applies to that root only, whatever its kind. */
public enum LockoutKind {
  /** Lifts at the next daily reset ({@code DAILY-RESET}). */
  UNTIL_RESET,
  /** Lifts when the session clock reaches {@code until} (e.g. the next session start). */
  UNTIL_TIME,
  /** A lockout for a duration; a new one replaces it only if it ends later. */
  COOLDOWN,
  /** Lifts only when the rule that set it lifts it (or an operator does). */
  INDEFINITE
}
