package riskguard.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static riskguard.app.daemon.SimulatorFixture.ACCOUNT;
import static riskguard.app.daemon.SimulatorFixture.PATIENCE;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import riskguard.config.RiskguardConfig;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.Hub;
import riskguard.connectors.sim.RecordedCall;
import riskguard.connectors.sim.SimTrader;
import riskguard.db.AuditLog;
import riskguard.db.AuditPhase;
import riskguard.db.Database;
import riskguard.db.StoredAuditRow;

/** The real daemon against the real simulator on loopback, with a real SQLite file. */
class DaemonEnforcementTest {

  static final String MAX_THREE_CONTRACTS = """
        max_contracts:
          limit: 3
          count_type: gross
          action: close_all
      """;

  @TempDir Path dir;
  GatewaySimulator sim;
  SimTrader trader;

  @BeforeEach
  void startSimulator() throws Exception {
    sim = SimulatorFixture.start(0);
    trader = sim.trader(ACCOUNT);
  }

  @AfterEach
  void stopSimulator() {
    sim.close();
  }

  RiskguardConfig config() {
    return SimulatorFixture.config(sim.restUrl(), dir.resolve("riskguard.db"), MAX_THREE_CONTRACTS);
  }

  @Test
  void reconcilesAtStartAndClosesEverythingWhenMaxContractsIsExceeded() throws Exception {
    trader.buyMarket(ContractCatalogue.MNQ, 2);

    try (Daemon daemon = Daemon.start(DaemonOptions.of(config()))) {
      assertThat(daemon.awaitReady(PATIENCE)).isTrue();
      DaemonSnapshot.AccountSnapshot account = daemon.snapshot().accounts().get(0);
      assertThat(account.id()).isEqualTo(ACCOUNT);
      assertThat(account.positions())
          .extracting(DaemonSnapshot.PositionSnapshot::contractId, DaemonSnapshot.PositionSnapshot::size)
          .containsExactly(Tuple.tuple(ContractCatalogue.MNQ, 2));
      assertThat(sim.calls("/api/Position/closeContract")).isEmpty();

      trader.buyMarket(ContractCatalogue.ES, 2);

      Eventually.until("the simulator has no open position", PATIENCE, () -> trader.positions().isEmpty());
      Eventually.until("the simulator recorded a close of MNQ and of ES", PATIENCE, () ->
          SimulatorFixture.closed(sim, ContractCatalogue.MNQ) && SimulatorFixture.closed(sim, ContractCatalogue.ES));
      Eventually.until("the decision is shown as SUCCEEDED", PATIENCE, () ->
          daemon.snapshot().accounts().get(0).recentDecisions().stream()
              .anyMatch(d -> d.decision().rule().equals("RULE-001") && d.status().equals("SUCCEEDED")));
    }

    try (Database database = Database.openReadOnly(dir.resolve("riskguard.db"))) {
      List<StoredAuditRow> rows = new AuditLog(database).recent(ACCOUNT, 20);
      assertThat(rows).extracting(row -> row.row().phase())
          .contains(AuditPhase.DECIDED, AuditPhase.SENT, AuditPhase.SUCCEEDED);
      assertThat(rows).allSatisfy(row -> assertThat(row.row().rule()).isEqualTo("RULE-001"));
    }
  }

  /**
   * RULES.md "Rule precedence": two rules breaching on one event are both recorded, and the
   * gateway sees the stronger action once (close beats reduce).
   */
  @Test
  void twoRulesBreachingOnOneEventAreBothAuditedAndTheGatewaySeesOnlyTheStrongerAction() throws Exception {
    RiskguardConfig config = SimulatorFixture.config(sim.restUrl(), dir.resolve("riskguard.db"), """
          max_contracts:
            limit: 1
            count_type: gross
            action: close_all
          max_contracts_per_instrument:
            limits: {MNQ: 1}
            action: reduce_to_limit
            unknown_symbol_action: allow_unlimited
        """);
    try (Daemon daemon = Daemon.start(DaemonOptions.of(config))) {
      assertThat(daemon.awaitReady(PATIENCE)).isTrue();

      trader.buyMarket(ContractCatalogue.MNQ, 2);     // over both: 2 contracts > 1, 2 MNQ > 1

      Eventually.until("MNQ is flat", PATIENCE, () -> trader.positions().isEmpty());
      Eventually.until("the close is audited as SUCCEEDED", PATIENCE, () -> auditRows().stream()
          .anyMatch(row -> row.row().rule().equals("RULE-001") && row.row().phase() == AuditPhase.SUCCEEDED));
    }
    assertThat(sim.calls("/api/Position/partialCloseContract")).as("the reduce was merged away").isEmpty();
    assertThat(sim.calls("/api/Position/closeContract")).filteredOn(RecordedCall::success).hasSize(1);
    List<StoredAuditRow> rows = auditRows();
    assertThat(rows).filteredOn(row -> row.row().rule().equals("RULE-002"))
        .extracting(row -> row.row().phase(), row -> row.row().detail())
        .containsExactlyInAnyOrder(Tuple.tuple(AuditPhase.DECIDED, null),
            Tuple.tuple(AuditPhase.SKIPPED, "merged into a stronger action of the same event"));
    assertThat(rows).filteredOn(row -> row.row().rule().equals("RULE-001"))
        .extracting(row -> row.row().phase())
        .contains(AuditPhase.DECIDED, AuditPhase.SENT, AuditPhase.SUCCEEDED);
  }

