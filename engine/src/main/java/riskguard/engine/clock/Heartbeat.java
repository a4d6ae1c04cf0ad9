package riskguard.engine.clock;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import riskguard.engine.event.ClockTick;

/**
 * The live daemon's heartbeat: a {@link ClockTick} with the wall-clock time every second,
 * so sessions see time pass (lockouts end, the daily reset happens) when no event arrives.
 */
public final class Heartbeat implements AutoCloseable {

  private final ScheduledExecutorService timer;

  private Heartbeat(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  public static Heartbeat start(Clock wallClock, Consumer<ClockTick> ticks) {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "riskguard-heartbeat");
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleAtFixedRate(() -> ticks.accept(new ClockTick(wallClock.instant())), 1, 1, TimeUnit.SECONDS);
    return new Heartbeat(timer);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
