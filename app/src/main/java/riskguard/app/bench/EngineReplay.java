package riskguard.app.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import riskguard.engine.event.InputEvent;
import riskguard.engine.session.EngineSettings;
import riskguard.engine.session.RulePackage;

/** Section 1: the seeded stream through the real rule package, timed per event after a warm-up. */
final class EngineReplay {

  private EngineReplay() {}

  /** Figures: events/s on the engine thread's CPU and on the wall clock, latency percentiles. */
  static Map<String, Object> run(RulePackage rules, EngineSettings settings, BenchStream stream) {
    long[] latencies = new long[stream.measured().size()];
    Map<String, Object> figures = new LinkedHashMap<>();
    try (EchoedEngine engine = new EchoedEngine(rules, settings)) {
      engine.feedAll(stream.opening());
      engine.feedAll(stream.warmup());
      long decisionsBefore = engine.decisions();
      int openAtStart = engine.openPositions();
      List<InputEvent> measured = stream.measured();
      long cpuStarted = CpuClock.nanos();
      long started = System.nanoTime();
      for (int i = 0; i < latencies.length; i++) {
        long before = System.nanoTime();
        engine.feed(measured.get(i));
        latencies[i] = System.nanoTime() - before;
      }
      long wall = System.nanoTime() - started;
      long cpu = CpuClock.nanos() - cpuStarted;
      Percentiles percentiles = new Percentiles(latencies);
      figures.put("events", latencies.length);
      figures.put("rules", rules.ruleCount());
      figures.put("rules_idle", rules.build().idleRules().size());
      figures.put("events_per_s_cpu", latencies.length / (cpu / 1e9));
      figures.put("events_per_s_wall", latencies.length / (wall / 1e9));
      figures.put("latency_p50_us", percentiles.micros(0.50));
      figures.put("latency_p99_us", percentiles.micros(0.99));
      figures.put("latency_p999_us", percentiles.micros(0.999));
      figures.put("decisions", engine.decisions() - decisionsBefore);
      figures.put("open_positions_at_start", openAtStart);
      figures.put("open_positions_at_end", engine.openPositions());
    }
    return figures;
  }
}
