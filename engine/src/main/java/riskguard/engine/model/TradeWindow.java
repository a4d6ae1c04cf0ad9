package riskguard.engine.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import riskguard.config.TradeFrequency;

/**
 * RULE-006: the non-voided trades counted in one window — the rolling minute, the rolling hour
 * or the trading day — against that window's configured limit. The rule package keeps one of
 * these per window while its count is at 80 % of the limit or over; the arithmetic lives here
 * so it is written and tested once.
 *
 * @param order the window's place when several are named together: minute, hour, day
 */
public record TradeWindow(int order, String name, String span, long count, int limit, int cooldownSeconds) {

  /** The share of a limit, in percent, at which the trader is warned. */
  public static final int WARNING_PERCENT = 80;

  private static final Comparator<TradeWindow> MINUTE_HOUR_DAY = Comparator.comparingInt(TradeWindow::order);

  public static TradeWindow lastMinute(TradeFrequency limits, long count) {
    return new TradeWindow(0, "per_minute", "in the last minute", count, limits.perMinute(), limits.perMinuteCooldown());
  }

  public static TradeWindow lastHour(TradeFrequency limits, long count) {
    return new TradeWindow(1, "per_hour", "in the last hour", count, limits.perHour(), limits.perHourCooldown());
  }

  public static TradeWindow today(TradeFrequency limits, long count) {
    return new TradeWindow(2, "per_session", "today", count, limits.perSession(), limits.perSessionCooldown());
  }

  /**
   * True when {@code count} is over {@code limit} or at 80 % of it or more: only then is there a
   * breach to decide or a warning to give. A window without a limit (null) never is.
   */
  public static boolean worthJudging(long count, Integer limit) {
    return limit != null && count * 100 >= (long) limit * WARNING_PERCENT;
  }

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

  /**
   * What a breach decides: the longest cooldown of the windows over their limit, with every
   * breached window in the reason.
   */
  public record Breach(int cooldownSeconds, String reason) {}

  /** The breach of the windows given that are over their limit (in any order), else null. */
  public static Breach breach(Collection<?> windows) {
    List<TradeWindow> over = windows.stream().map(TradeWindow.class::cast).filter(TradeWindow::isOver)
        .sorted(MINUTE_HOUR_DAY).toList();
    if (over.isEmpty()) {
      return null;
    }
    int cooldown = over.stream().mapToInt(TradeWindow::cooldownSeconds).max().getAsInt();
    return new Breach(cooldown, over.stream().map(TradeWindow::describe).collect(Collectors.joining("; "))
        + ": cooldown " + cooldown + " s");
  }
}
