package riskguard.app.bench;

import java.util.Arrays;

/** Percentiles of a sample of nanosecond durations. */
final class Percentiles {

  private final long[] sorted;

  Percentiles(long[] nanos) {
    this.sorted = nanos.clone();
    Arrays.sort(sorted);
  }

  /** The value at {@code fraction} (0.5 = median), in microseconds. */
  double micros(double fraction) {
    int index = Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1);
    return sorted[Math.max(index, 0)] / 1e3;
  }

  double millis(double fraction) {
    return micros(fraction) / 1e3;
  }
}
