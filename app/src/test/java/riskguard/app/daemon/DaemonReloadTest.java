package riskguard.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static riskguard.app.daemon.SimulatorFixture.ACCOUNT;
import static riskguard.app.daemon.SimulatorFixture.PATIENCE;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import riskguard.config.ConfigLoader;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.SimTrader;
import riskguard.db.AuditLog;
import riskguard.db.AuditPhase;
import riskguard.db.Database;
import riskguard.db.RulePackageRepository;
import riskguard.db.RulePackageRow;
import riskguard.db.StoredAuditRow;

/**
 * Hot reload in the real daemon against the real simulator: the config file and the rule
 * directory change while it runs; no restart.
 */
class DaemonReloadTest {

  static final Path SHIPPED_RULES = Path.of("..", "rules-dsl", "src", "main", "resources", "rules");

  static final String NO_ES_RULE = """
      package riskguard.custom;
      import riskguard.engine.model.Position;
      global riskguard.engine.session.DecisionChannel decisions;

      rule "CUSTOM-ES: no ES position today"
      when
          Position( contractId == "CON.F.US.EP.Z25", $c : contractId )
      then
          decisions.closePosition("CUSTOM-ES", $c, "no ES today");
      end
      """;

  private static final String BROKEN_RULE = """
      package riskguard.custom;

      rule "broken"
      when
          NoSuchFact( size > 1 )
      then
      end
      """;

  @TempDir Path dir;
  Path rules;
  Path configFile;
  GatewaySimulator sim;
  SimTrader trader;
  final List<ReloadState> reloads = new CopyOnWriteArrayList<>();
  final ListAppender<ILoggingEvent> reloadLog = new ListAppender<>();

  @BeforeEach
  void start() throws Exception {
    sim = SimulatorFixture.start(0);
    trader = sim.trader(ACCOUNT);
    rules = dir.resolve("rules");
    copyTree(SHIPPED_RULES, rules);
    configFile = dir.resolve("riskguard.yaml");
    reloadLog.start();
    ((Logger) LoggerFactory.getLogger("riskguard.reload")).addAppender(reloadLog);
  }

  @AfterEach
  void stop() {
    ((Logger) LoggerFactory.getLogger("riskguard.reload")).detachAppender(reloadLog);
    sim.close();
  }

  private void writeConfig(String rulesYaml) throws IOException {
    String restUrl = sim.restUrl();
    Files.writeString(configFile, "gateway:\n"
        + "  rest_url: " + restUrl + "\n"
        + "  user_hub_url: " + restUrl + "/hubs/user\n"
        + "  market_hub_url: " + restUrl + "/hubs/market\n"
        + "  username: " + GatewaySimulator.DEMO_USER + "\n"
        + "  api_key: " + GatewaySimulator.DEMO_API_KEY + "\n"
        + "accounts: [all]\n"
        + "database: riskguard.db\n"
        + "rules_dir: rules\n"
        + "rules:\n" + rulesYaml);
  }

  private static String maxContracts(int limit) {
    return "  max_contracts:\n    limit: " + limit + "\n    count_type: gross\n    action: close_all\n";
  }

  private Daemon startDaemon() throws Exception {
    DaemonListener listener = new DaemonListener() {
      @Override
      public void reloaded(ReloadState state) {
        reloads.add(state);
      }
    };
    Daemon daemon = Daemon.start(DaemonOptions.of(ConfigLoader.load(configFile)).withListener(listener));
    assertThat(daemon.awaitReady(PATIENCE)).isTrue();
    return daemon;
  }

  private void awaitReload(ReloadState.Outcome outcome) throws InterruptedException {
    Eventually.until("a reload " + outcome, PATIENCE, () -> reloads.stream().anyMatch(r -> r.outcome() == outcome));
  }

  private List<StoredAuditRow> auditRows() {
    try (Database database = Database.openReadOnly(dir.resolve("riskguard.db"))) {
      return new AuditLog(database).recent(ACCOUNT, 100);
    }
  }

