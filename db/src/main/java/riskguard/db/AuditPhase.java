package riskguard.db;

/** Where an enforcement stood when an audit row was written. */
public enum AuditPhase {
    /** The rules decided it (written before anything is sent). */
    DECIDED,
    /** The gateway call is about to be made. */
    SENT,
    SUCCEEDED,
    FAILED,
    /** A failed call will be tried again. */
    RETRY,
    /** Not executed: already done, merged into a stronger action, or nothing to do. */
    SKIPPED
}
