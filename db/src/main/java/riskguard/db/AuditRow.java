package riskguard.db;

import java.time.Instant;
import java.util.Objects;

/**
 * One audit log entry: a step of one decision. {@code ts} is the decision's event time;
 * {@code factsJson} is the JSON of the facts that triggered it (checked to be valid JSON by
 * the database). Nullable: everything after {@code action} except {@code phase}.
 */
public record AuditRow(
        String decisionId,
        Instant ts,
        long accountId,
        String rule,
        String action,
        String contractId,
        Long orderId,
        Integer size,
        Instant until,
        String symbol,
        Double stopPrice,
        String reason,
        String factsJson,
        AuditPhase phase,
        String detail,
        String rulePackageVersion) {

    public AuditRow {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(phase, "phase");
    }

    /** The same decision at a later step, e.g. {@code decided.at(AuditPhase.SUCCEEDED, "closed 2")}. */
    public AuditRow at(AuditPhase nextPhase, String nextDetail) {
        return new AuditRow(decisionId, ts, accountId, rule, action, contractId, orderId, size, until, symbol,
                stopPrice, reason, factsJson, nextPhase, nextDetail, rulePackageVersion);
    }
}
