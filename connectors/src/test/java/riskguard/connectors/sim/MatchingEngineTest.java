package riskguard.connectors.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import riskguard.connectors.projectx.model.Order;
import riskguard.connectors.projectx.model.OrderSide;
import riskguard.connectors.projectx.model.OrderStatus;
import riskguard.connectors.projectx.model.Position;
import riskguard.connectors.projectx.model.PositionType;
import riskguard.connectors.projectx.model.Trade;

/** The matching engine against hand-computed fills, averages, P&L and fees. */
class MatchingEngineTest {

  private static final long ACCOUNT = 536;
  private static final String MNQ = ContractCatalogue.MNQ;
  private static final String ES = ContractCatalogue.ES;

  private GatewaySimulator sim;
  private SimTrader trader;
  private SimMarket market;

  @BeforeEach
  void start() throws Exception {
    sim = GatewaySimulator.builder()
        .account(SimAccount.of(ACCOUNT, "50KTC-TEST", 50_000))
        .quoteInterval(Duration.ZERO)
        .build();
    trader = sim.trader(ACCOUNT);
    market = sim.market();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void longRoundTripInMnqRealizesTicksTimesFiftyCentsAndChargesFeesPerSide() {
    market.setQuote(MNQ, 21000.00, 21000.25, 21000.00);
    long entry = trader.buyMarket(MNQ, 2);

    Position open = trader.position(MNQ).orElseThrow();
    assertThat(open.type()).isEqualTo(PositionType.LONG);
    assertThat(open.size()).isEqualTo(2);
    assertThat(open.averagePrice()).isEqualTo(21000.25);

    market.setQuote(MNQ, 21010.00, 21010.25, 21010.00);
    long exit = trader.sellMarket(MNQ, 2);

    List<Trade> trades = trader.trades();
    assertThat(trades).hasSize(2);
    Trade opening = trades.get(0);
    assertThat(opening.orderId()).isEqualTo(entry);
    assertThat(opening.price()).isEqualTo(21000.25);
    assertThat(opening.profitAndLoss()).isNull();
    assertThat(opening.fees()).isEqualTo(0.74);
    assertThat(opening.side()).isEqualTo(OrderSide.BID);
    Trade closing = trades.get(1);
    assertThat(closing.orderId()).isEqualTo(exit);
    assertThat(closing.price()).isEqualTo(21010.00);
    // (21010.00 - 21000.25) / 0.25 = 39 ticks × $0.50 × 2 contracts
    assertThat(closing.profitAndLoss()).isEqualTo(39.00);
    assertThat(closing.fees()).isEqualTo(0.74);
    assertThat(trader.position(MNQ)).isEmpty();
    assertThat(trader.account().balance()).isCloseTo(50_000 + 39.00 - 0.74 - 0.74, within(1e-9));
  }

  @Test
  void shortRoundTripInEsRealizesTicksTimesTwelveFifty() {
    market.setQuote(ES, 5800.00, 5800.25, 5800.00);
    trader.sellMarket(ES, 1);
    Position open = trader.position(ES).orElseThrow();
    assertThat(open.type()).isEqualTo(PositionType.SHORT);
    assertThat(open.averagePrice()).isEqualTo(5800.00);

    market.setQuote(ES, 5790.00, 5790.25, 5790.00);
    trader.buyMarket(ES, 1);

    Trade closing = trader.trades().get(1);
    assertThat(closing.price()).isEqualTo(5790.25);
    // (5800.00 - 5790.25) / 0.25 = 39 ticks × $12.50
    assertThat(closing.profitAndLoss()).isEqualTo(487.50);
    assertThat(closing.fees()).isEqualTo(1.40);
    assertThat(trader.account().balance()).isCloseTo(50_000 + 487.50 - 2 * 1.40, within(1e-9));
  }

  @Test
  void losingShortCarriesNegativePnl() {
    market.setQuote(ES, 5800.00, 5800.25, 5800.00);
    trader.sellMarket(ES, 2);
    market.setQuote(ES, 5801.00, 5801.25, 5801.00);
    trader.closePosition(ES);

    Trade closing = trader.trades().get(1);
    // (5800.00 - 5801.25) / 0.25 = -5 ticks × $12.50 × 2
    assertThat(closing.profitAndLoss()).isEqualTo(-125.00);
    assertThat(closing.side()).isEqualTo(OrderSide.BID);
    assertThat(closing.size()).isEqualTo(2);
  }

  @Test
  void scalingInAveragesThePriceAndPartialCloseKeepsIt() {
    market.setQuote(MNQ, 21000.00, 21000.25, 21000.00);
    trader.buyMarket(MNQ, 1);
    market.setQuote(MNQ, 21001.00, 21001.25, 21001.00);
    trader.buyMarket(MNQ, 3);

    Position scaled = trader.position(MNQ).orElseThrow();
    // (21000.25 × 1 + 21001.25 × 3) / 4
    assertThat(scaled.averagePrice()).isEqualTo(21001.00);
    assertThat(scaled.size()).isEqualTo(4);
    assertThat(trader.trades().get(1).profitAndLoss()).isNull();

    market.setQuote(MNQ, 21005.00, 21005.25, 21005.00);
    trader.partialClose(MNQ, 3);

    Position reduced = trader.position(MNQ).orElseThrow();
    assertThat(reduced.size()).isEqualTo(1);
    assertThat(reduced.averagePrice()).isEqualTo(21001.00);
    assertThat(reduced.id()).isEqualTo(scaled.id());
    Trade partial = trader.trades().get(2);
    // (21005.00 - 21001.00) / 0.25 = 16 ticks × $0.50 × 3
    assertThat(partial.profitAndLoss()).isEqualTo(24.00);
    assertThat(partial.size()).isEqualTo(3);
  }

  @Test
  void averageBetweenTicksIsKeptExactly() {
    market.setQuote(MNQ, 21000.00, 21000.25, 21000.00);
    trader.buyMarket(MNQ, 1);
    market.setQuote(MNQ, 21000.25, 21000.50, 21000.25);
    trader.buyMarket(MNQ, 2);
    // (21000.25 + 2 × 21000.50) / 3 = 21000.41666…
    assertThat(trader.position(MNQ).orElseThrow().averagePrice()).isCloseTo(21000.416666667, within(1e-6));

    market.setQuote(MNQ, 21001.00, 21001.25, 21001.00);
    trader.closePosition(MNQ);
    // 3 × 21001.00 − (21000.25 + 2 × 21000.50) = 1.75 points = 7 ticks × $0.50
    assertThat(trader.trades().get(2).profitAndLoss()).isEqualTo(3.50);
  }

  @Test
  void sellingMoreThanHeldFlipsToShortAtTheFillPrice() {
    market.setQuote(MNQ, 21000.00, 21000.25, 21000.00);
    trader.buyMarket(MNQ, 1);
    Position firstLong = trader.position(MNQ).orElseThrow();
    market.setQuote(MNQ, 21002.00, 21002.25, 21002.00);
    trader.sellMarket(MNQ, 3);

    Position flipped = trader.position(MNQ).orElseThrow();
    assertThat(flipped.type()).isEqualTo(PositionType.SHORT);
    assertThat(flipped.size()).isEqualTo(2);
    assertThat(flipped.averagePrice()).isEqualTo(21002.00);
    assertThat(flipped.id()).isNotEqualTo(firstLong.id());
    // only the one closed contract realizes: (21002.00 - 21000.25) / 0.25 = 7 ticks × $0.50
    assertThat(trader.trades().get(1).profitAndLoss()).isEqualTo(3.50);
  }

  @Test
  void restingSellStopTriggersWhenTheBidReachesIt() {
    market.setQuote(MNQ, 21000.00, 21000.25, 21000.00);
    trader.buyMarket(MNQ, 1);
    long stop = trader.sellStop(MNQ, 1, 20990.00);

    market.setQuote(MNQ, 20990.25, 20990.50, 20990.25);
    assertThat(trader.order(stop).orElseThrow().status()).isEqualTo(OrderStatus.OPEN);
    assertThat(trader.position(MNQ)).isPresent();

    market.move(MNQ, -1);
    Order filled = trader.order(stop).orElseThrow();
    assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(filled.filledPrice()).isEqualTo(20990.00);
    assertThat(filled.fillVolume()).isEqualTo(1);
    assertThat(trader.position(MNQ)).isEmpty();
    // (20990.00 - 21000.25) / 0.25 = -41 ticks × $0.50
    assertThat(trader.trades().get(1).profitAndLoss()).isEqualTo(-20.50);
  }

  @Test
  void stopAlreadyThroughTheMarketIsRejected() {
    market.setQuote(MNQ, 21000.00, 21000.25, 21000.00);
    assertThatThrownBy(() -> trader.sellStop(MNQ, 1, 21000.00))
        .isInstanceOf(SimRejectedException.class)
        .hasMessageContaining("already through the market");
  }

  @Test
  void trailingStopFollowsTheBidUpAndNeverDown() {
    market.setQuote(MNQ, 21000.00, 21000.25, 21000.00);
    trader.buyMarket(MNQ, 1);
    long trail = trader.trailingStop(MNQ, OrderSide.ASK, 1, 5.00);
    assertThat(trader.order(trail).orElseThrow().stopPrice()).isEqualTo(20995.00);

    market.setQuote(MNQ, 21010.00, 21010.25, 21010.00);
    assertThat(trader.order(trail).orElseThrow().stopPrice()).isEqualTo(21005.00);

    market.setQuote(MNQ, 21006.00, 21006.25, 21006.00);
    assertThat(trader.order(trail).orElseThrow().stopPrice()).isEqualTo(21005.00);
    assertThat(trader.order(trail).orElseThrow().status()).isEqualTo(OrderStatus.OPEN);

    market.setQuote(MNQ, 21005.00, 21005.25, 21005.00);
    Order filled = trader.order(trail).orElseThrow();
    assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(filled.filledPrice()).isEqualTo(21005.00);
    // (21005.00 - 21000.25) / 0.25 = 19 ticks × $0.50
    assertThat(trader.trades().get(1).profitAndLoss()).isEqualTo(9.50);
  }

  @Test
  void restingLimitFillsAtItsPriceAndMarketableLimitAtTheTouch() {
    market.setQuote(MNQ, 21000.00, 21000.25, 21000.00);
    long resting = trader.buyLimit(MNQ, 1, 20995.00);
    long marketable = trader.sellLimit(MNQ, 1, 20990.00);
    assertThat(trader.order(marketable).orElseThrow().filledPrice()).isEqualTo(21000.00);
    assertThat(trader.order(resting).orElseThrow().status()).isEqualTo(OrderStatus.OPEN);

    market.setQuote(MNQ, 20994.00, 20994.75, 20994.50);
    Order filled = trader.order(resting).orElseThrow();
    assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(filled.filledPrice()).isEqualTo(20995.00);
    assertThat(trader.position(MNQ)).isEmpty();
  }

  @Test
  void stopLimitBecomesALimitWhenTriggered() {
    market.setQuote(MNQ, 21000.00, 21000.25, 21000.00);
    long order = trader.stopLimit(MNQ, OrderSide.BID, 1, 21005.00, 21005.50);
    market.setQuote(MNQ, 21006.00, 21006.25, 21006.00);
    assertThat(trader.order(order).orElseThrow().status()).isEqualTo(OrderStatus.OPEN);
    market.setQuote(MNQ, 21005.75, 21006.00, 21005.75);
    assertThat(trader.order(order).orElseThrow().status()).isEqualTo(OrderStatus.OPEN);
    market.setQuote(MNQ, 21005.25, 21005.50, 21005.25);
    assertThat(trader.order(order).orElseThrow().filledPrice()).isEqualTo(21005.50);
  }

  @Test
  void bracketLegsArePlacedOnTheFillAndCancelEachOther() {
    market.setQuote(MNQ, 21000.00, 21000.25, 21000.00);
    trader.marketWithBrackets(MNQ, OrderSide.BID, 1, 8, 12);
    List<Order> legs = trader.openOrders();
    assertThat(legs).extracting(Order::stopPrice, Order::limitPrice)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(20998.25, null),
            org.assertj.core.groups.Tuple.tuple(null, 21003.25));

    market.setQuote(MNQ, 21003.25, 21003.50, 21003.25);
    assertThat(trader.openOrders()).isEmpty();
    assertThat(trader.position(MNQ)).isEmpty();
    assertThat(trader.trades().get(1).profitAndLoss()).isEqualTo(6.00);
  }

