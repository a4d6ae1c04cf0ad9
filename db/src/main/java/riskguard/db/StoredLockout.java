package riskguard.db;

import java.time.Instant;

/** A lockout as stored: its id, what was inserted, and who lifted it early (if anyone). */
public record StoredLockout(long id, LockoutRow lockout, Instant liftedAt, String liftedBy) {

    /** Active = not lifted, and either open-ended or ending after {@code now}. */
    public boolean isActiveAt(Instant now) {
        return liftedAt == null && (lockout.until() == null || lockout.until().isAfter(now));
    }
}
