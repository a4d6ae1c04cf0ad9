package riskguard.db;

/** How a lockout ends. */
public enum LockoutKind {
    /** Until a point in time: the next daily reset or session start. */
    UNTIL_TIME,
    /** A cooldown: for a duration from when it started; {@code until} is its end. */
    DURATION,
    /** Until a condition clears and the rule lifts it (e.g. RULE-010 when canTrade returns). */
    INDEFINITE,
    /** One symbol root only; the account's other symbols stay tradable. */
    SYMBOL
}
