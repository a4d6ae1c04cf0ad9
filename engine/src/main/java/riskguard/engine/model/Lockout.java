package riskguard.engine.model;

import java.time.Instant;

/**
 * The account (or, with a {@code symbol}, one root) may hold no positions and no working
 * orders. Set by a rule through the decision channel, lifted by a rule (time passed, daily
 * reset, condition cleared), or restored from the database at start.
 *
 * @param rule the rule that set it ({@code RULE-003}…)
 * @param since session-clock time it began: the lockout guard acts on positions and orders
 *     that appear after this
 * @param endsAt when it ends; null for {@link LockoutKind#INDEFINITE}
 * @param symbol the root it applies to, or null for the whole account
 */
public record Lockout(
    String id, String rule, LockoutKind kind, String symbol, Instant since, Instant endsAt, String reason) {

  /** True when this lockout forbids holding {@code root}. */
  public boolean appliesTo(String root) {
    return symbol == null || symbol.equals(root);
  }

  /** True when this lockout ends strictly before {@code other} (indefinite never does). */
  public boolean endsBefore(Instant other) {
    return endsAt != null && (other == null || endsAt.isBefore(other));
  }
}
