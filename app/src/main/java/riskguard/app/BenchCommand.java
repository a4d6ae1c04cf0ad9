package riskguard.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import riskguard.app.bench.Bench;
import riskguard.app.bench.BenchSizes;
import riskguard.app.bench.ChildJvm;
import riskguard.app.bench.ChildJvmFailure;
import riskguard.config.ConfigException;
import riskguard.config.ConfigLoader;
import riskguard.config.RiskguardConfig;
import riskguard.engine.session.EngineSettings;
import riskguard.engine.session.RuleCompileException;
import riskguard.engine.session.RulePackage;

/**
 * {@code riskguard bench}: how fast and how big riskguard is — engine replay, a hand-coded
 * baseline, the live breach-to-close path on loopback, heap per account, and a rule reload —
 * as a table or one JSON object; with {@code --against DIR}, also how much faster or slower the
 * rules are than another package. Progress goes to stderr. Prints figures; judges nothing.
 * The throughput sections run in a child JVM of this program under the batch collector, which
 * this command starts with the hidden {@code --in-process} and the same options.
 */
@Command(
    name = "bench",
    description = "Measures engine throughput and latency, the live breach-to-close path, heap per account and reload.")
final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--quick", description = "Smaller counts (under a minute): checks that the bench runs.")
  boolean quick;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--config", defaultValue = "examples/bench-config.yaml", paramLabel = "FILE",
      description = "Configuration whose rule sections are used (default ${DEFAULT-VALUE}).")
  Path config;

  @Option(names = "--rules", paramLabel = "DIR", description = "Rule package directory (default: the shipped rules).")
  Path rulesDir;

  @Option(names = "--only", split = ",", paramLabel = "SECTION",
      description = "Run only these sections (comma-separated: engine_replay, baseline, against, live_path, scale, reload).")
  List<String> only;

  @Option(names = "--against", paramLabel = "DIR",
      description = "Also compare the rules with the package in DIR (section 'against'): the same stream through both, "
          + "taking turns in one JVM, so the ratio of their speeds holds to about a percent on a busy machine.")
  Path againstDir;

  @Option(names = "--child-java-options", paramLabel = "OPTIONS",
      description = "More JVM options for the child JVM of the throughput sections, space-separated "
          + "(e.g. --child-java-options=-XX:StartFlightRecording=filename=replay.jfr).")
  String childJavaOptions;

  @Option(names = "--in-process", hidden = true,
      description = "Run every section in this JVM (what the child JVM of the throughput sections does).")
  boolean inProcess;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> sectionsToRun = only != null ? only
        : Bench.SECTIONS.stream().filter(section -> againstDir != null || !section.equals(Bench.AGAINST)).toList();
    for (String section : sectionsToRun) {
      if (!Bench.SECTIONS.contains(section)) {
        err.println("--only: no bench section '" + section + "' (sections: " + String.join(", ", Bench.SECTIONS) + ")");
        return 2;
      }
    }
    if (sectionsToRun.contains(Bench.AGAINST) && againstDir == null) {
      err.println("--only against: name the package to compare with (--against DIR)");
      return 2;
    }
    RiskguardConfig settings;
    RulePackage rules;
    RulePackage against = null;
    try {
      settings = ConfigLoader.load(config);
      rules = RulesOption.compile(rulesDir, EngineSettings.from(settings));
      if (againstDir != null && sectionsToRun.contains(Bench.AGAINST)) {
        against = RulesOption.compile(againstDir, EngineSettings.from(settings));
      }
    } catch (ConfigException | RuleCompileException e) {
      err.println(e.getMessage());
      return 1;
    }
    BenchSizes sizes = quick ? BenchSizes.quick() : BenchSizes.full();
    PrintWriter progress = new PrintWriter(err, true);
    Map<String, Map<String, Object>> sections;
    try {
      sections = inProcess
          ? Bench.inProcess(rules, against, EngineSettings.from(settings), sizes, seed,
              new LinkedHashSet<>(sectionsToRun), progress)
          : Bench.run(rules, against, EngineSettings.from(settings), sizes, seed, new LinkedHashSet<>(sectionsToRun),
              new ChildJvm(Main.class.getName(), childArguments(), childJavaOptions(), sizes.childLimit()), progress);
    } catch (ChildJvmFailure e) {
      err.println(e.getMessage());
      return 1;
    }
    if (json) {
      out.println(toJson(sections));
    } else {
      sections.forEach((section, figures) -> {
        out.println(section);
        figures.forEach((name, value) -> out.println(String.format(Locale.ROOT, "  %-34s %s", name, format(value))));
      });
    }
    out.flush();
    return 0;
  }

  /** This command's options for the child JVM, which adds the sections it is to run ({@code --only}). */
  private List<String> childArguments() {
    List<String> arguments = new ArrayList<>(List.of(spec.name(), "--in-process", "--json",
        "--seed", Long.toString(seed), "--config", config.toAbsolutePath().toString()));
    if (quick) {
      arguments.add("--quick");
    }
    if (rulesDir != null) {
      arguments.add("--rules");
      arguments.add(rulesDir.toAbsolutePath().toString());
    }
    if (againstDir != null) {
      arguments.add("--against");
      arguments.add(againstDir.toAbsolutePath().toString());
    }
    return arguments;
  }

  private List<String> childJavaOptions() {
    return childJavaOptions == null || childJavaOptions.isBlank()
        ? List.of()
        : Arrays.asList(childJavaOptions.strip().split("\\s+"));
  }

  private static String toJson(Map<String, Map<String, Object>> sections) throws JsonProcessingException {
    return new ObjectMapper().writeValueAsString(sections);
  }

  private static String format(Object value) {
    return value instanceof Double number ? String.format(Locale.ROOT, "%,.2f", number) : String.valueOf(value);
  }
}
