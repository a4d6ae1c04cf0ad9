package riskguard.config;

/**
 * RULE-005: a profit target in dollars. In {@code PROFIT_TARGET} mode a breach is unrealized P&L
 * strictly above {@code target}. In {@code BREAKEVEN} mode {@code target} is the profit that arms
 * the rule (0 by default: any profit) and the breach is a fall back to zero or below.
 */
public record MaxUnrealizedProfit(
    double target, ProfitMode mode, Scope scope, BreachAction action) {

  public static final ProfitMode DEFAULT_MODE = ProfitMode.PROFIT_TARGET;
  public static final Scope DEFAULT_SCOPE = Scope.TOTAL;
  public static final BreachAction DEFAULT_ACTION = BreachAction.CLOSE_ALL_AND_LOCKOUT;

  /** True when {@code unrealizedPnl} is strictly above the target. */
  public boolean isReachedBy(double unrealizedPnl) {
    return unrealizedPnl > target;
  }
}
