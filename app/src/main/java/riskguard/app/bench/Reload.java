package riskguard.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import riskguard.app.daemon.DaemonListener;
import riskguard.app.daemon.HotReload;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.enforcement.DecisionLog;
import riskguard.engine.enforcement.EnforcementService;
import riskguard.engine.event.InputEvent;
import riskguard.engine.session.Engine;
import riskguard.engine.session.EngineSettings;
import riskguard.engine.session.RulePackage;

/**
 * Section 5: the daemon's hot reload while events flow. The live engine (one queue and thread
 * per account, as in the daemon) takes the synthetic stream from a feeding thread at a steady
 * pace; a new rule file is saved in the rule directory, and the daemon's own {@link HotReload}
 * (file watch, compile off the event path, swap between two events) picks it up. A second save
 * changes that rule again (warm compiler). The time runs from the file being written to the
 * first decision of the new rule; events lost are the session steps the stream asked for that
 * the engine never ran.
 */
final class Reload {

  private static final String SHIPPED_RULES = "rules/lockout-guard.drl";
  private static final String RULE = "BENCH-RELOAD";
  private static final int EVENTS_PER_MILLISECOND = 10;
  /** Session steps queued but not yet run beyond which the feeder waits: the stream flows at the engine's pace. */
  private static final long MAX_BACKLOG = 2_000;
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  /** Events keep flowing after the second swap for this long at most (or {@code eventsAfter} events). */
  private static final Duration AFTER_SWAP = Duration.ofSeconds(2);

  private Reload() {}

  static Map<String, Object> run(EngineSettings settings, long seed, int accounts, int warmup, int eventsAfter)
      throws Exception {
    Path dir = Files.createTempDirectory("riskguard-bench-rules");
    copyShippedRules(dir);
    SyntheticStream source = new SyntheticStream(seed, accounts);
    NewRuleDecisions decided = new NewRuleDecisions();
    GatewayEcho gateway = new GatewayEcho();
    Map<String, Object> figures = new LinkedHashMap<>();
    try (Engine engine = Engine.live(RulePackage.compile(dir), settings, new EnforcementService(decided, actions -> {
          synchronized (gateway) {
            gateway.execute(actions);
          }
        }));
        HotReload reload = HotReload.ofRules(engine, dir, DaemonListener.NONE)) {
      SyntheticStream.CONTRACTS.forEach(engine::addContract);
      Feeder.apply(engine, gateway, source.opening(accounts * 5));
      Feeder.apply(engine, gateway, source.next(warmup));
      engine.awaitIdle();
      reload.start();
      Feeder feeder = new Feeder(engine, gateway, source, accounts);
      long stepsBefore = engine.stepsProcessed();
      long feedingStarted = System.nanoTime();
      feeder.start();
      try {
        Thread.sleep(200);
        figures.put("reload_ms", saveAndAwaitDecision(dir, "bench-reload-1", decided, feeder, figures, ""));
        figures.put("reload_ms_warm", saveAndAwaitDecision(dir, "bench-reload-2", decided, feeder, figures, "_warm"));
        long fedAtDecision = feeder.fed();
        long afterUntil = System.nanoTime() + AFTER_SWAP.toNanos();
        while (feeder.fed() < fedAtDecision + eventsAfter && System.nanoTime() < afterUntil) {
          Thread.sleep(10);
        }
      } finally {
        feeder.stop();
      }
      double feedingSeconds = (System.nanoTime() - feedingStarted) / 1e9;
      engine.awaitIdle();
      figures.put("method", "daemon HotReload: file watch (100 ms settle) + compile + in-place swap between"
          + " two events; live engine, " + accounts + " accounts, up to " + EVENTS_PER_MILLISECOND * 1000
          + " events/s, at most " + MAX_BACKLOG + " session steps queued");
      figures.put("events_fed", feeder.fed());
      figures.put("events_per_s_fed", feeder.fed() / feedingSeconds);
      figures.put("events_lost", feeder.stepsAsked() - (engine.stepsProcessed() - stepsBefore));
      figures.put("rules_version", engine.rules().version());
    }
    return figures;
  }

  /** Saves the rule file and waits for its first decision; returns the milliseconds in between. */
  private static long saveAndAwaitDecision(Path dir, String tag, NewRuleDecisions decided, Feeder feeder,
      Map<String, Object> figures, String suffix) throws IOException, InterruptedException {
    long fedBefore = feeder.fed();
    long saved = System.nanoTime();
    decided.expect(tag);
    Files.writeString(dir.resolve("bench-reload.drl"), rule(tag));
    long decidedAt = decided.await(PATIENCE);
    figures.put("events_fed_while_reloading" + suffix, feeder.fed() - fedBefore);
    return TimeUnit.NANOSECONDS.toMillis(decidedAt - saved);
  }

  private static String rule(String tag) {
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

    long await(Duration patience) throws InterruptedException {
      long deadline = System.nanoTime() + patience.toNanos();
      while (decidedAt.get() == 0) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the reloaded rule did not decide within " + patience.toSeconds() + " s");
        }
        Thread.sleep(1);
      }
      return decidedAt.get();
    }
  }

  /**
   * Feeds the stream on its own thread, as the hubs do in the daemon: at most {@link
   * #EVENTS_PER_MILLISECOND}, and no further ahead of the engine than {@link #MAX_BACKLOG}.
   */
  private static final class Feeder {

    private final Engine engine;
    private final GatewayEcho gateway;
    private final SyntheticStream source;
    private final int accounts;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong fed = new AtomicLong();
    private final AtomicLong stepsAsked = new AtomicLong();
    private final Thread thread;

    Feeder(Engine engine, GatewayEcho gateway, SyntheticStream source, int accounts) {
      this.engine = engine;
      this.gateway = gateway;
      this.source = source;
      this.accounts = accounts;
      this.thread = new Thread(this::feed, "bench-reload-feed");
    }

    void start() {
      thread.start();
    }

    /**
     * Applies {@code events} and the gateway's answers to what the engine decided so far (the
     * echo answers a close with a flat position, as the hub would), so enforcements complete.
     *
     * @return every event applied
     */
    static List<InputEvent> apply(Engine engine, GatewayEcho gateway, List<InputEvent> events) {
      List<InputEvent> applied = new ArrayList<>();
      List<InputEvent> next = events;
      while (!next.isEmpty()) {
        for (InputEvent event : next) {
          synchronized (gateway) {
            gateway.observe(event);
          }
          engine.apply(event);
          applied.add(event);
        }
        synchronized (gateway) {
          next = gateway.drainAnswers();
        }
      }
      return applied;
    }

    private void feed() {
      long next = System.nanoTime();
      long stepsAtStart = engine.stepsProcessed();
      while (running.get()) {
        while (stepsAsked.get() - (engine.stepsProcessed() - stepsAtStart) > MAX_BACKLOG && running.get()) {
          LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
          next = System.nanoTime();
        }
        for (InputEvent event : source.next(EVENTS_PER_MILLISECOND)) {
          List<InputEvent> applied = apply(engine, gateway, List.of(event));
          applied.forEach(one -> stepsAsked.addAndGet(one instanceof InputEvent.AccountScoped ? 1 : accounts));
          fed.addAndGet(applied.size());
        }
        next += TimeUnit.MILLISECONDS.toNanos(1);
        LockSupport.parkNanos(next - System.nanoTime());
      }
    }

    long fed() {
      return fed.get();
    }

    long stepsAsked() {
      return stepsAsked.get();
    }

    void stop() throws InterruptedException {
      running.set(false);
      thread.join();
    }
  }

  private static void copyShippedRules(Path target) throws IOException {
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
