package riskguard.app.bench;

import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import riskguard.engine.event.InputEvent;
import riskguard.engine.session.EngineSettings;
import riskguard.engine.session.RulePackage;

/**
 * Section 1: the seeded stream through the real rule package, timed per event after a warm-up.
 *
 * <p>Each pass replays the whole stream (opening, warm-up, measured part) through a fresh replay
 * engine on the same rule package and times the measured part. The first pass is what a fresh
 * JVM does ({@code first_pass_*}): the JIT is still compiling our code and Drools', and Drools is
 * still turning the rules' constraints into bytecode. A daemon runs all day, so the headline
 * figures are of the steady state: passes are repeated until the JIT is quiet, then
 * {@link Passes#measured()} passes are timed and the median one is reported, with the slowest
 * and fastest next to it (this machine's speed moves between minutes).
 */
final class EngineReplay {

  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
  /** A pass is quiet when the JIT compiled for less than this share of its wall time. */
  private static final double JIT_QUIET_SHARE = 0.02;

  private EngineReplay() {}

  /** How many passes: at most {@code maxWarmup} to get the JIT quiet, then {@code measured}. */
  record Passes(int maxWarmup, int measured) {}

  /** One timed pass over the measured part of the stream. */
  private record Pass(double eventsPerCpuSecond, double eventsPerWallSecond, Percentiles latencies,
      long decisions, int openAtStart, int openAtEnd, double jitShare) {}

  /** Figures: events/s on the engine thread's CPU and on the wall clock, latency percentiles. */
  static Map<String, Object> run(RulePackage rules, EngineSettings settings, BenchStream stream, Passes passes,
      PrintWriter progress) {
    Pass first = pass(rules, settings, stream);
    progress.printf("engine replay: first pass %,.0f events/CPU s (the JIT compiled for %.0f %% of it)%n",
        first.eventsPerCpuSecond(), first.jitShare() * 100);
    int warmupPasses = 0;
    int quietInARow = first.jitShare() < JIT_QUIET_SHARE ? 1 : 0;
    while (quietInARow < 2 && warmupPasses < passes.maxWarmup()) {
      Pass warmup = pass(rules, settings, stream);
      warmupPasses++;
      quietInARow = warmup.jitShare() < JIT_QUIET_SHARE ? quietInARow + 1 : 0;
      progress.printf("engine replay: warm-up pass %d, %,.0f events/CPU s, the JIT compiled for %.0f %% of it%n",
          warmupPasses, warmup.eventsPerCpuSecond(), warmup.jitShare() * 100);
    }
    List<Pass> measured = new ArrayList<>();
    for (int i = 0; i < passes.measured(); i++) {
      measured.add(pass(rules, settings, stream));
      progress.printf("engine replay: measured pass %d of %d, %,.0f events/CPU s%n", i + 1, passes.measured(),
          measured.get(i).eventsPerCpuSecond());
    }
    measured.sort(Comparator.comparingDouble(Pass::eventsPerCpuSecond));
    Pass median = measured.get(measured.size() / 2);

    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("events", stream.measured().size());
    figures.put("rules", rules.ruleCount());
    figures.put("rules_idle", rules.build().idleRules().size());
    figures.put("events_per_s_cpu", median.eventsPerCpuSecond());
    figures.put("events_per_s_cpu_slowest", measured.get(0).eventsPerCpuSecond());
    figures.put("events_per_s_cpu_fastest", measured.get(measured.size() - 1).eventsPerCpuSecond());
    figures.put("events_per_s_wall", median.eventsPerWallSecond());
    figures.put("latency_p50_us", median.latencies().micros(0.50));
    figures.put("latency_p99_us", median.latencies().micros(0.99));
    figures.put("latency_p999_us", median.latencies().micros(0.999));
    figures.put("decisions", median.decisions());
    figures.put("decisions_same_every_pass",
        measured.stream().allMatch(pass -> pass.decisions() == first.decisions()));
    figures.put("open_positions_at_start", median.openAtStart());
    figures.put("open_positions_at_end", median.openAtEnd());
    figures.put("passes_measured", measured.size());
    figures.put("warmup_passes", warmupPasses);
    figures.put("warmup_jit_quiet", quietInARow >= 2);
    figures.put("first_pass_events_per_s_cpu", first.eventsPerCpuSecond());
    figures.put("first_pass_latency_p50_us", first.latencies().micros(0.50));
    figures.put("first_pass_latency_p99_us", first.latencies().micros(0.99));
    return figures;
  }

  private static Pass pass(RulePackage rules, EngineSettings settings, BenchStream stream) {
    long[] latencies = new long[stream.measured().size()];
    try (EchoedEngine engine = new EchoedEngine(rules, settings)) {
      engine.feedAll(stream.opening());
      engine.feedAll(stream.warmup());
      long decisionsBefore = engine.decisions();
      int openAtStart = engine.openPositions();
      List<InputEvent> measured = stream.measured();
      long jitBefore = JIT.getTotalCompilationTime();
      long cpuStarted = CpuClock.nanos();
      long started = System.nanoTime();
      for (int i = 0; i < latencies.length; i++) {
        long before = System.nanoTime();
        engine.feed(measured.get(i));
        latencies[i] = System.nanoTime() - before;
      }
      long wall = System.nanoTime() - started;
      long cpu = CpuClock.nanos() - cpuStarted;
      double jitShare = (JIT.getTotalCompilationTime() - jitBefore) / (wall / 1e6);
      return new Pass(latencies.length / (cpu / 1e9), latencies.length / (wall / 1e9), new Percentiles(latencies),
          engine.decisions() - decisionsBefore, openAtStart, engine.openPositions(), jitShare);
    }
  }
}
