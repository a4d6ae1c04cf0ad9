package riskguard.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static riskguard.app.daemon.SimulatorFixture.ACCOUNT;
import static riskguard.app.daemon.SimulatorFixture.PATIENCE;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import riskguard.config.RiskguardConfig;
import riskguard.connectors.projectx.model.Order;
import riskguard.connectors.projectx.model.OrderType;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.SimTrader;
import riskguard.db.Database;
import riskguard.db.PlacedOrderRepository;
import riskguard.engine.enforcement.Action;
import riskguard.engine.model.LockoutKind;

/**
 * riskguard knows the orders it placed after a restart, although the REST order searches (its
 * first sight of them then) carry no {@code customTag}: the stop it placed during a cooldown is
 * left alone by its own lockout guard after a restart during that cooldown.
 */
class DaemonOwnOrdersTest {

  /** A $100 loss on one trade: 10 minutes' cooldown; a long 10 ticks up gets a stop at its entry. */
  static final String COOLDOWN_AND_BREAKEVEN = """
        cooldown_after_loss:
          thresholds:
            - {loss: 100, cooldown: 600}
        trade_management:
          auto_breakeven: {trigger_ticks: 10, offset_ticks: 0}
      """;
  static final double MNQ_TICK = 0.25;

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
  void theStopRiskguardPlacedDuringACooldownIsLeftAloneAfterARestartDuringIt() throws Exception {
    Path file = dir.resolve("riskguard.db");
    RiskguardConfig config = SimulatorFixture.config(sim.restUrl(), file, COOLDOWN_AND_BREAKEVEN);
    long stopId;
    try (Daemon daemon = Daemon.start(DaemonOptions.of(config))) {
      assertThat(daemon.awaitReady(PATIENCE)).isTrue();
      trader.buyMarket(ContractCatalogue.MNQ, 1);                  // held through the cooldown
      double entry = trader.position(ContractCatalogue.MNQ).orElseThrow().averagePrice();
      Eventually.until("the daemon holds the MNQ long", PATIENCE,
          () -> daemon.snapshot().accounts().get(0).positions().size() == 1);

      trader.buyMarket(ContractCatalogue.ES, 1);
      sim.market().setPrice(ContractCatalogue.ES, 5_797.00);
      trader.sellMarket(ContractCatalogue.ES, 1);                  // about −3 points × $50: a cooldown
      Eventually.until("RULE-007 set a cooldown", PATIENCE, () -> daemon.snapshot().accounts().get(0).lockouts()
          .stream().anyMatch(lockout -> lockout.kind() == LockoutKind.COOLDOWN));

      sim.market().setPrice(ContractCatalogue.MNQ, entry + 12 * MNQ_TICK); // RULE-012: a stop at the entry
      Eventually.until("riskguard's stop is working at the simulator", PATIENCE, () -> stop().isPresent());
      stopId = stop().orElseThrow().id();
      assertThat(stop().orElseThrow().customTag()).startsWith("rg-");
      Eventually.until("the place is recorded as done", PATIENCE, () -> placedRecorded(file, stopId));
      assertThat(sim.calls("/api/Order/cancel")).as("the guard leaves riskguard's own stop alone").isEmpty();
    }

    try (Daemon daemon = Daemon.start(DaemonOptions.of(config))) {
      assertThat(daemon.awaitReady(PATIENCE)).isTrue();
      assertThat(daemon.snapshot().accounts().get(0).lockouts())
          .anySatisfy(lockout -> assertThat(lockout.kind()).isEqualTo(LockoutKind.COOLDOWN));
      Eventually.until("the restarted daemon sees the stop", PATIENCE, () -> daemon.snapshot().accounts().get(0)
          .workingOrders().stream().anyMatch(order -> order.orderId() == stopId));
      Thread.sleep(1_500);                                         // room for a cancel, were one decided

      assertThat(guardCancels(daemon)).as("no lockout-guard cancel was decided").isEmpty();
      assertThat(sim.calls("/api/Order/cancel")).as("no cancel was sent").isEmpty();
      assertThat(trader.order(stopId)).get().satisfies(order ->
          assertThat(order.status()).isEqualTo(riskguard.connectors.projectx.model.OrderStatus.OPEN));
      assertThat(sim.calls("/api/Order/place")).as("and no second stop").hasSize(1);
    }
  }

  private Optional<Order> stop() {
    return trader.openOrders().stream().filter(order -> order.type() == OrderType.STOP).findFirst();
  }

  private static boolean placedRecorded(Path file, long orderId) {
    try (Database database = Database.openReadOnly(file)) {
      return new PlacedOrderRepository(database).tagOf(ACCOUNT, orderId).isPresent();
    }
  }

  private static List<String> guardCancels(Daemon daemon) {
    return daemon.snapshot().accounts().get(0).recentDecisions().stream()
        .filter(d -> d.decision().rule().equals("LOCKOUT-GUARD") && d.decision().action() == Action.CANCEL_ORDER)
        .map(d -> d.decision().reason())
        .toList();
  }
}
