package riskguard.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * RULE-009: the session of one symbol root. Two forms: a weekly span from {@code fromDay} {@code
 * start} to {@code toDay} {@code end} (ES: Sunday 18:00 to Friday 17:00 Chicago), or, when {@code
 * fromDay}/{@code toDay} are null, a daily session starting on each of {@code days}, ending the
 * next day when {@code end} is not after {@code start}.
 */
public record SymbolSession(
    LocalTime start,
    LocalTime end,
    ZoneId timezone,
    DayOfWeek fromDay,
    DayOfWeek toDay,
    Set<DayOfWeek> days) {

  public SymbolSession {
    days = days == null ? Set.of() : Set.copyOf(days);
  }

  public boolean isWeekly() {
    return fromDay != null;
  }
}
