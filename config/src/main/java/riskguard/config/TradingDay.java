package riskguard.config;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The trading day: it runs from one daily reset to the next (default 17:00 America/New_York). A
 * trading day is named by the calendar date on which it ends, so Monday 18:00 New York belongs to
 * Tuesday's trading day.
 */
public record TradingDay(LocalTime reset, ZoneId timezone) {

  public static final LocalTime DEFAULT_RESET = LocalTime.of(17, 0);
  public static final ZoneId DEFAULT_TIMEZONE = ZoneId.of("America/New_York");

  public static TradingDay defaults() {
    return new TradingDay(DEFAULT_RESET, DEFAULT_TIMEZONE);
  }

  /** The first reset strictly after {@code instant}. */
  public Instant nextResetAfter(Instant instant) {
    LocalDate date = instant.atZone(timezone).toLocalDate();
    Instant candidate = resetOn(date);
    return candidate.isAfter(instant) ? candidate : resetOn(date.plusDays(1));
  }

  /** The reset at or before {@code instant}: when the current trading day began. */
  public Instant currentDayStart(Instant instant) {
    LocalDate date = instant.atZone(timezone).toLocalDate();
    Instant candidate = resetOn(date);
    return candidate.isAfter(instant) ? resetOn(date.minusDays(1)) : candidate;
  }

  /** The date of the trading day {@code instant} belongs to (the date of its closing reset). */
  public LocalDate tradingDateOf(Instant instant) {
    return nextResetAfter(instant).atZone(timezone).toLocalDate();
  }

  private Instant resetOn(LocalDate date) {
    return ZonedDateTime.of(date, reset, timezone).toInstant();
  }
}
