package riskguard.app.bench;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import riskguard.engine.session.EngineSettings;
import riskguard.engine.session.RulePackage;

/**
 * The five sections of {@code riskguard bench}, run one after the other in this process.
 * Each section is a map of figures whose names end in their unit; progress goes to
 * {@code progress}. Prints nothing else and judges nothing.
 */
public final class Bench {

  private static final int ACCOUNTS = 10;

  private Bench() {}

  /**
   * Every section's figures, under "machine", "engine_replay", "baseline", "live_path", "scale", "reload";
   * "machine" ends with the whole run's wall time ({@code bench_s}, without compiling the rules).
   */
  public static Map<String, Map<String, Object>> run(RulePackage rules, EngineSettings settings, BenchSizes sizes,
      long seed, PrintWriter progress) throws Exception {
    long started = System.nanoTime();
    Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1 << 20));
    machine.put("java", Runtime.version().toString());
    sections.put("machine", machine);

    BenchStream stream = BenchStream.generate(seed, ACCOUNTS, sizes.replayWarmup(), sizes.replayEvents());
    progress.printf("engine replay: %d events after %d warm-up, %d accounts, %d rules%n",
        sizes.replayEvents(), sizes.replayWarmup(), ACCOUNTS, rules.ruleCount());
    Map<String, Object> replay = EngineReplay.run(rules, settings, stream);
    sections.put("engine_replay", replay);

    progress.println("baseline: the same stream through hand-coded checks");
    Map<String, Object> baseline = HandCodedBaseline.run(stream);
    baseline.put("engine_cost_ratio", (double) baseline.get("events_per_s_cpu") / (double) replay.get("events_per_s_cpu"));
    sections.put("baseline", baseline);

    sections.put("live_path", LivePath.run(sizes.breachWarmup(), sizes.breaches(), progress));
    sections.put("scale", Scale.run(rules, settings, seed, sizes.scaleEvents(), sizes.scaleReplayEvents(), progress));
    progress.println("reload: a changed .drl while events flow");
    sections.put("reload", Reload.run(settings, seed, ACCOUNTS, sizes.replayWarmup(), sizes.reloadEvents(),
        sizes.reloadChangedRule()));
    machine.put("bench_s", (System.nanoTime() - started) / 1e9);
    return sections;
  }
}
