package riskguard.app.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import riskguard.config.RiskguardConfig;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.RecordedCall;
import riskguard.connectors.sim.SimAccount;
import riskguard.connectors.sim.SimTrader;
import riskguard.engine.enforcement.Decision;

/**
 * Breach-to-close latency of the live daemon (not a test: it prints figures). The simulator
 * and the daemon run in this JVM on loopback with a SQLite file in a temp directory. Each
 * round the trader buys 2 MNQ against a max-contracts limit of 1; the time is taken from just
 * before the simulator fills the order and publishes the breaching position event, to the
 * simulator's timestamp of the {@code closeContract} call it served. The round ends when the
 * daemon has seen the position flat, so every round is a fresh breach.
 *
 * <p>Run: {@code mvn -B -q -pl app -am test-compile} then
 * {@code java -cp "app/target/test-classes:app/target/classes:$(cat app/target/test-classpath.txt)"
 * riskguard.app.daemon.EnforcementLatencyBenchmark [breaches] [warmup] [database parent dir]}, or see docs/performance.md.
 */
public final class EnforcementLatencyBenchmark {

  private static final long ACCOUNT = 536;
  private static final Duration ROUND_PATIENCE = Duration.ofSeconds(30);

  private EnforcementLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int breaches = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Path parent = args.length > 2 ? Path.of(args[2]) : Path.of(System.getProperty("java.io.tmpdir"));
    Path dir = Files.createTempDirectory(parent, "riskguard-latency");
    try (GatewaySimulator sim = GatewaySimulator.builder()
            .account(SimAccount.of(ACCOUNT, "50KTC-BENCH", 50_000))
            .quoteInterval(Duration.ZERO)
            .rateLimit(false)
            .start()) {
      sim.market().setPrice(ContractCatalogue.MNQ, 21_000.00);
      RiskguardConfig config = SimulatorConfig.forSimulator(sim.restUrl(), GatewaySimulator.DEMO_USER,
          GatewaySimulator.DEMO_API_KEY, dir.resolve("riskguard.db"), """
                max_contracts:
                  limit: 1
                  count_type: gross
                  action: close_all
            """);
      // the simulator runs without rate limits, so the client may too: the rounds come faster than 200 a minute
      DecisionTimes decisions = new DecisionTimes();
      try (Daemon daemon = Daemon.start(DaemonOptions.of(config).withListener(decisions),
          new Daemon.RestBudget(1_000_000, Duration.ofMinutes(1)))) {
        if (!daemon.awaitReady(Duration.ofSeconds(60))) {
          throw new IllegalStateException("the daemon did not connect to the simulator");
        }
        SimTrader trader = sim.trader(ACCOUNT);
        System.out.printf("warming up with %d breaches …%n", warmup);
        for (int i = 0; i < warmup; i++) {
          round(sim, trader, daemon, decisions);
        }
        System.out.printf("measuring %d breaches …%n", breaches);
        List<Long> total = new ArrayList<>(breaches);
        List<Long> toReceived = new ArrayList<>(breaches);
        List<Long> toDecided = new ArrayList<>(breaches);
        List<Long> toServed = new ArrayList<>(breaches);
        for (int i = 0; i < breaches; i++) {
          Round round = round(sim, trader, daemon, decisions);
          total.add(round.micros(round.breach(), round.served()));
          toReceived.add(round.micros(round.breach(), round.received()));
          toDecided.add(round.micros(round.received(), round.decided()));
          toServed.add(round.micros(round.decided(), round.served()));
        }
        System.out.printf(Locale.ROOT, "breaches: %d (database in %s)%n", breaches, dir);
        report("breach -> close served (total)", total);
        report("  breach -> event received by the daemon's hub client", toReceived);
        report("  received -> rules decided (intake, queue, Drools)", toDecided);
        report("  decided -> close served (claim commit, REST call, simulator)", toServed);
      }
    }
  }

  /** When the daemon received the breaching event (the decision's time) and when the rules decided. */
  private static final class DecisionTimes implements DaemonListener {
    private volatile Decision last;
    private volatile Instant decidedAt;

    @Override
    public void decided(Decision decision) {
      decidedAt = Instant.now();
      last = decision;
    }
  }

  private record Round(Instant breach, Instant received, Instant decided, Instant served) {
    long micros(Instant from, Instant to) {
      return Duration.between(from, to).toNanos() / 1_000;
    }
  }

  /** One breach, from the fill to the simulator serving the close. */
  private static Round round(GatewaySimulator sim, SimTrader trader, Daemon daemon, DecisionTimes decisions) {
    sim.clearCalls();
    Decision before = decisions.last;
    Instant breach = Instant.now();
    trader.buyMarket(ContractCatalogue.MNQ, 2);
    RecordedCall close = awaitClose(sim);
    Decision decision = decisions.last;
    if (decision == before) {
      throw new IllegalStateException("a close without a decision");
    }
    long deadline = System.nanoTime() + ROUND_PATIENCE.toNanos();
    while (!trader.positions().isEmpty() || !daemon.snapshot().accounts().get(0).positions().isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the position was not flat after the close");
      }
      LockSupport.parkNanos(50_000);
    }
    return new Round(breach, decision.ts(), decisions.decidedAt, close.time());
  }

  private static RecordedCall awaitClose(GatewaySimulator sim) {
    long deadline = System.nanoTime() + ROUND_PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      for (RecordedCall call : sim.calls()) {
        if (call.endpoint().equals("/api/Position/closeContract") && call.success()) {
          return call;
        }
      }
      LockSupport.parkNanos(50_000);
    }
    throw new IllegalStateException("no close call within " + ROUND_PATIENCE);
  }

  private static void report(String what, List<Long> micros) {
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    System.out.printf(Locale.ROOT, "%-66s p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n", what,
        percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1000.0);
  }

  private static double percentile(List<Long> sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(index, 0)) / 1000.0;
  }
}
