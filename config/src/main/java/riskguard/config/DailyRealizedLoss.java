package riskguard.config;

/** RULE-003: the day's realized loss limit in dollars (positive, e.g. 500). */
public record DailyRealizedLoss(double limit) {

  /** True when the day's realized P&L has reached {@code -limit} (reaching counts). */
  public boolean isBreachedBy(double realizedPnl) {
    return realizedPnl <= -limit;
  }
}
