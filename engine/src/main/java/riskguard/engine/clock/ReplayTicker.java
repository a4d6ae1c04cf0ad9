package riskguard.engine.clock;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import riskguard.engine.event.ClockTick;

/**
 * Plays the live heartbeat in a replay: between two recorded events it emits a
 * {@link ClockTick} at every whole second the gap crosses, as the daemon's one-second
 * heartbeat would have, so deadlines fall due at the same session time live and in replay.
 */
public final class ReplayTicker {

  private Instant last;

  /** Emits the ticks due before an event at {@code next}, then remembers {@code next}. */
  public void before(Instant next, Consumer<ClockTick> ticks) {
    if (last != null && next.isAfter(last)) {
      Instant tick = last.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
      while (tick.isBefore(next)) {
        ticks.accept(new ClockTick(tick));
        tick = tick.plusSeconds(1);
      }
    }
    if (last == null || next.isAfter(last)) {
      last = next;
    }
  }
}
