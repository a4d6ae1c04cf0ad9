package riskguard.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import riskguard.app.daemon.DaemonListener;
import riskguard.app.daemon.GatewayEcho;
import riskguard.app.daemon.HotReload;
import riskguard.app.daemon.ReloadState;
import riskguard.app.daemon.SyntheticStream;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.enforcement.DecisionLog;
import riskguard.engine.enforcement.EnforcementService;
import riskguard.engine.event.InputEvent;
import riskguard.engine.event.QuoteEvent;
import riskguard.engine.session.Engine;
import riskguard.engine.session.EngineSettings;
import riskguard.engine.session.RulePackage;

/**
 * Section 5: the daemon's hot reload while events flow. The live engine (a queue and thread per
 * account, as in the daemon) takes the synthetic stream from a feeding thread; a rule file is
 * saved in the rule directory and the daemon's own {@link HotReload} (file watch, compile of the
 * changed file, swap between two events) picks it up. First a new file is added, then it is
 * changed, each in its own stretch of stream that ends with the engine idle, so each has its
 * own count of events lost. Each time is from the file written to the first decision of the
 * new rule.
 *
 * <p>Events lost are counted, not estimated: every account event handed to the engine must be
 * processed to the end by its session exactly once ({@link Engine#eventsApplied} against the
 * feeder's count), and every quote must have reached the positions it values (after the stream
 * stops, no position lags its contract's latest quote: {@link Engine#positionsBehindQuotes}).
 * Quotes are not counted one by one: live, a session behind the stream applies only the latest
 * quote of a contract, and the superseded ones are not lost.
 */
final class Reload {

  private static final String SHIPPED_RULES = "rules/lockout-guard.drl";
  private static final String RULE = "BENCH-RELOAD";
  private static final String RULE_FILE = "bench-reload.drl";
  private static final int EVENTS_PER_MILLISECOND = 10;
  /** Account events handed but not yet processed beyond which the feeder waits: the stream flows at the engine's pace. */
  private static final long MAX_BACKLOG = 200;
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  /** Events keep flowing after the second swap for this long at most (or {@code eventsAfter} events). */
  private static final Duration AFTER_SWAP = Duration.ofSeconds(2);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private Reload() {}

  /** How long the engine may take to run what was queued once the stream stops. */
  private static final Duration IDLE_PATIENCE = Duration.ofSeconds(120);