  @Test
  void aLoweredLimitAndAnAddedRuleDecideTheNextEventWithoutARestart() throws Exception {
    writeConfig(maxContracts(3));
    try (Daemon daemon = startDaemon()) {
      String startVersion = daemon.reloadState().rulesVersion();
      trader.buyMarket(ContractCatalogue.MNQ, 2);
      Eventually.until("the daemon sees 2 MNQ", PATIENCE,
          () -> daemon.snapshot().accounts().get(0).positions().size() == 1);

      writeConfig(maxContracts(1));
      awaitReload(ReloadState.Outcome.APPLIED);
      assertThat(daemon.reloadState().rulesVersion()).as("a config change keeps the rules").isEqualTo(startVersion);
      Eventually.until("RULE-001 closed MNQ under the lowered limit", PATIENCE,
          () -> SimulatorFixture.closed(sim, ContractCatalogue.MNQ) && trader.positions().isEmpty());
      assertThat(daemon.status().accounts().get(0).limits())
          .as("the status measures against the limit now in force")
          .filteredOn(use -> use.rule().equals("RULE-001"))
          .singleElement().extracting(StatusDocument.LimitUse::limit).isEqualTo(1.0);

      writeConfig(maxContracts(3));
      reloads.clear();
      Files.writeString(rules.resolve("no-es.drl"), NO_ES_RULE);
      Eventually.until("the new rule file is running", PATIENCE,
          () -> !daemon.reloadState().rulesVersion().equals(startVersion));
      String newVersion = daemon.reloadState().rulesVersion();

      trader.buyMarket(ContractCatalogue.ES, 1);
      Eventually.until("CUSTOM-ES closed the ES position", PATIENCE,
          () -> SimulatorFixture.closed(sim, ContractCatalogue.ES) && trader.positions().isEmpty());

      assertThat(auditRows())
          .filteredOn(row -> row.row().phase() == AuditPhase.DECIDED)
          .extracting(row -> row.row().rule(), row -> row.row().rulePackageVersion())
          .contains(org.assertj.core.groups.Tuple.tuple("RULE-001", startVersion),
              org.assertj.core.groups.Tuple.tuple("CUSTOM-ES", newVersion));
    }
    try (Database database = Database.openReadOnly(dir.resolve("riskguard.db"))) {
      assertThat(new RulePackageRepository(database).history())
          .extracting(RulePackageRow::status)
          .containsOnly(RulePackageRow.Status.LOADED)
          .hasSize(2);
    }
  }

  @Test
  void aConfigThatSwitchesALimitsActionSwapsInTheRuleItNeedsAndEnforcesIt() throws Exception {
    writeConfig(maxContracts(3));
    try (Daemon daemon = startDaemon()) {
      String startVersion = daemon.reloadState().rulesVersion();
      trader.buyMarket(ContractCatalogue.MNQ, 3);
      Eventually.until("the daemon sees 3 MNQ", PATIENCE,
          () -> daemon.snapshot().accounts().get(0).positions().size() == 1);

      writeConfig("  max_contracts:\n    limit: 1\n    count_type: gross\n    action: reduce_to_limit\n");
      awaitReload(ReloadState.Outcome.APPLIED);

      Eventually.until("RULE-001 reduced MNQ to the new limit", PATIENCE,
          () -> !sim.calls("/api/Position/partialCloseContract").isEmpty()
              && trader.positions().size() == 1 && trader.positions().get(0).size() == 1);
      String tailoredVersion = daemon.reloadState().rulesVersion();
      assertThat(tailoredVersion).as("the rules were tailored to the new action").isNotEqualTo(startVersion);
      assertThat(reloadLog.list).anySatisfy(event ->
          assertThat(event.getFormattedMessage()).startsWith("rules tailored to the reloaded config: version "
              + tailoredVersion));
      assertThat(auditRows())
          .as("RULE-001's actions; its warning at 3 of 3 came before the reload")
          .filteredOn(row -> row.row().phase() == AuditPhase.DECIDED && !row.row().action().equals("WARNING"))
          .extracting(row -> row.row().rule(), row -> row.row().rulePackageVersion())
          .containsOnly(org.assertj.core.groups.Tuple.tuple("RULE-001", tailoredVersion));
    }
    try (Database database = Database.openReadOnly(dir.resolve("riskguard.db"))) {
      assertThat(new RulePackageRepository(database).history()).hasSize(2);
    }
  }

