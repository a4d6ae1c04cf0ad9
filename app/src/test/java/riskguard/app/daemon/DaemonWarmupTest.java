package riskguard.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static riskguard.app.daemon.SimulatorFixture.ACCOUNT;
import static riskguard.app.daemon.SimulatorFixture.PATIENCE;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import riskguard.config.RiskguardConfig;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.RecordedCall;
import riskguard.connectors.sim.SimTrader;
import riskguard.db.AuditLog;
import riskguard.db.Database;
import riskguard.db.DecisionRepository;
import riskguard.db.LockoutRepository;
import riskguard.engine.enforcement.Decision;

/**
 * The warm-up at start: the real daemon against the real simulator with a real SQLite file.
 * Its synthetic trading day breaks these limits over and over (five positions per trader, a
 * limit of three contracts; losing fills), yet nothing of it may reach the gateway, the
 * database, the recording or the listener, and the daemon must enforce a real breach after it.
 */
class DaemonWarmupTest {

  static final String LIMITS = """
        max_contracts:
          limit: 3
          count_type: gross
          action: close_all
        daily_realized_loss:
          limit: 100
        daily_unrealized_loss:
          limit: 100000
          scope: per_position
          action: close_position
      """;

  static final List<String> ENFORCEMENT_ENDPOINTS = List.of("/api/Position/closeContract",
      "/api/Position/partialCloseContract", "/api/Order/cancel", "/api/Order/place", "/api/Order/modify");
  static final Pattern ACCOUNT_ID = Pattern.compile("\"accountId\"\\s*:\\s*(\\d+)");

  @TempDir Path dir;
  GatewaySimulator sim;
  SimTrader trader;
  final List<Decision> decided = new CopyOnWriteArrayList<>();
  final List<String> events = new CopyOnWriteArrayList<>();
  final CompletableFuture<WarmupReport> warmedUp = new CompletableFuture<>();
  final CompletableFuture<String> warmingUp = new CompletableFuture<>();
  final DaemonListener listener = new DaemonListener() {
    @Override
    public void warmingUp(String occasion) {
      events.add("warming up " + occasion);
      warmingUp.complete(occasion);
    }

    @Override
    public void warmedUp(WarmupReport report) {
      events.add("warmed up " + report.occasion());
      warmedUp.complete(report);
    }

    @Override
    public void decided(Decision decision) {
      decided.add(decision);
    }

    @Override
    public void reloaded(ReloadState state) {
      events.add("reloaded");
    }

    @Override
    public void stopped(DaemonException failure) {
      events.add("stopped");
    }
  };

  /** What the rules log (RULE-004 says when a position has no price yet: every synthetic one at first). */
  final ListAppender<ILoggingEvent> rulesLog = new ListAppender<>();

  @BeforeEach
  void startSimulator() throws Exception {
    sim = SimulatorFixture.start(0);
    trader = sim.trader(ACCOUNT);
    rulesLog.start();
    ((Logger) LoggerFactory.getLogger("riskguard.rules")).addAppender(rulesLog);
  }

  @AfterEach
  void stopSimulator() {
    ((Logger) LoggerFactory.getLogger("riskguard.rules")).detachAppender(rulesLog);
    sim.close();
  }

  RiskguardConfig config() {
    return SimulatorFixture.config(sim.restUrl(), dir.resolve("riskguard.db"), LIMITS);
  }

  @Test
  void theWarmUpLeavesNoTraceAndTheDaemonEnforcesABreachRightAfter() throws Exception {
    Path recordings = dir.resolve("recordings");
    try (Daemon daemon = Daemon.start(DaemonOptions.of(config()).withListener(listener).withRecordDir(recordings))) {
      assertThat(daemon.awaitReady(PATIENCE)).isTrue();
      WarmupReport report = warmedUp.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      assertThat(report.occasion()).isEqualTo("at start");
      assertThat(report.cutShort()).isFalse();
      assertThat(report.events()).isPositive();
      assertThat(report.decisions()).as("the synthetic day breaks the limits").isPositive();

      assertThat(decided).as("no warm-up decision reaches the listener").isEmpty();
      assertThat(rulesLog.list).extracting(ILoggingEvent::getFormattedMessage)
          .as("nothing the throwaway engine's rules say is logged").allMatch(line -> line.startsWith("account " + ACCOUNT));
      assertThat(sim.calls()).extracting(RecordedCall::endpoint).as("only the start-up's calls: log in, reconcile")
          .noneMatch(ENFORCEMENT_ENDPOINTS::contains);
      assertThat(daemon.snapshot().accounts()).extracting(DaemonSnapshot.AccountSnapshot::id).containsExactly(ACCOUNT);
      assertThat(daemon.snapshot().accounts().get(0).recentDecisions()).isEmpty();
      assertThat(daemon.snapshot().accounts().get(0).lockouts()).isEmpty();

      trader.buyMarket(ContractCatalogue.MNQ, 4);

      Eventually.until("the breach is closed", PATIENCE,
          () -> trader.positions().isEmpty() && SimulatorFixture.closed(sim, ContractCatalogue.MNQ));
      Eventually.until("the close is shown as SUCCEEDED", PATIENCE, () ->
          daemon.snapshot().accounts().get(0).recentDecisions().stream()
              .anyMatch(d -> d.decision().rule().equals("RULE-001") && d.status().equals("SUCCEEDED")));
    }

    assertThat(decided).extracting(Decision::accountId).containsOnly(ACCOUNT);
    assertThat(decided).extracting(Decision::rule).containsOnly("RULE-001");
    try (Database database = Database.openReadOnly(dir.resolve("riskguard.db"))) {
      assertThat(new AuditLog(database).recent(1_000)).allSatisfy(row -> {
        assertThat(row.row().accountId()).isEqualTo(ACCOUNT);
        assertThat(row.row().rule()).isEqualTo("RULE-001");
      });
      assertThat(new DecisionRepository(database).pending()).isEmpty();
      assertThat(new LockoutRepository(database).allActive(Instant.now())).isEmpty();
    }
    assertThat(recordedAccountIds(recordings)).as("the recording holds the guarded account's events only")
        .isNotEmpty().containsOnly(ACCOUNT);
  }

