package riskguard.app.daemon;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition of the running system until it holds or the patience runs out. */
final class Eventually {

  private Eventually() {}

  static void until(String what, Duration patience, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + patience.toSeconds() + " s: " + what);
      }
      Thread.sleep(20);
    }
  }
}