  @Test
  void accountThatCannotTradeHasOrdersRejectedButMayStillBeFlattened() {
    market.setQuote(MNQ, 21000.00, 21000.25, 21000.00);
    trader.buyMarket(MNQ, 1);
    sim.setCanTrade(ACCOUNT, false);

    assertThatThrownBy(() -> trader.buyMarket(MNQ, 1))
        .isInstanceOfSatisfying(SimRejectedException.class, e -> assertThat(e.errorCode()).isEqualTo(10))
        .hasMessageContaining("canTrade is false");
    trader.closePosition(MNQ);
    assertThat(trader.position(MNQ)).isEmpty();
  }

  @Test
  void closingAFlatContractAndCancellingAGoneOrderAnswerNotFound() {
    market.setQuote(MNQ, 21000.00, 21000.25, 21000.00);
    assertThatThrownBy(() -> trader.closePosition(MNQ))
        .isInstanceOfSatisfying(SimRejectedException.class, e -> assertThat(e.errorCode()).isEqualTo(2));
    long order = trader.buyLimit(MNQ, 1, 20900.00);
    trader.cancel(order);
    assertThatThrownBy(() -> trader.cancel(order))
        .isInstanceOfSatisfying(SimRejectedException.class, e -> assertThat(e.errorCode()).isEqualTo(2));
  }

