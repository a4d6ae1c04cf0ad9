package riskguard.app.bench;

import java.time.Duration;

/**
 * How much each section of the bench runs: the quick run checks that it works, the full run
 * measures. The scale steps are short because every quote is valued in every session holding
 * its contract (about 250 of 500 accounts hold each one), and the full run must stay under ten
 * minutes. {@code childLimit} bounds the child JVM of the throughput sections: several times
 * what they take on a loaded machine, so that only a hung child reaches it.
 */
public record BenchSizes(int replayWarmup, int replayEvents, int replayWarmupPasses, int replayPasses,
    int coldBreaches, int maxBreachWarmup, int breaches, int scaleEvents, int scaleReplayEvents, int reloadEvents,
    Duration childLimit) {

  public static BenchSizes quick() {
    return new BenchSizes(2_000, 5_000, 0, 1, 5, 10, 30, 250, 100, 500, Duration.ofMinutes(10));
  }

  public static BenchSizes full() {
    return new BenchSizes(50_000, 200_000, 10, 3, 1_000, 25_000, 1_000, 4_000, 2_000, 20_000, Duration.ofMinutes(40));
  }
}
