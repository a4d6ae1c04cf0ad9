package riskguard.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static riskguard.app.daemon.SimulatorFixture.ACCOUNT;
import static riskguard.app.daemon.SimulatorFixture.PATIENCE;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import riskguard.config.RiskguardConfig;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.SimTrader;
import riskguard.db.AuditLog;
import riskguard.db.AuditPhase;
import riskguard.db.AuditRow;
import riskguard.db.Database;
import riskguard.db.DayPnlRepository;
import riskguard.db.DecisionRepository;
import riskguard.db.DecisionStatus;
import riskguard.db.LockoutRepository;
import riskguard.db.StoredAuditRow;
import riskguard.engine.model.LockoutKind;

/** A lockout and the day's P&L survive a restart on the same database; nothing executes twice. */
class DaemonRestartTest {

  static final String DAILY_LOSS_100 = """
        daily_realized_loss:
          limit: 100
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

  @Test
  void aLockoutHoldsAcrossARestartAndNoDecisionIsExecutedTwice() throws Exception {
    RiskguardConfig config = SimulatorFixture.config(sim.restUrl(), dir.resolve("riskguard.db"), DAILY_LOSS_100);
    try (Daemon daemon = Daemon.start(DaemonOptions.of(config))) {
      assertThat(daemon.awaitReady(PATIENCE)).isTrue();
      trader.buyMarket(ContractCatalogue.MNQ, 1);
      sim.market().setPrice(ContractCatalogue.MNQ, 20_900.00);
      trader.sellMarket(ContractCatalogue.MNQ, 1);   // −100 points × $2 = −$200, past the $100 limit

      Eventually.until("RULE-003 locked the account out", PATIENCE, () ->
          daemon.snapshot().accounts().get(0).lockouts().stream().anyMatch(l -> l.rule().equals("RULE-003")));
      Eventually.until("the lockout is stored", PATIENCE, () -> storedLockouts() == 1);
      assertThat(daemon.snapshot().accounts().get(0).realizedPnl()).isLessThanOrEqualTo(-200.0);
    }
    List<String> firstRunSent = sentDecisionIds();

    trader.buyMarket(ContractCatalogue.ES, 1);       // traded while the daemon was down

    try (Daemon daemon = Daemon.start(DaemonOptions.of(config))) {
      assertThat(daemon.awaitReady(PATIENCE)).isTrue();
      assertThat(daemon.snapshot().accounts().get(0).lockouts()).singleElement().satisfies(lockout -> {
        assertThat(lockout.rule()).isEqualTo("RULE-003");
        assertThat(lockout.kind()).isEqualTo(LockoutKind.UNTIL_RESET);
      });

      Eventually.until("the lockout guard closed the position opened while down", PATIENCE,
          () -> trader.positions().isEmpty() && SimulatorFixture.closed(sim, ContractCatalogue.ES));
      double expected = realizedAtTheGateway();
      Eventually.until("the day's realized P&L counts every gateway trade once", PATIENCE,
          () -> daemon.snapshot().accounts().get(0).realizedPnl() == expected);
      Eventually.until("the day's P&L is stored", PATIENCE, () -> storedRealized(config) == expected);
    }

    Map<String, Long> sentPerDecision = sentDecisionIds().stream()
        .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    assertThat(sentPerDecision).allSatisfy((id, times) -> assertThat(times).isEqualTo(1L));
    assertThat(sentPerDecision.keySet()).containsAll(firstRunSent).hasSizeGreaterThan(firstRunSent.size());
    assertThat(storedLockouts()).isEqualTo(1);
  }

  /**
   * The last run claimed a close and died before sending it (the crash window between the
   * claim and the gateway call). At start the daemon must not send it blindly: the gateway is
   * the truth, and the rules decide afresh on what is there now. The leftover is closed as
   * FAILED and its audit trail ends with a SKIPPED row that says why.
   */
  @Test
  void aDecisionLeftUnfinishedByACrashIsSettledAtStartAndNotSent() throws Exception {
    Path file = dir.resolve("riskguard.db");
    RiskguardConfig config = SimulatorFixture.config(sim.restUrl(), file, DAILY_LOSS_100);
    String leftover = "crashed-close-mnq";
    Instant claimedAt = Instant.now().minusSeconds(60);
    try (Database database = Database.open(file)) {
      new AuditLog(database).append(new AuditRow(leftover, claimedAt, ACCOUNT, "RULE-001", "CLOSE_POSITION",
          ContractCatalogue.MNQ, null, null, null, "MNQ", null, "net 3 contracts > limit 2", null,
          AuditPhase.DECIDED, null, "before-the-crash"));
      assertThat(new DecisionRepository(database)
          .claim(leftover, ACCOUNT, "CLOSE_POSITION", ContractCatalogue.MNQ, claimedAt)).isTrue();
    }
    trader.buyMarket(ContractCatalogue.MNQ, 1);      // within every limit of this config

    try (Daemon daemon = Daemon.start(DaemonOptions.of(config))) {
      assertThat(daemon.awaitReady(PATIENCE)).isTrue();
      try (Database database = Database.openReadOnly(file)) {
        assertThat(new DecisionRepository(database).find(leftover)).get()
            .satisfies(row -> assertThat(row.status()).isEqualTo(DecisionStatus.FAILED));
        List<StoredAuditRow> trail = new AuditLog(database).forDecision(leftover);
        assertThat(trail).extracting(stored -> stored.row().phase())
            .containsExactly(AuditPhase.DECIDED, AuditPhase.SKIPPED);
        assertThat(trail.get(1).row().detail()).contains("left unfinished by the last run");
      }
      Eventually.until("the daemon has valued the open MNQ position", PATIENCE,
          () -> daemon.snapshot().accounts().get(0).positions().size() == 1);
    }
    assertThat(sim.calls("/api/Position/closeContract")).as("no close was sent").isEmpty();
    assertThat(trader.positions()).as("the position the leftover named is still open").hasSize(1);
  }

  /** Net realized P&L of the day as the simulator booked it, rounded to cents. */
  private double realizedAtTheGateway() {
    double sum = trader.trades().stream()
        .filter(trade -> trade.profitAndLoss() != null)
        .mapToDouble(trade -> trade.profitAndLoss() - trade.fees())
        .sum();
    return Math.round(sum * 100) / 100.0;
  }

  private double storedRealized(RiskguardConfig config) {
    try (Database database = Database.openReadOnly(dir.resolve("riskguard.db"))) {
      return new DayPnlRepository(database).get(ACCOUNT, tradingDayOf(config)).map(row -> row.realized())
          .orElse(Double.NaN);
    }
  }

  private java.time.LocalDate tradingDayOf(RiskguardConfig config) {
    return config.tradingDay().tradingDateOf(java.time.Instant.now());
  }

  private int storedLockouts() {
    try (Database database = Database.openReadOnly(dir.resolve("riskguard.db"))) {
      return new LockoutRepository(database).allActive(java.time.Instant.now()).size();
    }
  }

  private List<String> sentDecisionIds() {
    try (Database database = Database.openReadOnly(dir.resolve("riskguard.db"))) {
      return new AuditLog(database).recent(ACCOUNT, 500).stream()
          .map(StoredAuditRow::row)
          .filter(row -> row.phase() == AuditPhase.SENT)
          .map(row -> row.decisionId())
          .toList();
    }
  }
}
