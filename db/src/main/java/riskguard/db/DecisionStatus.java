package riskguard.db;

public enum DecisionStatus {
    /** Claimed, not yet known to have succeeded: executed again on retry or after a restart. */
    PENDING,
    /** Executed successfully: never executed again. */
    DONE,
    /** Gave up after retries; a later claim may try again. */
    FAILED
}
