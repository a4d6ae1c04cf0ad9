package riskguard.app;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import riskguard.config.ConfigException;
import riskguard.config.ConfigLoader;
import riskguard.config.RiskguardConfig;
import riskguard.engine.enforcement.EnforcementService;
import riskguard.engine.event.InputEvent;
import riskguard.engine.session.Engine;
import riskguard.engine.session.EngineSettings;
import riskguard.engine.session.RuleCompileException;
import riskguard.engine.session.RulePackage;

/**
 * {@code riskguard bench}: engine throughput and per-event latency on a seeded synthetic
 * stream, through the replay engine (the same sessions the daemon runs) and a rule package.
 * Prints figures; judges nothing.
 */
@Command(
    name = "bench",
    description = "Measures events/s and per-event latency of the engine on a seeded synthetic stream.")
final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--events", defaultValue = "1000000", description = "Measured events (default ${DEFAULT-VALUE}).")
  int events;

  @Option(names = "--warmup", defaultValue = "300000", description = "Events run before measuring (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--accounts", defaultValue = "10", description = "Accounts (default ${DEFAULT-VALUE}).")
  int accounts;

  @Option(names = "--positions", defaultValue = "50", description = "Open positions at the start (default ${DEFAULT-VALUE}).")
  int positions;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--config", defaultValue = "examples/bench-config.yaml", paramLabel = "FILE",
      description = "Configuration whose rule sections are used (default ${DEFAULT-VALUE}).")
  Path config;

  @Option(names = "--rules", paramLabel = "DIR", description = "Rule package directory (default: the shipped rules).")
  Path rulesDir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RiskguardConfig settings;
    RulePackage rules;
    try {
      settings = ConfigLoader.load(config);
      rules = RulesOption.compile(rulesDir);
    } catch (ConfigException | RuleCompileException e) {
      err.println(e.getMessage());
      return 1;
    }
    SyntheticStream stream = new SyntheticStream(seed, accounts);
    List<InputEvent> opening = stream.opening(positions);
    List<InputEvent> warmupEvents = stream.next(warmup);
    InputEvent[] measured = stream.next(events).toArray(InputEvent[]::new);
    AtomicLong decisions = new AtomicLong();
    long[] latencies = new long[measured.length];
    GatewayEcho gateway = new GatewayEcho();

    try (Engine engine = Engine.replay(rules, EngineSettings.from(settings),
        new EnforcementService(decision -> decisions.incrementAndGet(), gateway))) {
      SyntheticStream.CONTRACTS.forEach(engine::addContract);
      opening.forEach(event -> feed(engine, gateway, event));
      warmupEvents.forEach(event -> feed(engine, gateway, event));
      long decisionsBefore = decisions.get();
      long answersBefore = answers;
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long cpuStarted = threads.getCurrentThreadCpuTime();
      long started = System.nanoTime();
      for (int i = 0; i < measured.length; i++) {
        long before = System.nanoTime();
        feed(engine, gateway, measured[i]);
        latencies[i] = System.nanoTime() - before;
      }
      long elapsed = System.nanoTime() - started;
      long cpu = threads.getCurrentThreadCpuTime() - cpuStarted;
      Arrays.sort(latencies);
      out.println(String.format(Locale.ROOT,
          "%d events (%d warm-up), %d accounts, %d positions at start, %d rules from %s, seed %d",
          measured.length, warmup, accounts, positions, rules.ruleCount(), rules.source(), seed));
      out.println(String.format(Locale.ROOT,
          "throughput: %,.0f events/s wall clock (%.2f s); %,.0f events per CPU second of the engine thread (%.2f s)",
          measured.length / (elapsed / 1e9), elapsed / 1e9, measured.length / (cpu / 1e9), cpu / 1e9));
      out.println(String.format(Locale.ROOT, "latency per event: p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, max %.1f µs",
          percentile(latencies, 0.50), percentile(latencies, 0.99), percentile(latencies, 0.999),
          latencies[latencies.length - 1] / 1e3));
      out.println("decisions while measuring: " + (decisions.get() - decisionsBefore)
          + "; gateway answers fed back: " + (answers - answersBefore));
    }
    return 0;
  }

  private long answers;

  /** One event, then the gateway's answers to what it caused (as the hub would send them). */
  private void feed(Engine engine, GatewayEcho gateway, InputEvent event) {
    gateway.observe(event);
    engine.apply(event);
    List<InputEvent> replies = gateway.drainAnswers();
    while (!replies.isEmpty()) {
      for (InputEvent reply : replies) {
        answers++;
        gateway.observe(reply);
        engine.apply(reply);
      }
      replies = gateway.drainAnswers();
    }
  }

  private static double percentile(long[] sorted, double fraction) {
    int index = Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1);
    return sorted[Math.max(index, 0)] / 1e3;
  }
}
