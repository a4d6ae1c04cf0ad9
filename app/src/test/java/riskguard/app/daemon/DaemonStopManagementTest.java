package riskguard.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static riskguard.app.daemon.SimulatorFixture.ACCOUNT;
import static riskguard.app.daemon.SimulatorFixture.PATIENCE;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import riskguard.connectors.projectx.model.Order;
import riskguard.connectors.projectx.model.OrderSide;
import riskguard.connectors.projectx.model.OrderType;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.SimTrader;

/**
 * RULE-012 through the real daemon and simulator: the stops it places (PLACE_STOP) and moves
 * (MOVE_STOP) arrive at the gateway as Stop orders at the prices RULES.md gives. MNQ: tick 0.25.
 */
class DaemonStopManagementTest {

  /** The settings of examples/rule-012-trade-management.yaml. */
  static final String TRADE_MANAGEMENT = """
        trade_management:
          auto_breakeven: {trigger_ticks: 10, offset_ticks: 0}
          trailing_stop: {activation_ticks: 20, distance_ticks: 10}
      """;
  static final double TICK = 0.25;

  @TempDir Path dir;
  GatewaySimulator sim;
  SimTrader trader;
  Daemon daemon;

  @BeforeEach
  void start() throws Exception {
    sim = SimulatorFixture.start(0);
    trader = sim.trader(ACCOUNT);
    daemon = Daemon.start(DaemonOptions.of(
        SimulatorFixture.config(sim.restUrl(), dir.resolve("riskguard.db"), TRADE_MANAGEMENT)));
    assertThat(daemon.awaitReady(PATIENCE)).isTrue();
  }

  @AfterEach
  void stop() {
    daemon.close();
    sim.close();
  }

  @Test
  void aLongWithoutAStopGetsOneAtBreakevenAfterTenTicksThenTheTrailingStopMovesIt() throws Exception {
    trader.buyMarket(ContractCatalogue.MNQ, 2);
    double entry = trader.position(ContractCatalogue.MNQ).orElseThrow().averagePrice();
    awaitHeld(2);

    sim.market().setPrice(ContractCatalogue.MNQ, entry + 9 * TICK);
    sim.market().setPrice(ContractCatalogue.MNQ, entry + 10 * TICK);       // 10 ticks: breakeven
    Eventually.until("a stop is working at the simulator", PATIENCE, () -> stops().size() == 1);
    Order placed = stops().get(0);
    assertThat(placed.type()).isEqualTo(OrderType.STOP);
    assertThat(placed.side()).isEqualTo(OrderSide.ASK);                    // sells the long
    assertThat(placed.size()).isEqualTo(2);
    assertThat(placed.stopPrice()).isEqualTo(entry);                        // entry + 0 offset ticks
    assertThat(placed.customTag()).startsWith("rg-");
    assertThat(sim.calls("/api/Order/place")).hasSize(1);

    sim.market().setPrice(ContractCatalogue.MNQ, entry + 25 * TICK);       // 25 ticks: trailing, 10 behind
    Eventually.until("the stop trails to entry + 15 ticks", PATIENCE,
        () -> stopPrice(placed.id()) == entry + 15 * TICK);
    assertThat(sim.calls("/api/Order/modify")).anyMatch(call -> call.success()
        && call.body().contains("\"orderId\":" + placed.id()));

    sim.market().setPrice(ContractCatalogue.MNQ, entry + 20 * TICK);       // a pull-back never loosens it
    sim.market().setPrice(ContractCatalogue.MNQ, entry + 32 * TICK);
    Eventually.until("the stop trails to entry + 22 ticks", PATIENCE,
        () -> stopPrice(placed.id()) == entry + 22 * TICK);
    assertThat(stops()).as("never a second stop").hasSize(1);
    assertThat(sim.calls("/api/Order/place")).hasSize(1);
    Eventually.until("the decisions are shown as SUCCEEDED", PATIENCE, () ->
        daemon.snapshot().accounts().get(0).recentDecisions().stream()
            .filter(d -> d.decision().rule().equals("RULE-012") && d.status().equals("SUCCEEDED"))
            .map(d -> d.decision().action().name()).toList()
            .containsAll(List.of("PLACE_STOP", "MOVE_STOP")));
  }

  @Test
  void theTradersOwnLooserStopIsMovedToBreakevenAndNoSecondStopIsPlaced() throws Exception {
    trader.buyMarket(ContractCatalogue.MNQ, 1);
    double entry = trader.position(ContractCatalogue.MNQ).orElseThrow().averagePrice();
    long own = trader.sellStop(ContractCatalogue.MNQ, 1, entry - 40 * TICK);
    awaitHeld(1);
    Eventually.until("the daemon sees the trader's stop", PATIENCE, () -> daemon.snapshot().accounts().get(0)
        .workingOrders().stream().anyMatch(order -> order.orderId() == own));

    sim.market().setPrice(ContractCatalogue.MNQ, entry + 12 * TICK);       // 12 ticks: breakeven
    Eventually.until("the trader's stop is moved to the entry", PATIENCE, () -> stopPrice(own) == entry);
    assertThat(stops()).singleElement().satisfies(order -> {
      assertThat(order.id()).isEqualTo(own);
      assertThat(order.side()).isEqualTo(OrderSide.ASK);
    });
    assertThat(sim.calls("/api/Order/place")).as("riskguard placed no stop of its own").isEmpty();
  }

  private void awaitHeld(int size) throws InterruptedException {
    Eventually.until("the daemon holds the position", PATIENCE, () -> daemon.snapshot().accounts().get(0)
        .positions().stream().anyMatch(p -> p.size() == size));
  }

  private List<Order> stops() {
    return trader.openOrders().stream().filter(order -> order.type() == OrderType.STOP).toList();
  }

  private double stopPrice(long orderId) {
    return trader.order(orderId).map(Order::stopPrice).orElse(Double.NaN);
  }
}
