package riskguard.app.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import riskguard.engine.event.InputEvent;
import riskguard.engine.session.EngineSettings;
import riskguard.engine.session.RulePackage;

/**
 * Section 4: heap per guarded account at steady state (after the stream has run and a GC),
 * with 10, 100 and 500 accounts, and events/s with 500 — through the daemon's engine (a
 * queue and thread per account), fed as fast as the feeding thread goes. With 500 accounts
 * about 250 sessions hold each contract; a session that falls behind applies its queued
 * quotes as one batch. For comparison, the replay engine (every quote applied and fired in
 * every session holding the contract, as {@code simulate} does) at 500 accounts on a
 * shorter stream.
 */
final class Scale {

  private static final int[] ACCOUNTS = {10, 100, 500};
  private static final int MOST = ACCOUNTS[ACCOUNTS.length - 1];
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private Scale() {}

  static Map<String, Object> run(RulePackage rules, EngineSettings settings, long seed, int events,
      int replayEvents, PrintWriter progress) throws InterruptedException {
    Map<String, Object> figures = new LinkedHashMap<>();
    for (int accounts : ACCOUNTS) {
      progress.printf("scale: %d accounts%n", accounts);
      BenchStream stream = BenchStream.generate(seed, accounts, events, events);
      long before = heapAfterGc();
      try (EchoedEngine engine = EchoedEngine.live(rules, settings)) {
        engine.feedAll(stream.opening());
        engine.feedAll(stream.warmup());
        engine.awaitIdle();
        long cpuStarted = CpuClock.processNanos();
        long started = System.nanoTime();
        engine.feedAll(stream.measured());
        engine.awaitIdle();
        long wall = System.nanoTime() - started;
        long cpu = CpuClock.processNanos() - cpuStarted;
        long after = heapAfterGc();
        figures.put("heap_per_account_mb_at_" + accounts, (after - before) / (double) accounts / (1 << 20));
        if (accounts == MOST) {
          figures.put("events_per_s_cpu_at_" + accounts, stream.measured().size() / (cpu / 1e9));
          figures.put("events_per_s_wall_at_" + accounts, stream.measured().size() / (wall / 1e9));
        }
      }
    }
    progress.printf("scale: %d accounts through the replay engine (every quote fired in every session)%n", MOST);
    figures.put("replay_events_per_s_cpu_at_" + MOST, replay(rules, settings, seed, replayEvents));
    return figures;
  }

  private static double replay(RulePackage rules, EngineSettings settings, long seed, int events) {
    BenchStream stream = BenchStream.generate(seed, MOST, events, events);
    try (EchoedEngine engine = new EchoedEngine(rules, settings)) {
      engine.feedAll(stream.opening());
      engine.feedAll(stream.warmup());
      List<InputEvent> measured = stream.measured();
      long cpuStarted = CpuClock.nanos();
      engine.feedAll(measured);
      return measured.size() / ((CpuClock.nanos() - cpuStarted) / 1e9);
    }
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return MEMORY.getHeapMemoryUsage().getUsed();
  }
}
