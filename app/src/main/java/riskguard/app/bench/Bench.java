package riskguard.app.bench;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import riskguard.engine.session.EngineSettings;
import riskguard.engine.session.RulePackage;

/**
 * The five sections of {@code riskguard bench}, run one after the other in this process.
 * Each section is a map of figures whose names end in their unit; progress goes to
 * {@code progress}. Prints nothing else and judges nothing.
 */
public final class Bench {

  private static final int ACCOUNTS = 10;

  /** The sections a run can be limited to, in the order they run. */
  public static final List<String> SECTIONS = List.of("engine_replay", "baseline", "live_path", "scale", "reload");

  private Bench() {}

  /**
   * Every section's figures, under "machine", "engine_replay", "baseline", "live_path", "scale", "reload";
   * "machine" ends with the whole run's wall time ({@code bench_s}, without compiling the rules).
   * Only the sections named in {@code only} run (names from {@link #SECTIONS}); the baseline
   * needs the engine replay's figure for its ratio and runs it too.
   */
  public static Map<String, Map<String, Object>> run(RulePackage rules, EngineSettings settings, BenchSizes sizes,
      long seed, Set<String> only, PrintWriter progress) throws Exception {
    long started = System.nanoTime();
    Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1 << 20));
    machine.put("java", Runtime.version().toString());
    sections.put("machine", machine);

    if (only.contains("engine_replay") || only.contains("baseline")) {
      BenchStream stream = BenchStream.generate(seed, ACCOUNTS, sizes.replayWarmup(), sizes.replayEvents());
      progress.printf("engine replay: %d events after %d warm-up, %d accounts, %d rules%n",
          sizes.replayEvents(), sizes.replayWarmup(), ACCOUNTS, rules.ruleCount());
      Map<String, Object> replay = EngineReplay.run(rules, settings, stream, new EngineReplay.Passes(sizes.replayWarmupPasses(), sizes.replayPasses()), progress);
      sections.put("engine_replay", replay);
      if (only.contains("baseline")) {
        progress.println("baseline: the same stream through hand-coded checks");
        Map<String, Object> baseline = HandCodedBaseline.run(stream, sizes.replayPasses());
        baseline.put("engine_cost_ratio",
            (double) baseline.get("events_per_s_cpu") / (double) replay.get("events_per_s_cpu"));
        sections.put("baseline", baseline);
      }
    }
    if (only.contains("live_path")) {
      sections.put("live_path", LivePath.run(sizes.coldBreaches(), sizes.maxBreachWarmup(),
          sizes.breaches(), progress));
    }
    if (only.contains("scale")) {
      sections.put("scale", Scale.run(rules, settings, seed, sizes.scaleEvents(), sizes.scaleReplayEvents(), progress));
    }
    if (only.contains("reload")) {
      progress.println("reload: a changed .drl while events flow");
      sections.put("reload", Reload.run(settings, seed, ACCOUNTS, sizes.replayWarmup(), sizes.reloadEvents()));
    }
    machine.put("bench_s", (System.nanoTime() - started) / 1e9);
    return sections;
  }
}
