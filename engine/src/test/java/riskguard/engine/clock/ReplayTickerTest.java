package riskguard.engine.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import riskguard.engine.event.ClockTick;

/** Which ticks the replayed heartbeat emits between two events, given what the engine waits for. */
class ReplayTickerTest {

  /** Deadlines the "engine" waits for, each gone once a tick at or after it has been emitted. */
  private final Deque<Instant> waiting = new ArrayDeque<>();
  private final List<Instant> ticks = new ArrayList<>();
  private final ReplayTicker ticker = new ReplayTicker(waiting::peekFirst);

  private void tick(ClockTick tick) {
    ticks.add(tick.ts());
    while (!waiting.isEmpty() && !waiting.peekFirst().isAfter(tick.ts())) {
      waiting.removeFirst();
    }
  }

  private void gap(String from, String to) {
    ticker.before(Instant.parse(from), this::tick);
    ticker.before(Instant.parse(to), this::tick);
  }

  @Test
  void aDeadlineIsNoticedAtTheFirstWholeSecondAtOrAfterIt() {
    waiting.add(Instant.parse("2025-03-10T14:30:30.500Z"));
    waiting.add(Instant.parse("2025-03-10T14:31:00Z"));

    gap("2025-03-10T14:30:00.200Z", "2025-03-10T16:00:00Z");

    assertThat(ticks).extracting(Instant::toString).containsExactly(
        "2025-03-10T14:30:31Z", "2025-03-10T14:31:00Z",
        "2025-03-10T15:59:59Z");
  }

  @Test
  void withNothingDueOnlyTheGapsLastWholeSecondIsEmitted() {
    gap("2025-03-10T14:30:00.200Z", "2025-03-10T16:00:00.700Z");

    assertThat(ticks).extracting(Instant::toString).containsExactly("2025-03-10T16:00:00Z");
  }

  @Test
  void aDeadlineAlreadyPassedIsNoticedAtTheGapsFirstSecond() {
    waiting.add(Instant.parse("2025-03-10T14:29:00Z"));

    gap("2025-03-10T14:30:00.200Z", "2025-03-10T14:30:05Z");

    assertThat(ticks).extracting(Instant::toString).containsExactly(
        "2025-03-10T14:30:01Z", "2025-03-10T14:30:04Z");
  }

  @Test
  void aDeadlineAtOrAfterTheNextEventIsLeftToThatEvent() {
    waiting.add(Instant.parse("2025-03-10T14:30:05Z"));

    gap("2025-03-10T14:30:00.200Z", "2025-03-10T14:30:05Z");

    assertThat(ticks).extracting(Instant::toString).containsExactly("2025-03-10T14:30:04Z");
  }

  @Test
  void noTickBetweenEventsInTheSameSecondOrOutOfOrder() {
    waiting.add(Instant.parse("2025-03-10T14:30:00.500Z"));

    ticker.before(Instant.parse("2025-03-10T14:30:00.200Z"), this::tick);
    ticker.before(Instant.parse("2025-03-10T14:30:00.900Z"), this::tick);
    ticker.before(Instant.parse("2025-03-10T14:30:00.100Z"), this::tick);

    assertThat(ticks).isEmpty();
  }
}