  @Test
  void aBrokenFileIsRejectedWithItsLineAndTheOldPackageGoesOnEnforcing() throws Exception {
    writeConfig(maxContracts(3));
    try (Daemon daemon = startDaemon()) {
      String startVersion = daemon.reloadState().rulesVersion();

      Files.writeString(rules.resolve("broken.drl"), BROKEN_RULE);
      awaitReload(ReloadState.Outcome.REJECTED);

      ReloadState rejected = daemon.reloadState();
      assertThat(rejected.rulesVersion()).isEqualTo(startVersion);
      assertThat(rejected.errors()).anySatisfy(error -> assertThat(error).startsWith("broken.drl:5:"));
      assertThat(reloadLog.list).anySatisfy(event ->
          assertThat(event.getFormattedMessage()).startsWith("rules rejected: broken.drl:5:"));
      String served = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(daemon.statusEndpoint().orElseThrow().resolve("/status")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      ReloadState shown = StatusJson.mapper().readValue(served, StatusDocument.class).reload();
      assertThat(shown.outcome()).as("GET /status shows the rejected reload").isEqualTo(ReloadState.Outcome.REJECTED);
      assertThat(shown.rulesVersion()).isEqualTo(startVersion);
      assertThat(shown.errors()).anySatisfy(error -> assertThat(error).startsWith("broken.drl:5:"));

      trader.buyMarket(ContractCatalogue.MNQ, 5);
      Eventually.until("RULE-001 of the running package closed MNQ", PATIENCE,
          () -> SimulatorFixture.closed(sim, ContractCatalogue.MNQ) && trader.positions().isEmpty());
      Eventually.until("the close is audited", PATIENCE, () -> auditRows().stream()
          .anyMatch(row -> row.row().rule().equals("RULE-001") && row.row().phase() == AuditPhase.SUCCEEDED));
      assertThat(auditRows()).extracting(row -> row.row().rulePackageVersion()).containsOnly(startVersion);
    }
    try (Database database = Database.openReadOnly(dir.resolve("riskguard.db"))) {
      assertThat(new RulePackageRepository(database).latest()).hasValueSatisfying(row -> {
        assertThat(row.status()).isEqualTo(RulePackageRow.Status.REJECTED);
        assertThat(row.errors()).contains("broken.drl:5:");
      });
    }
  }

  @Test
  void anInvalidConfigIsRejectedWithFileAndLineAndTheRunningLimitsGoOnEnforcing() throws Exception {
    writeConfig(maxContracts(1));
    try (Daemon daemon = startDaemon()) {
      writeConfig("  max_contracts:\n    limit: lots\n    count_type: gross\n    action: close_all\n");
      awaitReload(ReloadState.Outcome.REJECTED);

      assertThat(daemon.reloadState().errors()).anySatisfy(error ->
          assertThat(error).startsWith(configFile + ":12:").contains("rules.max_contracts.limit").contains("'lots'"));
      assertThat(reloadLog.list).anySatisfy(event ->
          assertThat(event.getFormattedMessage()).startsWith("config rejected: " + configFile + ":12:"));
      assertThat(reloadLog.list).anySatisfy(event ->
          assertThat(event.getFormattedMessage()).contains("the running limits stay"));

      trader.buyMarket(ContractCatalogue.MNQ, 2);
      Eventually.until("RULE-001 closed MNQ under the limit still running (1)", PATIENCE,
          () -> SimulatorFixture.closed(sim, ContractCatalogue.MNQ) && trader.positions().isEmpty());
    }
  }

  @Test
  void aChangedDatabaseWaitsForARestartWhileTheChangedLimitAppliesAtOnce() throws Exception {
    writeConfig(maxContracts(3));
    try (Daemon daemon = startDaemon()) {
      trader.buyMarket(ContractCatalogue.MNQ, 2);
      Eventually.until("the daemon sees 2 MNQ", PATIENCE,
          () -> daemon.snapshot().accounts().get(0).positions().size() == 1);

      writeConfig(maxContracts(1));
      Files.writeString(configFile, Files.readString(configFile)
          .replace("database: riskguard.db", "database: elsewhere.db"));
      awaitReload(ReloadState.Outcome.APPLIED);

      assertThat(daemon.reloadState().needsRestart()).containsExactly("database");
      assertThat(reloadLog.list).anySatisfy(event -> assertThat(event.getFormattedMessage())
          .contains("database changed; this needs a restart"));
      Eventually.until("RULE-001 closed MNQ under the new limit", PATIENCE,
          () -> SimulatorFixture.closed(sim, ContractCatalogue.MNQ) && trader.positions().isEmpty());
      Eventually.until("the close is audited in the database the daemon started with", PATIENCE,
          () -> auditRows().stream().anyMatch(row -> row.row().rule().equals("RULE-001")
              && row.row().phase() == AuditPhase.SUCCEEDED));
    }
    assertThat(dir.resolve("elsewhere.db")).as("nothing was moved to the new database while running").doesNotExist();
  }

  @Test
  void aLockoutSetBeforeAReloadIsStillEnforcedAfterIt() throws Exception {
    writeConfig("  daily_realized_loss:\n    limit: 300\n");
    try (Daemon daemon = startDaemon()) {
      trader.buyMarket(ContractCatalogue.ES, 1);
      sim.market().setPrice(ContractCatalogue.ES, 5_790.00);
      Eventually.until("the daemon sees the ES position", PATIENCE,
          () -> daemon.snapshot().accounts().get(0).positions().size() == 1);
      trader.sellMarket(ContractCatalogue.ES, 1);
      Eventually.until("RULE-003 locked the account out", PATIENCE, () -> daemon.snapshot().accounts().get(0)
          .lockouts().stream().anyMatch(lockout -> lockout.rule().equals("RULE-003")));
      String lockedUnder = daemon.reloadState().rulesVersion();

      Files.writeString(rules.resolve("lockout-guard.drl"), "\n// edited while locked out\n",
          java.nio.file.StandardOpenOption.APPEND);
      Eventually.until("the edited package is running", PATIENCE,
          () -> !daemon.reloadState().rulesVersion().equals(lockedUnder));

      int closesBefore = sim.calls("/api/Position/closeContract").size();
      trader.buyMarket(ContractCatalogue.MNQ, 1);
      Eventually.until("the fill during the lockout is closed by the new package", PATIENCE,
          () -> trader.positions().isEmpty() && sim.calls("/api/Position/closeContract").size() > closesBefore);
      assertThat(daemon.snapshot().accounts().get(0).lockouts()).isNotEmpty();
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