  /** Adds the bench's rule file, then changes it, each while events flow, counted apart. */
  static Map<String, Object> run(EngineSettings settings, long seed, int accounts, int warmup, int eventsAfter)
      throws Exception {
    Path dir = Files.createTempDirectory("riskguard-bench-rules");
    copyShippedRules(dir);
    SyntheticStream source = new SyntheticStream(seed, accounts);
    NewRuleDecisions decided = new NewRuleDecisions();
    Swaps swaps = new Swaps();
    GatewayEcho gateway = new GatewayEcho();
    Map<String, Object> figures = new LinkedHashMap<>();
    try (Engine engine = Engine.live(RulePackage.compile(dir, settings), settings, new EnforcementService(decided, gateway));
        HotReload reload = HotReload.ofRules(engine, dir, swaps)) {
      SyntheticStream.CONTRACTS.forEach(engine::addContract);
      Feeder.apply(engine, gateway, source.opening());
      Feeder.apply(engine, gateway, source.next(warmup));
      engine.awaitIdle();
      reload.start();
      figures.put("method", "daemon HotReload: file watch (100 ms settle) + compile of the changed file + in-place"
          + " swap between two events; live engine, " + accounts + " accounts, up to " + EVENTS_PER_MILLISECOND * 1000
          + " events/s, at most " + MAX_BACKLOG + " account events queued; a new rule file added"
          + ", then changed, each while events flow, counted apart");
      flowWhile(engine, gateway, source, eventsAfter, figures, "",
          feeder -> saveAndMeasure(dir, "added", decided, swaps, feeder, figures, ""));
      flowWhile(engine, gateway, source, eventsAfter, figures, "_changed",
          feeder -> saveAndMeasure(dir, "changed", decided, swaps, feeder, figures, "_changed"));
      figures.put("rules_version", engine.rules().version());
      figures.put("load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
    return figures;
  }

  /** What is done while the stream flows. */
  private interface WhileFlowing {
    void run(Feeder feeder) throws IOException, InterruptedException;
  }

  /**
   * Feeds the stream from an idle engine, does {@code action}, feeds on for {@code eventsAfter}
   * events (at most {@link #AFTER_SWAP}), stops and, once the engine is idle again, counts what
   * was fed against what the sessions applied.
   */
  private static void flowWhile(Engine engine, GatewayEcho gateway, SyntheticStream source, int eventsAfter,
      Map<String, Object> figures, String suffix, WhileFlowing action) throws Exception {
    engine.awaitIdle();
    long appliedBefore = engine.eventsApplied();
    Feeder feeder = new Feeder(engine, gateway, source, appliedBefore);
    long feedingStarted = System.nanoTime();
    feeder.start();
    try {
      Thread.sleep(200);
      action.run(feeder);
      long fedAtDecision = feeder.fed();
      long afterUntil = System.nanoTime() + AFTER_SWAP.toNanos();
      while (feeder.fed() < fedAtDecision + eventsAfter && System.nanoTime() < afterUntil) {
        Thread.sleep(10);
      }
    } finally {
      feeder.stop();
    }
    double feedingSeconds = (System.nanoTime() - feedingStarted) / 1e9;
    long behind = positionsBehindQuotes(engine);
    long applied = engine.eventsApplied() - appliedBefore;
    figures.put("events_fed" + suffix, feeder.fed());
    figures.put("events_per_s_fed" + suffix, feeder.fed() / feedingSeconds);
    figures.put("account_events_fed" + suffix, feeder.accountEvents());
    figures.put("account_events_applied" + suffix, applied);
    figures.put("quotes_fed" + suffix, feeder.quotes());
    figures.put("positions_behind_latest_quote" + suffix, behind);
    figures.put("events_lost" + suffix, Math.max(feeder.accountEvents() - applied, 0) + behind);
    figures.put("events_applied_twice" + suffix, Math.max(applied - feeder.accountEvents(), 0));
  }

  /**
   * {@link Engine#positionsBehindQuotes} once the engine is idle; a session that does not get
   * there fails the section instead of hanging the bench (one did, firing without end, before
   * a changed rule stopped losing events; docs/performance.md, "Reload").
   */
  private static long positionsBehindQuotes(Engine engine) throws Exception {
    CompletableFuture<Long> behind = CompletableFuture.supplyAsync(() -> {
      try {
        return engine.positionsBehindQuotes();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the engine", e);
      }
    });
    try {
      return behind.get(IDLE_PATIENCE.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the engine did not run what was queued within " + IDLE_PATIENCE.toSeconds()
          + " s after the stream stopped; a session is still busy (see docs/performance.md, Reload)", e);
    }
  }

  /**
   * Saves the rule file and waits for its first decision: the milliseconds from the write to
   * the swap and to the decision, and the reload thread's CPU time (compile and swap).
   */
  private static void saveAndMeasure(Path dir, String tag, NewRuleDecisions decided, Swaps swaps, Feeder feeder,
      Map<String, Object> figures, String suffix) throws IOException, InterruptedException {
    long fedBefore = feeder.fed();
    long reloadCpuBefore = reloadThreadCpuNanos();
    decided.expect(tag);
    swaps.expect();
    long saved = System.nanoTime();
    Files.writeString(dir.resolve(RULE_FILE), rule(tag));
    long decidedAt = decided.await(PATIENCE, swaps);
    long swappedAt = swaps.awaitSwap(PATIENCE);
    figures.put("reload_ms" + suffix, millis(decidedAt - saved));
    figures.put("swapped_ms" + suffix, millis(swappedAt - saved));
    figures.put("reload_thread_cpu_ms" + suffix, millis(reloadThreadCpuNanos() - reloadCpuBefore));
    figures.put("events_fed_while_reloading" + suffix, feeder.fed() - fedBefore);
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  /** CPU time of the daemon's reload thread ("riskguard-reload"), 0 before it first ran. */
  private static long reloadThreadCpuNanos() {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().equals("riskguard-reload")) {
        return Math.max(THREADS.getThreadCpuTime(thread.getId()), 0);
      }
    }
    return 0;
  }

  static String rule(String tag) {
    return """
        package riskguard.bench;
        import riskguard.engine.model.Position;
        global riskguard.engine.session.DecisionChannel decisions;

        rule "%s: the new package decides"
        when
            Position( size > 0, $c : contractId )
        then
            decisions.warn("%s", 100, "%s " + $c);
        end
        """.formatted(RULE, RULE, tag);
  }

  /** Catches the first decision of the new rule with the expected tag. */
  private static final class NewRuleDecisions implements DecisionLog {

    private volatile String tag;
    private final AtomicLong decidedAt = new AtomicLong();

    void expect(String expectedTag) {
      decidedAt.set(0);
      tag = expectedTag;
    }

    @Override
    public void record(Decision decision) {
      if (decision.rule().equals(RULE) && decision.reason() != null && decision.reason().startsWith(tag + " ")) {
        decidedAt.compareAndSet(0, System.nanoTime());
      }
    }

    long await(Duration patience, Swaps swaps) throws InterruptedException {
      long deadline = System.nanoTime() + patience.toNanos();
      while (decidedAt.get() == 0) {
        if (swaps.rejected() != null) {
          throw new IllegalStateException("the bench's rule was rejected: " + swaps.rejected());
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the reloaded rule did not decide within " + patience.toSeconds() + " s");
        }
        Thread.sleep(1);
      }
      return decidedAt.get();
    }
  }

  /** When the daemon's reload applied the new rules (after the swap). */
  private static final class Swaps implements DaemonListener {

    private final AtomicLong swappedAt = new AtomicLong();
    private volatile List<String> rejected;

    void expect() {
      swappedAt.set(0);
    }

    @Override
    public void reloaded(ReloadState state) {
      if (state.outcome() == ReloadState.Outcome.APPLIED) {
        swappedAt.compareAndSet(0, System.nanoTime());
      } else if (state.outcome() == ReloadState.Outcome.REJECTED) {
        rejected = state.errors();
      }
    }

    /** The reload's end is reported after the new rules may already have decided. */
    long awaitSwap(Duration patience) throws InterruptedException {
      long deadline = System.nanoTime() + patience.toNanos();
      while (swappedAt.get() == 0) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the reload did not report within " + patience.toSeconds() + " s");
        }
        Thread.sleep(1);
      }
      return swappedAt.get();
    }

