package riskguard.app.bench;

import java.util.List;
import riskguard.app.daemon.SyntheticStream;
import riskguard.engine.event.InputEvent;

/** One seeded stream, cut into the opening state, the warm-up and the measured part. */
record BenchStream(int accounts, List<InputEvent> opening, List<InputEvent> warmup, List<InputEvent> measured) {

  /** Each account opens with five positions (the 10 accounts with 50 positions). */
  static BenchStream generate(long seed, int accounts, int warmup, int measured) {
    SyntheticStream stream = new SyntheticStream(seed, accounts);
    List<InputEvent> opening = stream.opening();
    List<InputEvent> warmupEvents = stream.next(warmup);
    return new BenchStream(accounts, opening, warmupEvents, stream.next(measured));
  }
}
