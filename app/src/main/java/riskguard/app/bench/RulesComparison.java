package riskguard.app.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import riskguard.engine.event.InputEvent;
import riskguard.engine.session.EngineSettings;
import riskguard.engine.session.RulePackage;

/**
 * Section {@code against}: how much faster or slower the benched rules are than another rule
 * package, to about a percent. This machine's speed drifts by a third between minutes, so two
 * {@code engine_replay} runs cannot tell a 5 % change from noise. Here both packages replay the
 * same stream in one JVM, each through its own engine, taking turns every {@link #CHUNK} events
 * (and swapping who goes first each turn): a drift falls on both alike and cancels in their
 * ratio, which repeats within a percent or two from pass to pass.
 */
final class RulesComparison {

  /** Events one package replays before the other takes its turn. */
  static final int CHUNK = 400;

  private RulesComparison() {}

  /** One timed pass: each package's events per CPU second, and what each decided. */
  private record Pass(double eventsPerCpuSecond, double againstEventsPerCpuSecond, long decisions,
      long againstDecisions) {

    double ratio() {
      return eventsPerCpuSecond / againstEventsPerCpuSecond;
    }
  }

  /**
   * Figures of {@code passes} timed passes, after one untimed pass if {@code warmUp} (so the JIT
   * has compiled both packages' code): the median ratio of events per CPU second
   * ({@code speed_ratio}, above 1 when {@code rules} is faster), with the lowest and highest.
   */
  static Map<String, Object> run(RulePackage rules, RulePackage against, EngineSettings settings,
      BenchStream stream, boolean warmUp, int passes, PrintWriter progress) {
    if (warmUp) {
      pass(rules, against, settings, stream);
      progress.println("against: warm-up pass done");
    }
    List<Pass> timed = new ArrayList<>();
    for (int i = 0; i < passes; i++) {
      Pass pass = pass(rules, against, settings, stream);
      timed.add(pass);
      progress.printf("against: pass %d of %d, %,.0f vs %,.0f events/CPU s, ratio %.3f%n", i + 1, passes,
          pass.eventsPerCpuSecond(), pass.againstEventsPerCpuSecond(), pass.ratio());
    }
    timed.sort(Comparator.comparingDouble(Pass::ratio));
    Pass median = timed.get(timed.size() / 2);

    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("against_dir", against.source());
    figures.put("events", stream.measured().size());
    figures.put("rules", rules.ruleCount());
    figures.put("against_rules", against.ruleCount());
    figures.put("speed_ratio", median.ratio());
    figures.put("speed_ratio_lowest", timed.get(0).ratio());
    figures.put("speed_ratio_highest", timed.get(timed.size() - 1).ratio());
    figures.put("events_per_s_cpu", median.eventsPerCpuSecond());
    figures.put("against_events_per_s_cpu", median.againstEventsPerCpuSecond());
    figures.put("decisions", median.decisions());
    figures.put("against_decisions", median.againstDecisions());
    figures.put("passes", timed.size());
    figures.put("chunk_events", CHUNK);
    return figures;
  }

  private static Pass pass(RulePackage rules, RulePackage against, EngineSettings settings, BenchStream stream) {
    try (EchoedEngine first = new EchoedEngine(rules, settings);
        EchoedEngine second = new EchoedEngine(against, settings)) {
      for (EchoedEngine engine : List.of(first, second)) {
        engine.feedAll(stream.opening());
        engine.feedAll(stream.warmup());
      }
      long decisionsBefore = first.decisions();
      long againstDecisionsBefore = second.decisions();
      List<InputEvent> measured = stream.measured();
      long cpu = 0;
      long againstCpu = 0;
      for (int from = 0, turn = 0; from < measured.size(); from += CHUNK, turn++) {
        List<InputEvent> chunk = measured.subList(from, Math.min(measured.size(), from + CHUNK));
        boolean rulesFirst = turn % 2 == 0;
        long firstCpu = replay(rulesFirst ? first : second, chunk);
        long secondCpu = replay(rulesFirst ? second : first, chunk);
        cpu += rulesFirst ? firstCpu : secondCpu;
        againstCpu += rulesFirst ? secondCpu : firstCpu;
      }
      return new Pass(measured.size() / (cpu / 1e9), measured.size() / (againstCpu / 1e9),
          first.decisions() - decisionsBefore, second.decisions() - againstDecisionsBefore);
    }
  }

  /** CPU nanoseconds of this thread to replay {@code events}. */
  private static long replay(EchoedEngine engine, List<InputEvent> events) {
    long started = CpuClock.nanos();
    for (InputEvent event : events) {
      engine.feed(event);
    }
    return CpuClock.nanos() - started;
  }
}
