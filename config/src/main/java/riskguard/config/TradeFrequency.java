package riskguard.config;

/**
 * RULE-006: trade count limits per rolling minute, rolling hour and trading day (session). A null
 * limit is not checked. Cooldowns are in seconds.
 */
public record TradeFrequency(
    Integer perMinute,
    Integer perHour,
    Integer perSession,
    int perMinuteCooldown,
    int perHourCooldown,
    int perSessionCooldown) {

  public static final int DEFAULT_PER_MINUTE_COOLDOWN = 60;
  public static final int DEFAULT_PER_HOUR_COOLDOWN = 1800;
  public static final int DEFAULT_PER_SESSION_COOLDOWN = 3600;

  /** True when {@code tradesInLastMinute} is over {@code perMinute} (4th trade with 3). */
  public boolean exceedsPerMinute(int tradesInLastMinute) {
    return perMinute != null && tradesInLastMinute > perMinute;
  }

  public boolean exceedsPerHour(int tradesInLastHour) {
    return perHour != null && tradesInLastHour > perHour;
  }

  public boolean exceedsPerSession(int tradesToday) {
    return perSession != null && tradesToday > perSession;
  }
}
