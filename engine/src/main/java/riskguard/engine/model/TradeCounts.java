package riskguard.engine.model;

import java.util.ArrayList;
import java.util.List;
import riskguard.config.TradeFrequency;

/**
 * RULE-006: the non-voided trades counted in the rolling minute, the rolling hour and the
 * trading day, and what they mean against the configured limits. The rule package derives
 * one of these from its windows; the arithmetic lives here so it is written and tested once.
 */
public record TradeCounts(long lastMinute, long lastHour, long today) {

  /** The share of a limit, in percent, at which the trader is warned. */
  public static final int WARNING_PERCENT = 80;

  /** One configured window: its name as in the config, the trades in it, its limit and cooldown. */
  public record Window(String name, String span, long count, int limit, int cooldownSeconds) {

    /** More trades than the limit (the 4th trade in a minute with per_minute 3). */
    public boolean isOver() {
      return count > limit;
    }

    /** The count is at least {@code percent} percent of the limit, but not over it. */
    public boolean reaches(int percent) {
      return !isOver() && count * 100 >= (long) limit * percent;
    }

    /** {@code "4 trades in the last minute > per_minute 3"}. */
    public String describe() {
      return count + (count == 1 ? " trade " : " trades ") + span + (isOver() ? " > " : " of ") + name + " " + limit;
    }
  }

  /**
   * What a breach decides: the longest cooldown of the windows over their limit, with every
   * breached window in the reason.
   */
  public record Breach(int cooldownSeconds, String reason) {}

  /**
   * True when a count is over its limit or at 80 % of it or more: only then is there a breach to
   * decide or a warning to give.
   */
  public static boolean nearALimit(TradeFrequency limits, long lastMinute, long lastHour, long today) {
    for (Window window : new TradeCounts(lastMinute, lastHour, today).windows(limits)) {
      if (window.isOver() || window.reaches(WARNING_PERCENT)) {
        return true;
      }
    }
    return false;
  }

  /** The windows that have a limit configured, in the order minute, hour, trading day. */
  public List<Window> windows(TradeFrequency limits) {
    List<Window> windows = new ArrayList<>(3);
    if (limits.perMinute() != null) {
      windows.add(new Window("per_minute", "in the last minute", lastMinute, limits.perMinute(),
          limits.perMinuteCooldown()));
    }
    if (limits.perHour() != null) {
      windows.add(new Window("per_hour", "in the last hour", lastHour, limits.perHour(), limits.perHourCooldown()));
    }
    if (limits.perSession() != null) {
      windows.add(new Window("per_session", "today", today, limits.perSession(), limits.perSessionCooldown()));
    }
    return windows;
  }

  /** The breach when any window is over its limit, else null (nothing to decide). */
  public Breach breach(TradeFrequency limits) {
    int cooldown = -1;
    List<String> over = new ArrayList<>(3);
    for (Window window : windows(limits)) {
      if (window.isOver()) {
        over.add(window.describe());
        cooldown = Math.max(cooldown, window.cooldownSeconds());
      }
    }
    if (over.isEmpty()) {
      return null;
    }
    return new Breach(cooldown, String.join("; ", over) + ": cooldown " + cooldown + " s");
  }
}
