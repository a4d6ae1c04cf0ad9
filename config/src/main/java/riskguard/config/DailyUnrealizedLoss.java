package riskguard.config;

/** RULE-004: an unrealized loss limit in dollars (positive), per position or in total. */
public record DailyUnrealizedLoss(double limit, Scope scope, BreachAction action) {

  public static final Scope DEFAULT_SCOPE = Scope.TOTAL;
  public static final BreachAction DEFAULT_ACTION = BreachAction.CLOSE_ALL_AND_LOCKOUT;

  /** True when {@code unrealizedPnl} is strictly below {@code -limit} (at the limit is fine). */
  public boolean isBreachedBy(double unrealizedPnl) {
    return unrealizedPnl < -limit;
  }
}
