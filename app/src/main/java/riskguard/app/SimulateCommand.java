package riskguard.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import riskguard.config.ConfigError;
import riskguard.config.ConfigException;
import riskguard.config.ConfigLoader;
import riskguard.config.RiskguardConfig;
import riskguard.connectors.recording.RecordingFormatException;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.enforcement.DecisionLog;
import riskguard.engine.session.RuleCompileException;
import riskguard.engine.session.RuleError;
import riskguard.engine.session.EngineSettings;
import riskguard.engine.session.RulePackage;

/**
 * {@code riskguard simulate}: what would the rules have done on a recorded day? The daemon's
 * engine with the recording as event source, event time as clock, and a printer as sink.
 */
@Command(
    name = "simulate",
    description = "Replays an event recording through the rules and prints every decision riskguard would have made.")
final class SimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--events", required = true, paramLabel = "FILE", description = "Recording (.jsonl or .jsonl.gz).")
  Path events;

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "riskguard YAML configuration.")
  Path config;

  @Option(names = "--rules", paramLabel = "DIR", description = "Rule package directory (default: the config's rules_dir, else the shipped rules).")
  Path rulesDir;

  @Option(names = "--baseline", paramLabel = "OLD_DIR",
      description = "Also replay through this rule package and list only the decisions that differ (added, removed, changed), with a line per rule.")
  Path baselineDir;

  @Option(names = "--json", description = "One JSON object per decision (the fields of RECORDING_FORMAT.md).")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RiskguardConfig settings;
    RulePackage rules;
    try {
      settings = ConfigLoader.load(config);
      Path dir = rulesDir != null ? rulesDir : settings.rulesDir();
      rules = RulesOption.compile(dir, EngineSettings.from(settings));
    } catch (ConfigException e) {
      e.errors().stream().map(ConfigError::toString).forEach(err::println);
      return 1;
    } catch (RuleCompileException e) {
      e.errors().stream().map(RuleError::toString).forEach(err::println);
      return 1;
    }
    if (baselineDir != null) {
      return compare(settings, rules, out, err);
    }

    AtomicLong decisions = new AtomicLong();
    DecisionLog printer = decision -> {
      decisions.incrementAndGet();
      out.println(json ? DecisionText.json(decision) : DecisionText.plain(decision));
    };
    long started = System.nanoTime();
    long replayed;
    try {
      replayed = Simulation.replay(events, rules, settings, printer, err::println);
    } catch (RecordingReplay.MissingContractException | RecordingFormatException e) {
      out.flush();
      err.println(e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println(events + ": " + e.getMessage());
      return 1;
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    String summary = replayed + " events, " + decisions.get() + " decisions in "
        + elapsed.toMillis() + " ms (" + rules.ruleCount() + " rules from " + rules.source() + idleNote(rules) + ")";
    (json ? err : out).println(summary);
    out.flush();
    return 0;
  }

  private static String idleNote(RulePackage rules) {
    int idle = rules.build().idleRules().size();
    return idle == 0 ? "" : "; " + idle + " more left out, as the config cannot fire them";
  }

  /** Replays the recording through the baseline and the new package and prints what differs. */
  private int compare(RiskguardConfig settings, RulePackage rules, PrintWriter out, PrintWriter err) {
    RulePackage baseline;
    try {
      baseline = RulePackage.compile(baselineDir, EngineSettings.from(settings));
    } catch (RuleCompileException e) {
      e.errors().forEach(error -> err.println("baseline " + baselineDir + ": " + error));
      return 1;
    }
    DecisionComparison comparison;
    try {
      // The recording's bad lines are the same for both runs: report them once.
      List<Decision> before = Simulation.decisions(events, baseline, settings, problem -> { });
      List<Decision> after = Simulation.decisions(events, rules, settings, err::println);
      comparison = DecisionComparison.of(before, after);
    } catch (RecordingReplay.MissingContractException | RecordingFormatException e) {
      err.println(e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println(events + ": " + e.getMessage());
      return 1;
    }
    if (json) {
      BaselineReport.json(comparison, out);
    } else {
      BaselineReport.plain(comparison, out);
    }
    (json ? err : out).println(comparison.differences().size() + " differences between " + baselineDir
        + " (baseline) and " + rules.source());
    out.flush();
    return 0;
  }
}
