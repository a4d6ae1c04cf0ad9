package riskguard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static riskguard.app.e2e.Gateway.until;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import riskguard.app.Main;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.Hub;
import riskguard.connectors.sim.SimTrader;

/**
 * {@code riskguard run} as a separate process, locked out by RULE-003, killed with SIGKILL and
 * started again on the same database: the lockout holds, the day's P&amp;L is the gateway's, and
 * no decision reaches the gateway twice. Then {@code riskguard status} tells the story.
 */
class DaemonKilledWhileLockedOutTest {

  private static final String CLOSE = "/api/Position/closeContract";

  @TempDir Path dir;
  GatewaySimulator sim;
  SimTrader trader;

  @BeforeEach
  void startGateway() throws Exception {
    sim = Gateway.start();
    trader = sim.trader(Gateway.ACCOUNT);
  }

  @AfterEach
  void stopGateway() {
    sim.close();
  }

  @Test
  void aLockoutSurvivesSigkillAndNothingIsExecutedTwice() throws Exception {
    Path config = Gateway.writeConfig(dir, sim.restUrl(), "  daily_realized_loss:\n    limit: 100\n");
    StoredState stored = new StoredState(dir.resolve("riskguard.db"));

    try (DaemonProcess daemon = DaemonProcess.start(config, dir.resolve("first-run.out"))) {
      until("the daemon process is on the user hub", () -> sim.hubConnections(Hub.USER) > 0 || !daemon.isAlive());
      assertThat(daemon.isAlive()).as("daemon alive; its output:%n%s", daemon.output()).isTrue();

      trader.buyMarket(ContractCatalogue.MNQ, 1);
      sim.market().setPrice(ContractCatalogue.MNQ, 20_900.00);
      trader.sellMarket(ContractCatalogue.MNQ, 1);          // −100 points × $2: −$200 against a $100 limit
      until("RULE-003 stored its lockout", () -> stored.activeLockouts().size() == 1);

      trader.buyMarket(ContractCatalogue.ES, 1);            // during the lockout
      until("the lockout guard closed the ES position", () -> trader.positions().isEmpty()
          && Gateway.closedContract(sim, ContractCatalogue.ES));
      double gatewayRealized = StoredState.realizedAtTheGateway(trader);
      until("the day's P&L is stored as the gateway booked it", () -> stored.realized() == gatewayRealized);

      daemon.killHard();
    }
    List<String> sentBeforeKill = stored.sentDecisionIds();
    int closesBeforeKill = Gateway.calls(sim, CLOSE);
    double realizedAtKill = stored.realized();

    trader.buyMarket(ContractCatalogue.ES, 1);              // while no daemon runs

    try (DaemonProcess daemon = DaemonProcess.start(config, dir.resolve("second-run.out"))) {
      until("the restarted daemon closed the position opened while it was dead",
          () -> trader.positions().isEmpty() && Gateway.calls(sim, CLOSE) > closesBeforeKill);
      assertThat(stored.activeLockouts()).singleElement()
          .satisfies(lockout -> assertThat(lockout.lockout().rule()).isEqualTo("RULE-003"));
      double gatewayRealized = StoredState.realizedAtTheGateway(trader);
      until("the day's P&L counts each gateway trade once", () -> stored.realized() == gatewayRealized);
      until("the restart's close is audited as sent",
          () -> stored.sentDecisionIds().size() > sentBeforeKill.size());
      assertThat(daemon.isAlive()).as("daemon alive; its output:%n%s", daemon.output()).isTrue();
    }

    assertThat(realizedAtKill).isLessThanOrEqualTo(-200.0);
    Map<String, Long> sendsPerDecision = stored.sentDecisionIds().stream()
        .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    assertThat(sendsPerDecision).allSatisfy((id, sends) -> assertThat(sends).as(id).isEqualTo(1L));
    assertThat(sendsPerDecision.keySet()).containsAll(sentBeforeKill);
    assertThat(Gateway.calls(sim, CLOSE)).as("one more close at the gateway: the position opened while dead")
        .isEqualTo(closesBeforeKill + 1);

    String screen = status("--db", dir.resolve("riskguard.db").toString());
    assertThat(screen)
        .contains("account " + Gateway.ACCOUNT)
        .containsPattern("LOCKED OUT +RULE-003")
        .contains(money(stored.realized()))
        .contains("CLOSE_")
        .contains("SUCCEEDED");
  }

  private static String money(double dollars) {
    return (dollars < 0 ? "-$" : "$") + String.format("%,.2f", Math.abs(dollars));
  }

  static String status(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] command = new String[args.length + 1];
    command[0] = "status";
    System.arraycopy(args, 0, command, 1, args.length);
    int exit = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(command);
    assertThat(exit).as("status exit code; stderr: %s", err).isZero();
    return out.toString();
  }
}
