package riskguard.db;

import java.time.Instant;

/** An audit row as stored: its id (append order) and the wall-clock time it was written. */
public record StoredAuditRow(long id, Instant createdAt, AuditRow row) {
}
