package riskguard.app.bench;

/**
 * How much each section of the bench runs: the quick run checks that it works, the full run
 * measures. The scale steps are short because every quote is valued in every session holding
 * its contract (about 250 of 500 accounts hold each one), and the full run must stay under ten
 * minutes.
 */
public record BenchSizes(int replayWarmup, int replayEvents, int replayWarmupPasses, int replayPasses,
    int coldBreaches, int maxBreachWarmup, int breaches, int scaleEvents, int scaleReplayEvents, int reloadEvents) {

  public static BenchSizes quick() {
    return new BenchSizes(2_000, 5_000, 0, 1, 5, 10, 30, 250, 100, 500);
  }

  public static BenchSizes full() {
    return new BenchSizes(50_000, 200_000, 10, 3, 1_000, 25_000, 1_000, 4_000, 2_000, 20_000);
  }
}
