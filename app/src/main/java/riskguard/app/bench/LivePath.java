package riskguard.app.bench;

import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import riskguard.app.daemon.Daemon;
import riskguard.app.daemon.DaemonOptions;
import riskguard.app.daemon.SimulatorConfig;
import riskguard.app.daemon.WarmupReport;
import riskguard.config.RiskguardConfig;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.RecordedCall;
import riskguard.connectors.sim.SimAccount;
import riskguard.connectors.sim.SimTrader;

/**
 * Section 3: breach to close on loopback. The gateway simulator and the live daemon (with a
 * SQLite file in a temp directory) run in this JVM. Each round the trader buys 2 MNQ against
 * a max-contracts limit of 1; the time runs from the simulator publishing the breaching
 * position event to the simulator receiving the {@code closeContract} call (issue 4's
 * definition). The daemon's listener splits it where the rules decided: before that, the hub
 * delivery, the intake and Drools; after it, the claim commit and the REST call up to its
 * arrival. {@code fill_to_close} also counts what comes before the position event: the
 * simulator filling the order and publishing its order and trade events, which the daemon
 * takes in first. A round ends when the daemon sees the position flat, so every round is a
 * fresh breach. {@code cpu_per_breach_ms} is the CPU time of the whole process (simulator,
 * daemon, this thread) per measured round, the close's own fill and the daemon's record of
 * it included: on a shared machine the wall-clock figures are mostly the scheduler's. The
 * {@code cpu_per_breach_<group>_ms} figures split it by thread: the hub reader (decode, book,
 * engine queue), the account thread (Drools), the enforcement thread (claim, REST call), the
 * simulator, this bench thread, the other threads, and the JVM's own (JIT compiler, GC).
 *
 * <p>The figures are of a warm daemon: after the first rounds (measured too, as {@code cold_*}:
 * a breach is rare in production, so a real one may well take the cold path) the bench keeps
 * breaching in batches until the JIT compiler is quiet, i.e. its compilation time is below
 * {@link #JIT_QUIET_SHARE} of a batch's wall time in two batches in a row, or the warm-up cap is
 * reached ({@code warmup_jit_quiet} says which). {@code jit_ms} is the compilation time during the
 * measured rounds.
 *
 * <p>The bench thread blocks while a round is measured (no polling): on two cores a thread
 * that spins or wakes every few microseconds takes CPU from the path it measures.
 */
final class LivePath {

  private static final long ACCOUNT = 536;
  private static final Duration ROUND_PATIENCE = Duration.ofSeconds(30);
  /** The daemon's warm-up is bounded by its own CPU time; on a loaded machine its wall time is longer. */
  private static final Duration WARMUP_PATIENCE = Duration.ofMinutes(2);
  private static final String CLOSE_CONTRACT = "/api/Position/closeContract";
  private static final int WARMUP_BATCH = 500;
  /**
   * Below this share of a batch's wall time spent compiling, the JIT no longer shapes the
   * figures (at 1,000 warm-up rounds it took over half of it, 6 s in a 10 s measurement).
   */
  static final double JIT_QUIET_SHARE = 0.05;
  private static final int QUIET_BATCHES = 2;
  /** Keeps the full bench within minutes when the JIT never settles (a loaded machine). */
  private static final Duration WARMUP_TIME_CAP = Duration.ofSeconds(90);
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
  /** The fresh daemon's first breach: what a real first breach of the day may well pay. */
  private static final String FIRST_BREACH = "first_breach_to_close_ms";

  private LivePath() {}

