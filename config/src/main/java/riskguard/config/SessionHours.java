package riskguard.config;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RULE-009: when trading is allowed. The global session starts at {@code start} on each of {@code
 * days} (in {@code timezone}) and ends at {@code end} the same day, or the next day when {@code
 * end} is not after {@code start}. A root listed in {@code perSymbol} (upper case) follows its own
 * session instead. A date in {@code holidays} is closed for its whole calendar day in each
 * session's own time zone.
 */
public record SessionHours(
    LocalTime start,
    LocalTime end,
    ZoneId timezone,
    Set<DayOfWeek> days,
    Map<String, SymbolSession> perSymbol,
    List<LocalDate> holidays,
    boolean closeAtSessionEnd) {

  public static final ZoneId DEFAULT_TIMEZONE = ZoneId.of("America/New_York");
  public static final Set<DayOfWeek> DEFAULT_DAYS =
      Set.of(
          DayOfWeek.MONDAY,
          DayOfWeek.TUESDAY,
          DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY);

  public SessionHours {
    days = Set.copyOf(days);
    perSymbol = Map.copyOf(perSymbol);
    holidays = holidays.stream().sorted().toList();
  }

  /**
   * True when trading in {@code root} is allowed at {@code instant}: a session includes its start
   * and excludes its end.
   */
  public boolean isInSession(Instant instant, String root) {
    return scheduleFor(root).isOpen(instant);
  }

  public boolean isInSession(long epochMillis, String root) {
    return isInSession(Instant.ofEpochMilli(epochMillis), root);
  }

  /**
   * When the next session for {@code root} opens, strictly after {@code instant}; null if none
   * within a year.
   */
  public Instant nextSessionStart(Instant instant, String root) {
    return scheduleFor(root).nextStartAfter(instant);
  }

  /**
   * When the session for {@code root} that is open at {@code instant} ends, or, outside a session,
   * when the next one ends; null when it never ends within a year.
   */
  public Instant sessionEndAfter(Instant instant, String root) {
    return scheduleFor(root).endAfter(instant);
  }

  public boolean isHoliday(LocalDate date) {
    return holidays.contains(date);
  }

  /** The per-symbol session of {@code root}, or null when it follows the global one. */
  public SymbolSession sessionOf(String root) {
    return root == null ? null : perSymbol.get(root.toUpperCase(Locale.ROOT));
  }

  /**
   * The rules ask the same session hours for a schedule on every position and order event:
   * finding it by its definition (a record over every day and holiday, hashed on each question)
   * cost more than the answer, so the schedules of the session hours asked last are kept by root.
   */
  private static volatile Schedules lastAsked = new Schedules(null, Map.of());

  /** The schedules found for {@code hours}, by root ({@code ""} for none). */
  private record Schedules(SessionHours hours, Map<String, SessionSchedule> byRoot) {}

  private SessionSchedule scheduleFor(String root) {
    Schedules known = lastAsked;
    if (known.hours() != this) {
      known = new Schedules(this, new ConcurrentHashMap<>());
      lastAsked = known;
    }
    return known.byRoot().computeIfAbsent(root == null ? "" : root, this::findSchedule);
  }

  private SessionSchedule findSchedule(String root) {
    SymbolSession own = sessionOf(root);
    return own != null
        ? SessionSchedule.of(own, holidays)
        : SessionSchedule.daily(start, end, timezone, days, holidays);
  }
}