    /** The errors of a rejected reload, or null. */
    List<String> rejected() {
      return rejected;
    }
  }

  /**
   * Feeds the stream on its own thread, as the hubs do in the daemon: at most {@link
   * #EVENTS_PER_MILLISECOND}, and no further ahead of the engine than {@link #MAX_BACKLOG}
   * account events. Counts what it hands to the engine.
   */
  private static final class Feeder {

    private final Engine engine;
    private final GatewayEcho gateway;
    private final SyntheticStream source;
    private final long appliedAtStart;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong fed = new AtomicLong();
    private final AtomicLong accountEvents = new AtomicLong();
    private final AtomicLong quotes = new AtomicLong();
    private final Thread thread;

    Feeder(Engine engine, GatewayEcho gateway, SyntheticStream source, long appliedAtStart) {
      this.engine = engine;
      this.gateway = gateway;
      this.source = source;
      this.appliedAtStart = appliedAtStart;
      this.thread = new Thread(this::feed, "bench-reload-feed");
    }

    void start() {
      thread.start();
    }

    /**
     * Applies {@code events} and the gateway's answers to what the engine decided so far (the
     * echo answers a close with a flat position, as the hub would), so enforcements complete.
     *
     * @return every event applied, answers included
     */
    static List<InputEvent> apply(Engine engine, GatewayEcho gateway, List<InputEvent> events) {
      List<InputEvent> applied = new ArrayList<>();
      List<InputEvent> next = events;
      while (!next.isEmpty()) {
        for (InputEvent event : next) {
          gateway.observe(event);
          engine.apply(event);
          applied.add(event);
        }
        next = gateway.drainAnswers();
      }
      return applied;
    }

    private void feed() {
      long next = System.nanoTime();
      while (running.get()) {
        while (accountEvents.get() - (engine.eventsApplied() - appliedAtStart) > MAX_BACKLOG && running.get()) {
          LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
          next = System.nanoTime();
        }
        for (InputEvent event : apply(engine, gateway, source.next(EVENTS_PER_MILLISECOND))) {
          fed.incrementAndGet();
          if (event instanceof InputEvent.AccountScoped) {
            accountEvents.incrementAndGet();
          } else if (event instanceof QuoteEvent) {
            quotes.incrementAndGet();
          } else {
            throw new IllegalStateException("the bench stream has an event sent to every session: " + event);
          }
        }
        next += TimeUnit.MILLISECONDS.toNanos(1);
        LockSupport.parkNanos(next - System.nanoTime());
      }
    }

    long fed() {
      return fed.get();
    }

    long accountEvents() {
      return accountEvents.get();
    }

    long quotes() {
      return quotes.get();
    }

    void stop() throws InterruptedException {
      running.set(false);
      thread.join();
    }
  }

  static void copyShippedRules(Path target) throws IOException {
    URI marker;
    try {
      marker = Reload.class.getClassLoader().getResource(SHIPPED_RULES).toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot find the shipped rules", e);
    }
    if ("jar".equals(marker.getScheme())) {
      try (FileSystem jar = FileSystems.newFileSystem(marker, Map.of())) {
        copy(jar.getPath(SHIPPED_RULES).getParent(), target);
      }
    } else {
      copy(Path.of(marker).getParent(), target);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, to.resolve(file.getFileName().toString()));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
