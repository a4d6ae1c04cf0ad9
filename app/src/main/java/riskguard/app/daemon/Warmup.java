package riskguard.app.daemon;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import riskguard.engine.enforcement.EnforcementService;
import riskguard.engine.event.InputEvent;
import riskguard.engine.session.Engine;

/**
 * Runs the daemon's rules on a synthetic trading day before a real breach needs them. A fresh
 * daemon's first breach otherwise pays for the JVM and Drools compiling the hot code the first
 * time it runs (67 ms breach to close, up to 760 ms breach to decision, against 0.5 ms warm),
 * and a breach is rare, so the first real one of the day may well be that one. The same holds
 * for a rule base after a reload: Drools compiles a rule's constraints per rule base, and a
 * changed rule starts interpreted again.
 *
 * <p>The stream ({@link SyntheticStream}: ten traders holding positions with stops, 90 %
 * quotes, fills, orders, breaches now and then) goes through a throwaway replay engine on the
 * running rule base ({@link Engine#replica}), whose decisions are merged by the engine's own
 * {@link EnforcementService} and answered by a {@link GatewayEcho}, as the gateway's events
 * would, so enforcements complete and the stream goes on as it does live. Nothing of it reaches
 * the daemon: no gateway call, no database row, no recording, no audit, no decision shown; the
 * throwaway engine's accounts are not the guarded ones and it is closed at the end. Two log
 * lines, at the start and at the end: what the throwaway engine's rules log is dropped
 * ({@link WarmupLogFilter}).
 *
 * <p>Bounded by events and by the CPU time of the thread running it (the JIT compiler works on
 * other threads meanwhile); cut short when {@code stop} says so (a reload waiting, the daemon
 * stopping) or the thread is interrupted, checked between batches of {@link #BATCH} events.
 */
final class Warmup {

  private static final Logger LOG = LoggerFactory.getLogger("riskguard.warmup");
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
  private static final int BATCH = 1_000;
  private static final int ACCOUNTS = 10;
  private static final long SEED = 42;

  /**
   * How long a warm-up may run: at most {@code events} events and {@code cpu} of its thread's
   * CPU time, whichever comes first.
   */
  record Budget(int events, Duration cpu) {
    /** See docs/performance.md, "Start-up warm-up": where the cold path's figures stop improving. */
    static final Budget DEFAULT = new Budget(50_000, Duration.ofSeconds(3));
  }

  private final Budget budget;

  Warmup(Budget budget) {
    this.budget = budget;
    WarmupLogFilter.install();
  }

  /**
   * Warms the rule base {@code live} runs. Must not run while {@code live} swaps its rules (the
   * daemon runs both on the reload thread).
   *
   * @param occasion for the log: "at start", "after the reload"
   */
  WarmupReport run(Engine live, String occasion, BooleanSupplier stop) {
    LOG.info("warming up the rules {}: a synthetic trading day of {} accounts, at most {} events or {} ms of CPU",
        occasion, ACCOUNTS, budget.events(), budget.cpu().toMillis());
    long started = System.nanoTime();
    long cpuStarted = THREADS.getCurrentThreadCpuTime();
    long jitStarted = JIT.getTotalCompilationTime();
    long cpuBudget = budget.cpu().toNanos();
    GatewayEcho gateway = new GatewayEcho();
    LongAdder decisions = new LongAdder();
    Fed fed = WarmupLogFilter.quietly(() -> {
      long events = 0;
      try (Engine replica = live.replica(new EnforcementService(decision -> decisions.increment(), gateway))) {
        SyntheticStream.CONTRACTS.forEach(replica::addContract);
        SyntheticStream stream = new SyntheticStream(SEED, ACCOUNTS);
        List<InputEvent> batch = stream.opening();
        while (true) {
          for (InputEvent event : batch) {
            events += 1 + gateway.feed(replica, event);
          }
          if (stop.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            return new Fed(events, true);
          }
          if (events >= budget.events() || THREADS.getCurrentThreadCpuTime() - cpuStarted >= cpuBudget) {
            return new Fed(events, false);
          }
          batch = stream.next(BATCH);
        }
      }
    });
    long events = fed.events();
    boolean cutShort = fed.cutShort();
    WarmupReport report = new WarmupReport(occasion, events, decisions.sum(),
        (THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000, (System.nanoTime() - started) / 1_000_000,
        JIT.getTotalCompilationTime() - jitStarted, cutShort);
    LOG.info("rules warmed up {}{}: {} events, {} ms of CPU, {} ms", occasion, cutShort ? " (cut short)" : "",
        report.events(), report.cpuMillis(), report.wallMillis());
    return report;
  }

  /** Events fed, and whether the warm-up stopped before its budget ran out. */
  private record Fed(long events, boolean cutShort) {}
}
