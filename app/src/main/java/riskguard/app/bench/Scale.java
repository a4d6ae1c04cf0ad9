package riskguard.app.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import riskguard.engine.event.InputEvent;
import riskguard.engine.session.EngineSettings;
import riskguard.engine.session.RulePackage;

/**
 * Section 4: heap per guarded account at steady state (after the stream has run and a GC),
 * with 10, 100 and 500 accounts, and events/s with 500.
 */
final class Scale {

  private static final int[] ACCOUNTS = {10, 100, 500};
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private Scale() {}

  static Map<String, Object> run(RulePackage rules, EngineSettings settings, long seed, int events,
      PrintWriter progress) {
    Map<String, Object> figures = new LinkedHashMap<>();
    for (int accounts : ACCOUNTS) {
      progress.printf("scale: %d accounts%n", accounts);
      BenchStream stream = BenchStream.generate(seed, accounts, events, events);
      long before = heapAfterGc();
      try (EchoedEngine engine = new EchoedEngine(rules, settings)) {
        engine.feedAll(stream.opening());
        engine.feedAll(stream.warmup());
        long cpuStarted = CpuClock.nanos();
        for (InputEvent event : stream.measured()) {
          engine.feed(event);
        }
        long cpu = CpuClock.nanos() - cpuStarted;
        long after = heapAfterGc();
        figures.put("heap_per_account_mb_at_" + accounts, (after - before) / (double) accounts / (1 << 20));
        if (accounts == ACCOUNTS[ACCOUNTS.length - 1]) {
          figures.put("events_per_s_cpu_at_" + accounts, stream.measured().size() / (cpu / 1e9));
        }
      }
    }
    return figures;
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return MEMORY.getHeapMemoryUsage().getUsed();
  }
}
