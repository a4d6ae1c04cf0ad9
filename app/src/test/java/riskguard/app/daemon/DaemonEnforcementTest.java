package riskguard.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import riskguard.config.RiskguardConfig;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.RecordedCall;
import riskguard.connectors.sim.SimAccount;
import riskguard.connectors.sim.SimTrader;
import riskguard.db.AuditLog;
import riskguard.db.AuditPhase;
import riskguard.db.Database;
import riskguard.db.StoredAuditRow;

/** The real daemon against the real simulator on loopback, with a real SQLite file. */
class DaemonEnforcementTest {

  static final long ACCOUNT = 536;
  static final Duration PATIENCE = Duration.ofSeconds(30);
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
    sim = GatewaySimulator.builder()
        .account(SimAccount.of(ACCOUNT, "50KTC-DAEMON", 50_000))
        .quoteInterval(Duration.ZERO)
        .start();
    sim.market().setPrice(ContractCatalogue.MNQ, 21_000.00);
    sim.market().setPrice(ContractCatalogue.ES, 5_800.00);
    trader = sim.trader(ACCOUNT);
  }

  @AfterEach
  void stopSimulator() {
    sim.close();
  }

  RiskguardConfig config(String rules) {
    return SimulatorConfig.forSimulator(sim.restUrl(), GatewaySimulator.DEMO_USER, GatewaySimulator.DEMO_API_KEY,
        dir.resolve("riskguard.db"), rules);
  }

  @Test
  void reconcilesAtStartAndClosesEverythingWhenMaxContractsIsExceeded() throws Exception {
    trader.buyMarket(ContractCatalogue.MNQ, 2);

    try (Daemon daemon = Daemon.start(DaemonOptions.of(config(MAX_THREE_CONTRACTS)))) {
      assertThat(daemon.awaitReady(PATIENCE)).isTrue();
      DaemonSnapshot.AccountSnapshot account = daemon.snapshot().accounts().get(0);
      assertThat(account.id()).isEqualTo(ACCOUNT);
      assertThat(account.positions()).extracting(DaemonSnapshot.PositionSnapshot::contractId, DaemonSnapshot.PositionSnapshot::size)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(ContractCatalogue.MNQ, 2));
      assertThat(sim.calls("/api/Position/closeContract")).isEmpty();

      trader.buyMarket(ContractCatalogue.ES, 2);

      Eventually.until("the simulator has no open position", PATIENCE, () -> trader.positions().isEmpty());
      List<RecordedCall> closes = sim.calls("/api/Position/closeContract");
      assertThat(closes).extracting(RecordedCall::body).anySatisfy(body -> assertThat(body).contains(ContractCatalogue.MNQ))
          .anySatisfy(body -> assertThat(body).contains(ContractCatalogue.ES));
      Eventually.until("the decision is audited as SUCCEEDED", PATIENCE, () ->
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
}
