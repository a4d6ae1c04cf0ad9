package riskguard.app.daemon;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import riskguard.config.ConfigError;
import riskguard.config.ConfigException;
import riskguard.config.ConfigLoader;
import riskguard.config.RiskguardConfig;
import riskguard.config.RulesConfig;
import riskguard.db.RulePackageRow;
import riskguard.engine.session.Engine;
import riskguard.engine.session.RuleCompileException;
import riskguard.engine.session.RuleError;
import riskguard.engine.session.RulePackage;

/**
 * Hot reload of the rule directory and the config file while the daemon runs. A change seen by
 * the {@link ReloadWatcher}, SIGHUP or {@code riskguard reload} queues a reload on this
 * component's own thread, off the event path: the rule files that changed are compiled against
 * the running package and, when they compile, swapped into the engine between two events of
 * every account (all session state kept); the config file is read and its rule sections applied as new facts. A package or
 * config that fails is logged error by error and the running one stays. Every rule package
 * attempt is a {@code rule_packages} row, stamped with the instant of the attempt: a version
 * names its content and second, so two attempts in one second (a forced reload with nothing
 * changed) share it, and only the instant tells {@code riskguard reload} that its attempt was
 * recorded.
 *
 * <p>This thread also warms the rules up ({@link Warmup}): at start, and after a reload that
 * changed the running rules (the rule base is updated in place, so a changed rule's code is
 * compiled and jitted afresh and can only be warmed once it is in). A warm-up shares the rule
 * base with the accounts' sessions and must not run during a swap; here it cannot, and a
 * reload requested meanwhile cuts it short.
 */