  private List<StoredAuditRow> auditRows() {
    try (Database database = Database.openReadOnly(dir.resolve("riskguard.db"))) {
      return new AuditLog(database).recent(ACCOUNT, 50);
    }
  }

  @Test
  void aCloseTheGatewayFailsIsRetriedUntilThePositionIsFlat() throws Exception {
    try (Daemon daemon = Daemon.start(DaemonOptions.of(config()))) {
      assertThat(daemon.awaitReady(PATIENCE)).isTrue();
      // more 500s than one daemon attempt's REST retries absorb: the daemon itself must try again
      sim.failNext(5, 500, "/api/Position/closeContract");

      trader.buyMarket(ContractCatalogue.MNQ, 4);

      Eventually.until("the simulator has no open position", PATIENCE, () -> trader.positions().isEmpty());
      Eventually.until("the close is shown as SUCCEEDED", PATIENCE, () ->
          daemon.snapshot().accounts().get(0).recentDecisions().stream().anyMatch(d -> d.status().equals("SUCCEEDED")));
    }
    List<RecordedCall> closes = sim.calls("/api/Position/closeContract");
    assertThat(closes).filteredOn(call -> call.status() == 500).hasSize(5);
    assertThat(closes).filteredOn(RecordedCall::success).isNotEmpty();
    try (Database database = Database.openReadOnly(dir.resolve("riskguard.db"))) {
      assertThat(new AuditLog(database).recent(ACCOUNT, 20)).extracting(row -> row.row().phase())
          .contains(AuditPhase.RETRY, AuditPhase.SUCCEEDED)
          .doesNotContain(AuditPhase.FAILED);
    }
  }

  @Test
  void aBreachWhileTheUserHubIsDownIsEnforcedAfterTheReconnect() throws Exception {
    List<String> reconnected = new CopyOnWriteArrayList<>();
    DaemonListener listener = reconnectsInto(reconnected);
    try (Daemon daemon = Daemon.start(DaemonOptions.of(config()).withListener(listener))) {
      assertThat(daemon.awaitReady(PATIENCE)).isTrue();

      sim.dropHubConnections(Hub.USER, true);
      trader.buyMarket(ContractCatalogue.MNQ, 5);

      Eventually.until("the breach is closed", PATIENCE,
          () -> trader.positions().isEmpty() && SimulatorFixture.closed(sim, ContractCatalogue.MNQ));
      Eventually.until("the daemon is connected again", PATIENCE,
          () -> daemon.connectionState() == ConnectionState.CONNECTED);
      Eventually.until("the user hub reconnect was reconciled", PATIENCE, () -> reconnected.contains("user"));
    }
  }

  /** A hub that refuses the upgrade with HTTP 401 means log in again (PROJECTX_API.md), not retry the same token. */
  @Test
  void aUserHubThatRefusesTheRevokedTokenIsReconnectedAfterLoggingInAgain() throws Exception {
    List<String> reconnected = new CopyOnWriteArrayList<>();
    DaemonListener listener = reconnectsInto(reconnected);
    try (Daemon daemon = Daemon.start(DaemonOptions.of(config()).withListener(listener))) {
      assertThat(daemon.awaitReady(PATIENCE)).isTrue();
      int logins = sim.calls("/api/Auth/loginKey").size();

      sim.revokeTokens();
      sim.dropHubConnections(Hub.USER, true);

      Eventually.until("the user hub reconnect was reconciled", PATIENCE, () -> reconnected.contains("user"));
      assertThat(sim.calls("/api/Auth/loginKey")).hasSizeGreaterThan(logins);
      trader.buyMarket(ContractCatalogue.MNQ, 5);
      Eventually.until("the breach is closed", PATIENCE,
          () -> trader.positions().isEmpty() && SimulatorFixture.closed(sim, ContractCatalogue.MNQ));
    }
  }

  /** A listener that adds the name of each hub the daemon reconnected and reconciled to {@code hubs}. */
  private static DaemonListener reconnectsInto(List<String> hubs) {
    return new DaemonListener() {
      @Override
      public void reconnected(String hub) {
        hubs.add(hub);
      }
    };
  }
}
