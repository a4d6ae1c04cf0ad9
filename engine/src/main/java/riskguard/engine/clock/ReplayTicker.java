package riskguard.engine.clock;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import riskguard.engine.event.ClockTick;

/**
 * Plays the live heartbeat in a replay, jumping from deadline to deadline. The daemon's
 * heartbeat ticks every second; a tick changes something only at the first whole second at
 * or after a time the engine waits for (a stated deadline, the daily reset, a Drools timer).
 * So between two recorded events the ticker emits a {@link ClockTick} only at those seconds,
 * asking the engine after each tick what it waits for next, and decisions fall due in the
 * same step as live. It also emits the gap's last whole second, which costs no Drools work
 * and keeps every session's clock where the heartbeat would have left it (an event recorded
 * out of order is then applied at the same clock time as under a tick every second).
 */
public final class ReplayTicker {

  private final Supplier<Instant> nextDeadline;
  private Instant last;

  /** @param nextDeadline the earliest time the engine waits for, null when none (e.g. {@code engine::nextDeadline}) */
  public ReplayTicker(Supplier<Instant> nextDeadline) {
    this.nextDeadline = nextDeadline;
  }

  /** Emits the ticks due before an event at {@code next}, then remembers {@code next}. */
  public void before(Instant next, Consumer<ClockTick> ticks) {
    if (last != null && next.isAfter(last)) {
      Instant tick = last.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
      Instant due;
      while ((due = nextDeadline.get()) != null) {
        Instant noticed = wholeSecondAtOrAfter(due);
        Instant at = noticed.isAfter(tick) ? noticed : tick;
        if (!at.isBefore(next)) {
          break;
        }
        ticks.accept(new ClockTick(at));
        tick = at.plusSeconds(1);
      }
      Instant lastOfGap = next.minusNanos(1).truncatedTo(ChronoUnit.SECONDS);
      if (!lastOfGap.isBefore(tick)) {
        ticks.accept(new ClockTick(lastOfGap));
      }
    }
    if (last == null || next.isAfter(last)) {
      last = next;
    }
  }

  private static Instant wholeSecondAtOrAfter(Instant instant) {
    Instant second = instant.truncatedTo(ChronoUnit.SECONDS);
    return second.equals(instant) ? second : second.plusSeconds(1);
  }
}
