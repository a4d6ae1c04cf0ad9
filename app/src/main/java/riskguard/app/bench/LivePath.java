package riskguard.app.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import riskguard.app.daemon.Daemon;
import riskguard.app.daemon.DaemonOptions;
import riskguard.app.daemon.SimulatorConfig;
import riskguard.config.RiskguardConfig;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.RecordedCall;
import riskguard.connectors.sim.SimAccount;
import riskguard.connectors.sim.SimTrader;

/**
 * Section 3: breach to close on loopback. The gateway simulator and the live daemon (with a
 * SQLite file in a temp directory) run in this JVM. Each round the trader buys 2 MNQ against
 * a max-contracts limit of 1; the time runs from just before the simulator fills the order
 * and publishes the breaching position, to the simulator's timestamp of the
 * {@code closeContract} call it served. A round ends when the daemon sees the position flat,
 * so every round is a fresh breach.
 */
final class LivePath {

  private static final long ACCOUNT = 536;
  private static final Duration ROUND_PATIENCE = Duration.ofSeconds(30);

  private LivePath() {}

  static Map<String, Object> run(int warmup, int breaches, PrintWriter progress) throws Exception {
    Path dir = Files.createTempDirectory("riskguard-bench-live");
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
      // the simulator runs without rate limits, so the client may too: rounds come faster than 200 a minute
      try (Daemon daemon = Daemon.start(DaemonOptions.of(config),
          new Daemon.RestBudget(1_000_000, Duration.ofMinutes(1)))) {
        if (!daemon.awaitReady(Duration.ofSeconds(60))) {
          throw new IllegalStateException("the daemon did not connect to the simulator");
        }
        SimTrader trader = sim.trader(ACCOUNT);
        progress.printf("live path: %d warm-up breaches, then %d measured%n", warmup, breaches);
        for (int i = 0; i < warmup; i++) {
          round(sim, trader, daemon);
        }
        long[] nanos = new long[breaches];
        for (int i = 0; i < breaches; i++) {
          nanos[i] = round(sim, trader, daemon);
        }
        Percentiles percentiles = new Percentiles(nanos);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("breaches", breaches);
        figures.put("breach_to_close_p50_ms", percentiles.millis(0.50));
        figures.put("breach_to_close_p99_ms", percentiles.millis(0.99));
        return figures;
      }
    }
  }

  /** One breach, from the fill to the simulator serving the close: nanoseconds. */
  private static long round(GatewaySimulator sim, SimTrader trader, Daemon daemon) {
    sim.clearCalls();
    Instant breach = Instant.now();
    trader.buyMarket(ContractCatalogue.MNQ, 2);
    RecordedCall close = awaitClose(sim);
    long deadline = System.nanoTime() + ROUND_PATIENCE.toNanos();
    while (!trader.positions().isEmpty() || !daemon.snapshot().accounts().get(0).positions().isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the position was not flat after the close");
      }
      LockSupport.parkNanos(50_000);
    }
    return Duration.between(breach, close.time()).toNanos();
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
}