  @Test
  void turnedOffNoWarmUpRuns() throws Exception {
    try (Daemon daemon = Daemon.start(DaemonOptions.of(config()).withListener(listener).withWarmup(false))) {
      assertThat(daemon.awaitReady(PATIENCE)).isTrue();
      // the reload thread runs a warm-up queued at start before any reload: the reload's outcome comes after it
      daemon.reload();
      Eventually.until("the forced reload ran", PATIENCE, () -> events.contains("reloaded"));

      trader.buyMarket(ContractCatalogue.MNQ, 4);
      Eventually.until("the breach is closed", PATIENCE,
          () -> trader.positions().isEmpty() && SimulatorFixture.closed(sim, ContractCatalogue.MNQ));
    }
    assertThat(events).containsExactly("reloaded", "stopped");
  }

  @Test
  void turnedOnTheWarmUpAtStartComesBeforeAReload() throws Exception {
    try (Daemon daemon = Daemon.start(DaemonOptions.of(config()).withListener(listener))) {
      assertThat(daemon.awaitReady(PATIENCE)).isTrue();
      daemon.reload();
      Eventually.until("the forced reload ran", PATIENCE, () -> events.contains("reloaded"));
    }
    assertThat(events).containsExactly("warming up at start", "warmed up at start", "reloaded", "stopped");
  }

  @Test
  void aRuleReloadIsWarmedUpAfterTheSwapAndTheNewRulesEnforce() throws Exception {
    Path rules = dir.resolve("rules");
    DaemonReloadTest.copyTree(DaemonReloadTest.SHIPPED_RULES, rules);
    try (Daemon daemon = Daemon.start(DaemonOptions.of(config()).withListener(listener).withRulesDir(rules))) {
      assertThat(daemon.awaitReady(PATIENCE)).isTrue();
      Files.writeString(rules.resolve("custom-no-es.drl"), DaemonReloadTest.NO_ES_RULE);
      Eventually.until("the new rules are warming up", PATIENCE, () -> events.contains("warming up after the reload"));
      assertThat(events.indexOf("reloaded")).isLessThan(events.indexOf("warming up after the reload"));
      assertThat(decided).isEmpty();

      // while the new rules warm up, a breach is enforced by them as usual

      trader.buyMarket(ContractCatalogue.ES, 1);
      Eventually.until("the new rule closed ES", PATIENCE,
          () -> trader.positions().isEmpty() && SimulatorFixture.closed(sim, ContractCatalogue.ES));
    }
    assertThat(decided).extracting(Decision::accountId, Decision::rule)
        .containsOnly(Tuple.tuple(ACCOUNT, "CUSTOM-ES"));
  }

  @Test
  void aWarmUpInterruptedByShutdownStopsCleanly() throws Exception {
    Daemon daemon = Daemon.start(DaemonOptions.of(config()).withListener(listener));
    assertThat(warmingUp.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("at start");
    daemon.close();

    assertThat(daemon.awaitStopped()).isEmpty();
    assertThat(events).containsExactly("warming up at start", "warmed up at start", "stopped");
    WarmupReport report = warmedUp.getNow(null);
    assertThat(report.cutShort()).isTrue();
    assertThat(report.events()).isLessThan(Warmup.Budget.DEFAULT.events());
    assertThat(decided).isEmpty();
    try (Database database = Database.openReadOnly(dir.resolve("riskguard.db"))) {
      assertThat(new AuditLog(database).recent(1_000)).isEmpty();
    }
  }

  @Test
  void runTakesTheWarmUpOffWithNoWarmup() {
    RunCommand on = new RunCommand();
    new CommandLine(on).parseArgs("--config", "riskguard.yaml");
    RunCommand off = new RunCommand();
    new CommandLine(off).parseArgs("--config", "riskguard.yaml", "--no-warmup");

    assertThat(on.options(config()).warmup()).isTrue();
    assertThat(off.options(config()).warmup()).isFalse();
  }

  /** Every account id the recording's lines name. */
  private static List<Long> recordedAccountIds(Path recordings) throws Exception {
    try (Stream<Path> files = Files.list(recordings)) {
      List<Path> all = files.toList();
      assertThat(all).hasSize(1);
      return Files.readAllLines(all.get(0)).stream()
          .flatMap(line -> ACCOUNT_ID.matcher(line).results())
          .map(match -> Long.parseLong(match.group(1)))
          .toList();
    }
  }
}
