package riskguard.engine.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The trading day the session is in: named by the date of the reset that ends it, running
 * from {@code start} (the previous reset) to {@code nextReset}. One per session, rolled in
 * place by the engine at the reset.
 */
public final class CurrentTradingDay {

  private LocalDate date;
  private Instant start;
  private Instant nextReset;

  public CurrentTradingDay(LocalDate date, Instant start, Instant nextReset) {
    roll(date, start, nextReset);
  }

  public LocalDate getDate() {
    return date;
  }

  public Instant getStart() {
    return start;
  }

  public Instant getNextReset() {
    return nextReset;
  }

  /** Engine only: the day rolled over at a reset. */
  public void roll(LocalDate date, Instant start, Instant nextReset) {
    this.date = date;
    this.start = start;
    this.nextReset = nextReset;
  }

  @Override
  public String toString() {
    return "CurrentTradingDay[" + date + " from " + start + " to " + nextReset + "]";
  }
}
