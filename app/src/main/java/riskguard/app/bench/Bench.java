package riskguard.app.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import riskguard.engine.session.EngineSettings;
import riskguard.engine.session.RulePackage;

/**
 * The sections of {@code riskguard bench}: five, and {@code against} when the rules are compared
 * with another package. Each section is a map of figures whose names end
 * in their unit, plus the collector and process it ran in ({@code collector}, {@code jvm_pid});
 * progress goes to {@code progress}. Prints nothing else and judges nothing.
 *
 * <p>The throughput sections ({@link #BATCH_SECTIONS}) measure what a batch job such as
 * {@code simulate} does, replaying as fast as it can with nothing waiting on a pause: {@link #run}
 * has them measured in a child JVM under the batch collector. The others measure the daemon
 * (its breach-to-close path, heap and events per account, a reload while events flow) and run
 * in this JVM, which the launcher starts with the daemon's concurrent collector.
 */
public final class Bench {

  private static final int ACCOUNTS = 10;

  /** The sections a run can be limited to, in the order they run and are reported. */
  public static final List<String> SECTIONS =
      List.of("engine_replay", "baseline", "against", "live_path", "scale", "reload");

  /** The section that needs a second package ({@code --against}), so it runs only when one is given. */
  public static final String AGAINST = "against";

  /** The sections measured in a child JVM; the baseline needs the engine replay's figure for its ratio. */
  static final List<String> BATCH_SECTIONS = List.of("engine_replay", "baseline", AGAINST);

  private Bench() {}

  /**
   * Every section's figures, under "machine" (this JVM: the processor, cores, max heap, Java, and the whole
   * run's wall time {@code bench_s}, without compiling the rules) and the sections named in
   * {@code only} (names from {@link #SECTIONS}) in their order: the batch sections from
   * {@code batchJvm}, the rest measured here. The baseline runs the engine replay too and
   * reports it. {@code against} is the package the rules are compared with (section
   * {@code against}), null when there is none.
   */
  public static Map<String, Map<String, Object>> run(RulePackage rules, RulePackage against, EngineSettings settings,
      BenchSizes sizes, long seed, Set<String> only, ChildJvm batchJvm, PrintWriter progress) throws Exception {
    long started = System.nanoTime();
    Map<String, Map<String, Object>> measured = new LinkedHashMap<>();
    List<String> inChild = BATCH_SECTIONS.stream().filter(only::contains).toList();
    if (!inChild.isEmpty()) {
      measured.putAll(batchJvm.run(inChild, progress));
    }
    List<String> here = SECTIONS.stream().filter(only::contains).filter(section -> !BATCH_SECTIONS.contains(section))
        .toList();
    measured.putAll(measureHere(rules, against, settings, sizes, seed, here, progress));
    return report(measured, started);
  }

  /** As {@link #run}, but every section in this JVM: what the child JVM does. */
  public static Map<String, Map<String, Object>> inProcess(RulePackage rules, RulePackage against,
      EngineSettings settings, BenchSizes sizes, long seed, Set<String> only, PrintWriter progress) throws Exception {
    long started = System.nanoTime();
    return report(measureHere(rules, against, settings, sizes, seed, List.copyOf(only), progress), started);
  }

  private static Map<String, Map<String, Object>> measureHere(RulePackage rules, RulePackage against,
      EngineSettings settings, BenchSizes sizes, long seed, List<String> only, PrintWriter progress) throws Exception {
    Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
    BenchStream stream = only.contains("engine_replay") || only.contains("baseline") || only.contains(AGAINST)
        ? BenchStream.generate(seed, ACCOUNTS, sizes.replayWarmup(), sizes.replayEvents())
        : null;
    if (only.contains("engine_replay") || only.contains("baseline")) {
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
    if (only.contains(AGAINST)) {
      progress.printf("against: the same stream through %s and %s, taking turns every %d events%n",
          rules.source(), against.source(), RulesComparison.CHUNK);
      sections.put(AGAINST, RulesComparison.run(rules, against, settings, stream,
          sizes.replayWarmupPasses() > 0, sizes.replayPasses(), progress));
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
    String collector = Collector.ofThisJvm();
    long pid = ProcessHandle.current().pid();
    sections.values().forEach(figures -> {
      figures.put("collector", collector);
      figures.put("jvm_pid", pid);
    });
    return sections;
  }

  private static Map<String, Map<String, Object>> report(Map<String, Map<String, Object>> measured, long started) {
    Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cpu", processor());
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1 << 20));
    machine.put("java", Runtime.version().toString());
    machine.put("collector", Collector.ofThisJvm());
    sections.put("machine", machine);
    SECTIONS.stream().filter(measured::containsKey).forEach(section -> sections.put(section, measured.get(section)));
    machine.put("bench_s", (System.nanoTime() - started) / 1e9);
    return sections;
  }

  /**
   * The processor, so that figures carry the machine they were measured on (one model name can
   * cover cores of very different speed, hence the family and model numbers): from Linux's
   * {@code /proc/cpuinfo}, e.g. "AMD EPYC (family 25, model 17)"; elsewhere the architecture.
   */
  static String processor() {
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
    } catch (IOException | RuntimeException notLinux) {
      return System.getProperty("os.arch");
    }
    String name = cpuinfo(lines, "model name");
    if (name == null) {
      return System.getProperty("os.arch");
    }
    String family = cpuinfo(lines, "cpu family");
    String model = cpuinfo(lines, "model");
    return family == null || model == null ? name : name + " (family " + family + ", model " + model + ")";
  }

  /** The first value of {@code key} in /proc/cpuinfo's lines ("key\t: value"), or null. */
  private static String cpuinfo(List<String> lines, String key) {
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }
}
