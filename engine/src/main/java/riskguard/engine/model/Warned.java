package riskguard.engine.model;

import java.time.LocalDate;

/**
 * A WARNING decision already given: rule {@code rule} told the trader on {@code tradingDay}
 * that {@code level} percent of one of its limits was used. {@code limit} names that limit
 * when the rule has several ({@code per_minute}, {@code per_hour}… for RULE-006), else it is
 * empty. Rules insert it with the warning and guard with {@code not Warned(...)}, so each
 * level of each limit warns once per trading day; the daily reset removes the markers of
 * earlier days.
 */
public record Warned(String rule, String limit, int level, LocalDate tradingDay) {

  /** The marker of a rule with a single limit. */
  public Warned(String rule, int level, LocalDate tradingDay) {
    this(rule, "", level, tradingDay);
  }
}