public final class HotReload implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("riskguard.reload");

  private final Engine engine;
  private final Path rulesDir;
  private final Path configFile;
  private final RiskguardConfig startedWith;
  private final Consumer<RulePackageRow> attempts;
  private final Clock clock;
  private final DaemonListener listener;
  /** Null: no warm-ups. */
  private final Warmup warmup;
  private final ExecutorService work = Executors.newSingleThreadExecutor(GatewaySink.daemonThread("riskguard-reload"));
  private final AtomicBoolean queued = new AtomicBoolean();
  private final AtomicBoolean forced = new AtomicBoolean();
  private volatile List<Object> runningSections;
  /** The limits in force: the config's rules as started, then as last reloaded; null without a config. */
  private volatile RulesConfig runningRules;
  private volatile ReloadState state;
  private ReloadWatcher watcher;

  /**
   * @param rulesDir the rule directory the daemon runs, or null for the shipped package (which
   *     cannot change)
   * @param config the config the daemon started with; null when there is none to reload
   * @param attempts records every load attempt (the {@code rule_packages} table)
   * @param warmup warms the rules up after a reload that changed them; null: never
   */
  HotReload(Engine engine, Path rulesDir, RiskguardConfig config, Consumer<RulePackageRow> attempts, Clock clock,
      DaemonListener listener, Warmup warmup) {
    this.engine = engine;
    this.rulesDir = rulesDir;
    this.configFile = config != null && Files.isRegularFile(config.source()) ? config.source() : null;
    this.startedWith = config;
    this.attempts = attempts;
    this.clock = clock;
    this.listener = listener;
    this.warmup = warmup;
    this.runningSections = config == null ? List.of() : config.rules().enabledSections();
    this.runningRules = config == null ? null : config.rules();
    this.state = ReloadState.started(engine.rules().version(), engine.rules().source());
  }

  /**
   * Hot reload of an engine's rule directory alone: no config file, no database (the bench
   * measures the daemon's reload path with it).
   */
  public static HotReload ofRules(Engine engine, Path rulesDir, DaemonListener listener) {
    return new HotReload(engine, rulesDir, null, attempt -> { }, Clock.systemUTC(), listener, null);
  }

  /** Records the package the daemon started with and starts watching. */
  public void start() {
    RulePackage.Build running = engine.rules().build();
    attempts.accept(RulePackageRow.loaded(running.version(), running.contentHash(), clock.instant(),
        running.source()));
    watcher = new ReloadWatcher(rulesDir, configFile, () -> request(false));
    LOG.info("watching for changes: rules {}, config {}",
        rulesDir == null ? "(shipped package, not watched)" : rulesDir,
        configFile == null ? "(not from a file, not watched)" : configFile);
  }

  /**
   * Queues a reload; requests made while one is queued join it.
   *
   * @param force compile and swap the rules even when no rule file changed
   */
  public void request(boolean force) {
    if (force) {
      forced.set(true);
    }
    if (queued.compareAndSet(false, true)) {
      try {
        work.execute(this::reload);
      } catch (RejectedExecutionException stopping) {
        LOG.debug("reload not started, the daemon is stopping");
      }
    }
  }

  /**
   * Warms the running rules up on this component's thread, after any reload queued before; a
   * reload requested meanwhile cuts it short. Nothing when warm-ups are off.
   */
  void warmUp(String occasion) {
    if (warmup == null) {
      return;
    }
    try {
      work.execute(() -> {
        listener.warmingUp(occasion);
        try {
          listener.warmedUp(warmup.run(engine, occasion, queued::get));
        } catch (RuntimeException e) {
          LOG.warn("warming up the rules {} failed; the daemon guards as before, its first breach compiling as it runs",
              occasion, e);
        }
      });
    } catch (RejectedExecutionException stopping) {
      LOG.debug("warm-up not started, the daemon is stopping");
    }
  }

  public ReloadState state() {
    return state;
  }

  /** The limits in force: as the daemon started, then as last reloaded (null when run without a config). */
  RulesConfig runningRules() {
    return runningRules;
  }

  private void reload() {
    queued.set(false);
    boolean force = forced.getAndSet(false);
    List<String> errors = new ArrayList<>();
    List<String> needsRestart = new ArrayList<>();
    boolean applied = false;
    RulePackage rulesBefore = engine.rules();
    try {
      applied |= reloadRules(force, errors);
      applied |= reloadConfig(errors, needsRestart);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException e) {
      LOG.error("reload failed; the running rules and config stay", e);
      errors.add("reload failed: " + e);
    }
    ReloadState.Outcome outcome = !errors.isEmpty() ? ReloadState.Outcome.REJECTED
        : applied ? ReloadState.Outcome.APPLIED : ReloadState.Outcome.UNCHANGED;
    RulePackage running = engine.rules();
    state = new ReloadState(running.version(), running.source(), clock.instant(), outcome, errors, needsRestart);
    listener.reloaded(state);
    if (running != rulesBefore) {
      warmUp("after the reload");
    }
  }

  private boolean reloadRules(boolean force, List<String> errors) throws InterruptedException {
    if (rulesDir == null) {
      return false;
    }
    RulePackage.Build running = engine.rules().build();
    long started = System.nanoTime();
    try {
      if (!force && RulePackage.contentHash(rulesDir).equals(running.contentHash())) {
        return false;
      }
      RulePackage.Build next = engine.prepareRules(rulesDir);
      long compiled = System.nanoTime();
      RulePackage now = engine.replaceRules(next);
      attempts.accept(RulePackageRow.loaded(next.version(), next.contentHash(), clock.instant(), next.source()));
      LOG.info("rules reloaded: version {} ({} rules from {}) replaces {}; compiled in {} ms ({}), swapped in {} ms",
          now.version(), now.ruleCount(), now.source(), running.version(), millis(compiled - started),
          next.incremental() ? "changed: " + String.join(", ", next.compiledFiles()) : "every file",
          millis(System.nanoTime() - compiled));
      return true;
    } catch (RuleCompileException e) {
      reject(e.errors().stream().map(RuleError::toString).toList(), errors);
      return false;
    } catch (IllegalStateException e) {
      reject(List.of(e.getMessage()), errors);
      return false;
    }
  }

  private void reject(List<String> problems, List<String> errors) {
    problems.forEach(problem -> LOG.error("rules rejected: {}", problem));
    String hash = hashOrNone();
    Instant at = clock.instant();
    String version = hash.substring(0, Math.min(8, hash.length())) + "@" + at.truncatedTo(ChronoUnit.SECONDS);
    attempts.accept(RulePackageRow.rejected(version, hash, at, rulesDir.toString(), String.join("\n", problems)));
    LOG.error("rule package {} rejected with {} problem(s); still running version {}", rulesDir, problems.size(),
        engine.rules().version());
    errors.addAll(problems);
  }

  /** A rejected directory may not even list (gone, no rule file): its row still needs a hash. */
  private String hashOrNone() {
    try {
      return RulePackage.contentHash(rulesDir);
    } catch (RuleCompileException | UncheckedIOException e) {
      return "none";
    }
  }

  private boolean reloadConfig(List<String> errors, List<String> needsRestart) throws InterruptedException {
    if (configFile == null) {
      return false;
    }
    RiskguardConfig next;
    try {
      next = ConfigLoader.load(configFile);
    } catch (ConfigException e) {
      List<String> problems = e.errors().stream().map(ConfigError::toString).toList();
      problems.forEach(problem -> LOG.error("config rejected: {}", problem));
      LOG.error("config {} rejected with {} problem(s); the running limits stay", configFile, problems.size());
      errors.addAll(problems);
      return false;
    }
    ConfigChange change = ConfigChange.between(startedWith, runningSections, next);
    if (!change.needsRestart().isEmpty()) {
      LOG.warn("config {}: {} changed; this needs a restart (running with the values it started with)", configFile,
          String.join(", ", change.needsRestart()));
      needsRestart.addAll(change.needsRestart());
    }
    if (!change.ruleSectionsChanged()) {
      return false;
    }
    List<Object> sections = next.rules().enabledSections();
    RulePackage before = engine.rules();
    try {
      engine.updateRuleSections(sections);
    } catch (RuleCompileException e) {
      List<String> problems = e.errors().stream().map(RuleError::toString).toList();
      problems.forEach(problem -> LOG.error("config not applied: the rules could not be tailored to it: {}", problem));
      errors.addAll(problems);
      return false;
    } catch (IllegalStateException e) {
      LOG.error("config not applied: {}", e.getMessage());
      errors.add(e.getMessage());
      return false;
    }
    runningSections = sections;
    runningRules = next.rules();
    RulePackage now = engine.rules();
    if (now != before) {
      attempts.accept(RulePackageRow.loaded(now.version(), now.build().contentHash(), clock.instant(), now.source()));
      LOG.info("rules tailored to the reloaded config: version {}, {} rules running, {} left out", now.version(),
          now.ruleCount(), now.build().idleRules().size());
    }
    LOG.info("config reloaded: the rule sections of {} apply from the next event ({} enabled)", configFile,
        sections.size());
    return true;
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  @Override
  public void close() {
    if (watcher != null) {
      watcher.close();
    }
    work.shutdownNow();
    try {
      work.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
