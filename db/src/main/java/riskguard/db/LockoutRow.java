package riskguard.db;

import java.time.Instant;
import java.util.Objects;

/**
 * A lockout to store. {@code until} is null for {@link LockoutKind#INDEFINITE} lockouts and may
 * be null for {@link LockoutKind#SYMBOL} ones; {@code symbol} is set for symbol lockouts.
 */
public record LockoutRow(
        long accountId,
        LockoutKind kind,
        String rule,
        String symbol,
        Instant startsAt,
        Instant until,
        String reason,
        String decisionId) {

    public LockoutRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(reason, "reason");
        if ((kind == LockoutKind.UNTIL_TIME || kind == LockoutKind.DURATION) && until == null) {
            throw new IllegalArgumentException(kind + " lockout for account " + accountId + " by " + rule + " needs an end time");
        }
        if (kind == LockoutKind.INDEFINITE && until != null) {
            throw new IllegalArgumentException("INDEFINITE lockout for account " + accountId + " by " + rule + " cannot have an end time");
        }
        if (kind == LockoutKind.SYMBOL && symbol == null) {
            throw new IllegalArgumentException("SYMBOL lockout for account " + accountId + " by " + rule + " needs a symbol");
        }
    }
}