  /**
   * Measures {@code coldBreaches} rounds on a fresh daemon, warms it up to at most
   * {@code maxWarmup} rounds in all (the cold ones included), then measures {@code breaches}.
   */
  static Map<String, Object> run(int coldBreaches, int maxWarmup, int breaches, PrintWriter progress)
      throws Exception {
    Path dir = Files.createTempDirectory("riskguard-bench-live");
    PositionPublished published = new PositionPublished();
    try (GatewaySimulator sim = GatewaySimulator.builder()
            .account(SimAccount.of(ACCOUNT, "50KTC-BENCH", 50_000))
            .publishWatch(published)
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
      BreachWatch watch = new BreachWatch();
      long starting = System.nanoTime();
      // the simulator runs without rate limits, so the client may too: rounds come faster than 200 a minute
      try (Daemon daemon = Daemon.start(DaemonOptions.of(config).withListener(watch),
          new Daemon.RestBudget(1_000_000, Duration.ofMinutes(1)))) {
        if (!daemon.awaitReady(Duration.ofSeconds(60))) {
          throw new IllegalStateException("the daemon did not connect to the simulator");
        }
        double startToReady = (System.nanoTime() - starting) / 1e6;
        WarmupReport warmedUp = watch.awaitWarmedUp(WARMUP_PATIENCE);
        double startToWarm = (System.nanoTime() - starting) / 1e6;
        progress.printf("live path: the daemon guards after %.0f ms; warmed up after %.0f ms (%d events, %d ms of CPU)%n",
            startToReady, startToWarm, warmedUp.events(), warmedUp.cpuMillis());
        Rig rig = new Rig(sim, sim.trader(ACCOUNT), daemon, watch, published);
        progress.printf("live path: %d cold breaches, warm-up until the JIT is quiet (at most %d rounds), "
            + "then %d measured%n", coldBreaches, maxWarmup, breaches);
        Map<String, Object> cold = measure(rig, coldBreaches);
        Object firstBreach = cold.remove(FIRST_BREACH);
        Warmup warmup = warmUp(rig, maxWarmup - coldBreaches, progress);
        Map<String, Object> figures = measure(rig, breaches);
        figures.remove(FIRST_BREACH);
        figures.put("warmup_rounds", coldBreaches + warmup.rounds());
        figures.put("warmup_s", warmup.seconds());
        figures.put("warmup_jit_quiet", warmup.quiet());
        cold.forEach((name, value) -> {
          if (!name.startsWith("cpu_per_breach_")) {
            figures.put("cold_" + name, value);
          }
        });
        figures.put("cold_cpu_per_breach_ms", cold.get("cpu_per_breach_ms"));
        figures.put("cold_" + FIRST_BREACH, firstBreach);
        figures.put("start_to_ready_ms", startToReady);
        figures.put("start_to_warm_ms", startToWarm);
        figures.put("startup_warmup_events", warmedUp.events());
        figures.put("startup_warmup_cpu_ms", warmedUp.cpuMillis());
        figures.put("startup_warmup_wall_ms", warmedUp.wallMillis());
        figures.put("startup_warmup_jit_ms", warmedUp.jitMillis());
        return figures;
      }
    }
  }

  /** How the warm-up went: its rounds, its wall time and whether the JIT was quiet at its end. */
  private record Warmup(int rounds, double seconds, boolean quiet) {}

  /**
   * Breaches in batches until two batches in a row compile for less than {@link #JIT_QUIET_SHARE}
   * of their time: the JIT compiles in bursts (recompiling after a deoptimisation), so one quiet
   * batch was once followed by 4.5 s of compilation in the measured rounds.
   */
  private static Warmup warmUp(Rig rig, int maxRounds, PrintWriter progress) throws InterruptedException {
    long started = System.nanoTime();
    long deadline = started + WARMUP_TIME_CAP.toNanos();
    int rounds = 0;
    int quietInARow = 0;
    while (quietInARow < QUIET_BATCHES && rounds < maxRounds && System.nanoTime() < deadline) {
      int batch = Math.min(WARMUP_BATCH, maxRounds - rounds);
      long batchStarted = System.nanoTime();
      long jitBefore = JIT.getTotalCompilationTime();
      for (int i = 0; i < batch; i++) {
        rig.round();
      }
      double jitShare = (JIT.getTotalCompilationTime() - jitBefore) / ((System.nanoTime() - batchStarted) / 1e6);
      rounds += batch;
      quietInARow = jitShare < JIT_QUIET_SHARE ? quietInARow + 1 : 0;
      progress.printf("live path: warm-up %d rounds, the JIT compiled for %.0f %% of the last %d%n", rounds,
          jitShare * 100, batch);
    }
    return new Warmup(rounds, (System.nanoTime() - started) / 1e9, quietInARow >= QUIET_BATCHES);
  }

