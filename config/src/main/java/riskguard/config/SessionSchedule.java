package riskguard.config;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open spans of one session definition as instants, with holidays cut out and touching spans
 * merged. Local times are resolved by {@link ZonedDateTime#of}, so a time that falls in a
 * daylight-saving gap moves forward by the gap and an ambiguous time takes the earlier offset.
 */
final class SessionSchedule {

  /** A span never lasts more than a week, so this look-back finds any span covering a day. */
  private static final int LOOK_BACK_DAYS = 8;

  private static final int SEARCH_STEP_DAYS = 31;
  private static final int SEARCH_LIMIT_DAYS = 400;

  record Span(Instant start, Instant end) {
    boolean contains(Instant instant) {
      return !instant.isBefore(start) && instant.isBefore(end);
    }
  }

  /** The open spans of the sessions starting on local dates {@code from}..{@code to}, merged. */
  private record SpanTable(LocalDate from, LocalDate to, List<Span> spans) {
    boolean covers(LocalDate first, LocalDate last) {
      return !from.isAfter(first) && !to.isBefore(last);
    }
  }

  /** What a schedule is made of: equal definitions share one schedule and its span table. */
  private record Definition(
      LocalTime start, LocalTime end, ZoneId zone, Set<DayOfWeek> days, DayOfWeek fromDay, DayOfWeek toDay,
      List<LocalDate> holidays) {}

  /**
   * The rules ask for the same few sessions on every position and order event; working out a
   * span means time-zone arithmetic for every day searched, so each definition is worked out once
   * and its spans kept for a stretch of days. A handful of definitions exist (one per config).
   */
  private static final Map<Definition, SessionSchedule> SCHEDULES = new ConcurrentHashMap<>();

  /** Days worked out at once beyond what a question needs, so the next questions find them. */
  private static final int TABLE_DAYS = 2 * SEARCH_STEP_DAYS + LOOK_BACK_DAYS;

  private final LocalTime start;
  private final LocalTime end;
  private final ZoneId zone;
  private final Set<DayOfWeek> days;
  private final DayOfWeek fromDay;
  private final DayOfWeek toDay;
  private final List<LocalDate> holidays;
  private volatile SpanTable table;

  private SessionSchedule(Definition definition) {
    this.start = definition.start();
    this.end = definition.end();
    this.zone = definition.zone();
    this.days = definition.days();
    this.fromDay = definition.fromDay();
    this.toDay = definition.toDay();
    this.holidays = definition.holidays().stream().sorted().toList();
  }

  static SessionSchedule daily(
      LocalTime start, LocalTime end, ZoneId zone, Set<DayOfWeek> days, List<LocalDate> holidays) {
    return shared(new Definition(start, end, zone, days, null, null, holidays));
  }

  static SessionSchedule of(SymbolSession session, List<LocalDate> holidays) {
    return shared(new Definition(
        session.start(),
        session.end(),
        session.timezone(),
        session.days(),
        session.fromDay(),
        session.toDay(),
        holidays));
  }

  private static SessionSchedule shared(Definition definition) {
    return SCHEDULES.computeIfAbsent(definition, SessionSchedule::new);
  }

  boolean isOpen(Instant instant) {
    LocalDate date = localDate(instant);
    List<Span> spans = spans(date.minusDays(LOOK_BACK_DAYS), date.plusDays(1));
    int first = firstEndingAfter(spans, instant);
    return first < spans.size() && spans.get(first).contains(instant);
  }

  /** The first span start strictly after {@code instant}, or null if none within a year. */
  Instant nextStartAfter(Instant instant) {
    LocalDate from = localDate(instant).minusDays(LOOK_BACK_DAYS);
    for (int ahead = SEARCH_STEP_DAYS; ahead <= SEARCH_LIMIT_DAYS; ahead += SEARCH_STEP_DAYS) {
      LocalDate to = localDate(instant).plusDays(ahead);
      for (Span span : spans(from, to)) {
        if (span.start().isAfter(instant)) {
          return span.start();
        }
      }
    }
    return null;
  }

  /**
   * The end of the span containing {@code instant}, or else of the next span; null when the session
   * never ends within a year.
   */
  Instant endAfter(Instant instant) {
    LocalDate date = localDate(instant);
    LocalDate from = date.minusDays(LOOK_BACK_DAYS);
    for (int ahead = SEARCH_STEP_DAYS; ahead <= SEARCH_LIMIT_DAYS; ahead += SEARCH_STEP_DAYS) {
      LocalDate to = date.plusDays(ahead);
      List<Span> spans = spans(from, to);
      int first = firstEndingAfter(spans, instant);
      if (first < spans.size() && !endsNearSearchEdge(spans.get(first), to)) {
        return spans.get(first).end();
      }
    }
    return null;
  }

  /**
   * The index of the first span ending after {@code instant} ({@code spans.size()} when none).
   * Merged spans do not overlap, so their ends rise with their starts: a binary search.
   */
  private static int firstEndingAfter(List<Span> spans, Instant instant) {
    int low = 0;
    int high = spans.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (spans.get(middle).end().isAfter(instant)) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }

  /**
   * Open spans for sessions starting on local dates {@code from}..{@code to} (and maybe on some
   * days around them), merged.
   */
  List<Span> spans(LocalDate from, LocalDate to) {
    SpanTable known = table;
    if (known == null || !known.covers(from, to)) {
      LocalDate last = to.isAfter(from.plusDays(TABLE_DAYS)) ? to : from.plusDays(TABLE_DAYS);
      known = new SpanTable(from, last, workOutSpans(from, last));
      table = known;
    }
    return known.spans();
  }

  private List<Span> workOutSpans(LocalDate from, LocalDate to) {
    List<Span> raw = new ArrayList<>();
    for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
      if (startsOn(date)) {
        raw.add(new Span(at(date, start), at(endDate(date), end)));
      }
    }
    return List.copyOf(merge(cutHolidays(raw)));
  }

  private boolean startsOn(LocalDate date) {
    return fromDay != null ? date.getDayOfWeek() == fromDay : days.contains(date.getDayOfWeek());
  }

  private LocalDate endDate(LocalDate startDate) {
    if (fromDay == null) {
      return end.isAfter(start) ? startDate : startDate.plusDays(1);
    }
    int daysLater = Math.floorMod(toDay.getValue() - fromDay.getValue(), 7);
    if (daysLater == 0 && !end.isAfter(start)) {
      daysLater = 7;
    }
    return startDate.plusDays(daysLater);
  }

  private List<Span> cutHolidays(List<Span> spans) {
    List<Span> result = spans;
    for (LocalDate holiday : holidays) {
      Instant closedFrom = holiday.atStartOfDay(zone).toInstant();
      Instant closedTo = holiday.plusDays(1).atStartOfDay(zone).toInstant();
      List<Span> next = new ArrayList<>();
      for (Span span : result) {
        if (!span.end().isAfter(closedFrom) || !span.start().isBefore(closedTo)) {
          next.add(span);
          continue;
        }
        if (span.start().isBefore(closedFrom)) {
          next.add(new Span(span.start(), closedFrom));
        }
        if (span.end().isAfter(closedTo)) {
          next.add(new Span(closedTo, span.end()));
        }
      }
      result = next;
    }
    return result;
  }

  private static List<Span> merge(List<Span> spans) {
    List<Span> sorted = spans.stream().sorted(Comparator.comparing(Span::start)).toList();
    List<Span> merged = new ArrayList<>();
    for (Span span : sorted) {
      if (!merged.isEmpty() && !span.start().isAfter(merged.get(merged.size() - 1).end())) {
        Span last = merged.remove(merged.size() - 1);
        Instant end = last.end().isAfter(span.end()) ? last.end() : span.end();
        merged.add(new Span(last.start(), end));
      } else {
        merged.add(span);
      }
    }
    return merged;
  }

  /** A span ending within a week of the search edge might merge with the next one. */
  private boolean endsNearSearchEdge(Span span, LocalDate to) {
    return !localDate(span.end()).plusDays(LOOK_BACK_DAYS).isBefore(to);
  }

  private Instant at(LocalDate date, LocalTime time) {
    return ZonedDateTime.of(date, time, zone).toInstant();
  }

  private LocalDate localDate(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }
}