  @Test
  void pricesOffTheTickGridAreRefusedWithTheContractNamed() {
    assertThatThrownBy(() -> trader.buyLimit(ContractCatalogue.CL, 1, 70.005))
        .isInstanceOf(SimRejectedException.class)
        .hasMessageContaining("0.01")
        .hasMessageContaining(ContractCatalogue.CL);
    assertThatThrownBy(() -> market.setPrice(MNQ, 21000.10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(MNQ);
  }

  @Test
  void randomWalkIsSeededAndMovesByAtMostOneTickAStep() throws Exception {
    List<Double> first = walk(7);
    List<Double> again = walk(7);
    assertThat(first).isEqualTo(again);
    for (int i = 1; i < first.size(); i++) {
      assertThat(Math.abs(first.get(i) - first.get(i - 1))).isLessThanOrEqualTo(0.25);
    }
    assertThat(first.stream().distinct().count()).as("the walk moves").isGreaterThan(1);
  }

  private List<Double> walk(long seed) throws Exception {
    try (GatewaySimulator walker = GatewaySimulator.builder().seed(seed).quoteInterval(Duration.ZERO).build()) {
      List<Double> bids = new java.util.ArrayList<>();
      for (int i = 0; i < 50; i++) {
        walker.market().step();
        bids.add(walker.market().quote(MNQ).bestBid());
      }
      return bids;
    }
  }
}