  private static Map<String, Object> measure(Rig rig, int breaches) throws InterruptedException {
    long[] total = new long[breaches];
    long[] toDecision = new long[breaches];
    long[] toClose = new long[breaches];
    long[] fromFill = new long[breaches];
    long jitBefore = JIT.getTotalCompilationTime();
    long cpuBefore = CpuClock.processNanos();
    ThreadCpu threads = ThreadCpu.start();
    for (int i = 0; i < breaches; i++) {
      Round round = rig.round();
      total[i] = Duration.between(round.breach(), round.closeReceived()).toNanos();
      toDecision[i] = Duration.between(round.breach(), round.decided()).toNanos();
      toClose[i] = Duration.between(round.decided(), round.closeReceived()).toNanos();
      fromFill[i] = Duration.between(round.orderPlaced(), round.closeReceived()).toNanos();
    }
    long cpuPerBreach = (CpuClock.processNanos() - cpuBefore) / breaches;
    long jitMillis = JIT.getTotalCompilationTime() - jitBefore;
    Map<String, Double> cpuByThread = threads.perRoundMillis(breaches);
    Percentiles percentiles = new Percentiles(total);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("breaches", breaches);
    figures.put(FIRST_BREACH, total[0] / 1e6);
    figures.put("breach_to_close_p50_ms", percentiles.millis(0.50));
    figures.put("breach_to_close_p90_ms", percentiles.millis(0.90));
    figures.put("breach_to_close_p99_ms", percentiles.millis(0.99));
    figures.put("breach_to_close_max_ms", percentiles.millis(1.0));
    Percentiles decision = new Percentiles(toDecision);
    figures.put("breach_to_decision_p50_ms", decision.millis(0.50));
    figures.put("breach_to_decision_p99_ms", decision.millis(0.99));
    Percentiles close = new Percentiles(toClose);
    figures.put("decision_to_close_p50_ms", close.millis(0.50));
    figures.put("decision_to_close_p99_ms", close.millis(0.99));
    Percentiles fill = new Percentiles(fromFill);
    figures.put("fill_to_close_p50_ms", fill.millis(0.50));
    figures.put("fill_to_close_p99_ms", fill.millis(0.99));
    figures.put("jit_ms", jitMillis);
    // what the wall-clock figures hide on a loaded machine: the work, not the waiting
    figures.put("cpu_per_breach_ms", cpuPerBreach / 1e6);
    cpuByThread.forEach((group, millis) -> figures.put("cpu_per_breach_" + group + "_ms", millis));
    return figures;
  }

  /**
   * When a round's order was placed, its breaching position published, the breach decided on,
   * and the close call received by the simulator.
   */
  private record Round(Instant orderPlaced, Instant breach, Instant decided, Instant closeReceived) {}

  /** The simulator, its trader and the daemon watching it: what a round runs on. */
  private record Rig(GatewaySimulator sim, SimTrader trader, Daemon daemon, BreachWatch watch,
      PositionPublished published) {

    /** One breach, from the fill to the simulator serving the close. */
    Round round() throws InterruptedException {
      sim.clearCalls();
      watch.expectClose();
      published.arm();
      Instant orderPlaced = Instant.now();
      trader.buyMarket(ContractCatalogue.MNQ, 2);
      Instant decided = watch.awaitClosed(ROUND_PATIENCE);
      RecordedCall close = sim.calls(CLOSE_CONTRACT).stream().filter(RecordedCall::success).findFirst()
          .orElseThrow(() -> new IllegalStateException("the daemon reported the close done, the simulator saw no "
              + CLOSE_CONTRACT + " succeed"));
      awaitFlat();
      return new Round(orderPlaced, published.at(), decided, close.time());
    }

    /** Outside the measured time: the next round must start from a flat position the daemon has seen. */
    private void awaitFlat() throws InterruptedException {
      long deadline = System.nanoTime() + ROUND_PATIENCE.toNanos();
      while (!trader.positions().isEmpty() || !daemon.snapshot().accounts().get(0).positions().isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the position was not flat after the close");
        }
        TimeUnit.MILLISECONDS.sleep(1);
      }
    }
  }
}
