package riskguard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static riskguard.app.e2e.Gateway.until;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import riskguard.app.daemon.Daemon;
import riskguard.app.daemon.DaemonOptions;
import riskguard.app.daemon.SimulatorConfig;
import riskguard.config.RiskguardConfig;
import riskguard.connectors.projectx.model.OrderStatus;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.SimTrader;

/**
 * RULE-003 from the breach to the end of the day, through the live daemon: the loss flattens
 * the account and cancels its working orders, then every new order is cancelled and every new
 * fill closed by the lockout guard.
 */
class LockoutStoryTest {

  private static final String CLOSE = "/api/Position/closeContract";
  private static final String CANCEL = "/api/Order/cancel";

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
  void aDailyLossFlattensCancelsAndKeepsTheAccountFlatForTheRestOfTheDay() throws Exception {
    RiskguardConfig config = SimulatorConfig.forSimulator(sim.restUrl(), GatewaySimulator.DEMO_USER,
        GatewaySimulator.DEMO_API_KEY, dir.resolve("riskguard.db"), "  daily_realized_loss:\n    limit: 300\n");
    try (Daemon daemon = Daemon.start(DaemonOptions.of(config))) {
      assertThat(daemon.awaitReady(Gateway.PATIENCE)).as("daemon ready").isTrue();

      trader.buyMarket(ContractCatalogue.MNQ, 2);                              // kept open
      long resting = trader.buyLimit(ContractCatalogue.MNQ, 1, 20_900.00);     // working, far below
      trader.buyMarket(ContractCatalogue.ES, 1);
      sim.market().setPrice(ContractCatalogue.ES, 5_790.00);
      until("the daemon sees both positions", () -> daemon.snapshot().accounts().get(0).positions().size() == 2);
      assertThat(Gateway.calls(sim, CLOSE)).as("under the limit nothing is closed").isZero();

      trader.sellMarket(ContractCatalogue.ES, 1);                             // −10 points × $50 = −$500
      until("the account is flat", () -> trader.positions().isEmpty());
      until("the working order is cancelled", () -> trader.openOrders().isEmpty());
      assertThat(trader.order(resting)).hasValueSatisfying(
          order -> assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED));
      assertThat(Gateway.closedContract(sim, ContractCatalogue.MNQ)).isTrue();
      until("RULE-003 locked the account out", () -> daemon.snapshot().accounts().get(0).lockouts().stream()
          .anyMatch(lockout -> lockout.rule().equals("RULE-003")));

      int cancelsAtLockout = Gateway.calls(sim, CANCEL);
      long lateOrder = trader.buyLimit(ContractCatalogue.MNQ, 1, 20_950.00);
      until("the order placed during the lockout is cancelled", () -> trader.order(lateOrder)
          .map(order -> order.status() == OrderStatus.CANCELLED).orElse(false));
      assertThat(Gateway.calls(sim, CANCEL)).isEqualTo(cancelsAtLockout + 1);

      int closesBefore = Gateway.calls(sim, CLOSE);
      trader.buyMarket(ContractCatalogue.ES, 1);
      until("the fill during the lockout is closed", () -> trader.positions().isEmpty()
          && Gateway.calls(sim, CLOSE) > closesBefore);
      assertThat(Gateway.calls(sim, CLOSE)).as("one close for the one fill").isEqualTo(closesBefore + 1);
      assertThat(daemon.snapshot().accounts().get(0).lockouts()).isNotEmpty();
    }
  }
}
