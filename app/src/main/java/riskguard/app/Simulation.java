package riskguard.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import riskguard.config.RiskguardConfig;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.enforcement.DecisionLog;
import riskguard.engine.enforcement.EnforcementService;
import riskguard.engine.session.Engine;
import riskguard.engine.session.EngineSettings;
import riskguard.engine.session.RulePackage;

/**
 * The one replay path of {@code simulate}, {@code simulate --baseline} and {@code rules test}:
 * a recording through a replay engine with a config and a rule package, decisions to a sink.
 */
final class Simulation {

  private Simulation() {}

  /**
   * Replays {@code events} and hands every decision to {@code sink}; lines that do not fit go
   * to {@code problems} as {@code file:line: reason}.
   *
   * @return the number of events applied
   * @throws RecordingReplay.MissingContractException when an event names a contract without metadata
   */
  static long replay(Path events, RulePackage rules, RiskguardConfig settings, DecisionLog sink,
      Consumer<String> problems) throws IOException {
    RecordingReplay replay = new RecordingReplay(events, problems);
    try (Engine engine = Engine.replay(rules, EngineSettings.from(settings), new EnforcementService(sink, actions -> { }))) {
      replay.run(engine);
    }
    return replay.events();
  }

  /** {@link #replay} collecting the decisions in the order they were made. */
  static List<Decision> decisions(Path events, RulePackage rules, RiskguardConfig settings,
      Consumer<String> problems) throws IOException {
    List<Decision> decisions = new ArrayList<>();
    replay(events, rules, settings, decisions::add, problems);
    return List.copyOf(decisions);
  }
}
