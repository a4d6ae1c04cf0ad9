package riskguard.db;

import java.time.Instant;

/**
 * The idempotency record of one enforcement decision. {@code action} and {@code target} are
 * the engine's words (e.g. {@code CLOSE_POSITION}, a contract id); this module does not
 * interpret them.
 */
public record DecisionRow(
        String decisionId,
        long accountId,
        String action,
        String target,
        DecisionStatus status,
        int attempts,
        Instant createdAt,
        Instant updatedAt) {
}
