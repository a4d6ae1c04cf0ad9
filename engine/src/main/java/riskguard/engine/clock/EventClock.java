package riskguard.engine.clock;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.drools.core.time.TimerService;
import org.kie.api.time.SessionPseudoClock;

/**
 * A session's clock: Drools' pseudo clock, moved by event time. It starts at the first
 * event (the pseudo clock starts at 0) and never goes back: a late event leaves it where it
 * is. In the live daemon heartbeat ticks move it while no event arrives.
 */
public final class EventClock {

  private final SessionPseudoClock pseudoClock;
  private boolean started;
  /** The pseudo clock's time as an instant, made once per move: the event path asks often. */
  private Instant now = Instant.EPOCH;

  public EventClock(SessionPseudoClock pseudoClock) {
    this.pseudoClock = pseudoClock;
  }

  /** True once the first event has set the clock. */
  public boolean started() {
    return started;
  }

  public long nowMillis() {
    return pseudoClock.getCurrentTime();
  }

  public Instant now() {
    return now;
  }

  /**
   * When Drools' own next timer falls due (a trade leaving a sliding window, an event
   * expiring), or null when none is scheduled: the clock must reach it for the session to see
   * what changes then. Drools answers -1 both for "no timer" and for one overdue by exactly
   * 1 ms; such a timer runs at the next event instead of the next second.
   */
  public Instant nextTimer() {
    if (!(pseudoClock instanceof TimerService timers)) {
      return null;
    }
    long untilNext = timers.getTimeToNextJob();
    return untilNext == -1 ? null : Instant.ofEpochMilli(pseudoClock.getCurrentTime() + untilNext);
  }

  /** Moves the clock forward to {@code time}; false (and no move) when {@code time} is not later. */
  public boolean advanceTo(Instant time) {
    long target = time.toEpochMilli();
    long current = pseudoClock.getCurrentTime();
    if (started && target <= current) {
      return false;
    }
    started = true;
    pseudoClock.advanceTime(target - current, TimeUnit.MILLISECONDS);
    now = Instant.ofEpochMilli(target);
    return true;
  }
}
