package riskguard.engine.enforcement;

import java.time.Instant;

/**
 * One enforcement decision of one rule. The fields are those of {@code simulate --json}
 * (RECORDING_FORMAT.md); the ones an action does not use are null.
 *
 * @param id unique, so retries and the audit log can name the decision
 * @param ts session-clock time of the decision
 * @param rule {@code RULE-001} … {@code RULE-012}, {@code LOCKOUT-GUARD} or {@code DAILY-RESET}
 * @param size contracts to close, for {@code REDUCE_POSITION}
 * @param orderId the order to cancel or whose stop to move
 * @param until end of a lockout or cooldown (null for an indefinite lockout)
 * @param symbol the root of a symbol lockout
 * @param level percent of the limit reached, for {@code WARNING}
 */
public record Decision(
    String id,
    Instant ts,
    long accountId,
    String rule,
    Action action,
    String contractId,
    Integer size,
    Long orderId,
    Instant until,
    String symbol,
    Double stopPrice,
    Integer level,
    String reason) {

  /** Starts a decision; the optional fields are set with the {@code with…} methods. */
  public static Decision of(String id, Instant ts, long accountId, String rule, Action action, String reason) {
    return new Decision(id, ts, accountId, rule, action, null, null, null, null, null, null, null, reason);
  }

  public Decision withContract(String contractId) {
    return new Decision(id, ts, accountId, rule, action, contractId, size, orderId, until, symbol, stopPrice, level, reason);
  }

  public Decision withSize(int size) {
    return new Decision(id, ts, accountId, rule, action, contractId, size, orderId, until, symbol, stopPrice, level, reason);
  }

  public Decision withOrder(Long orderId) {
    return new Decision(id, ts, accountId, rule, action, contractId, size, orderId, until, symbol, stopPrice, level, reason);
  }

  public Decision withUntil(Instant until) {
    return new Decision(id, ts, accountId, rule, action, contractId, size, orderId, until, symbol, stopPrice, level, reason);
  }

  public Decision withSymbol(String symbol) {
    return new Decision(id, ts, accountId, rule, action, contractId, size, orderId, until, symbol, stopPrice, level, reason);
  }

  public Decision withStopPrice(double stopPrice) {
    return new Decision(id, ts, accountId, rule, action, contractId, size, orderId, until, symbol, stopPrice, level, reason);
  }

  public Decision withLevel(int level) {
    return new Decision(id, ts, accountId, rule, action, contractId, size, orderId, until, symbol, stopPrice, level, reason);
  }
}
