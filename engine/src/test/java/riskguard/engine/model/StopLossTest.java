package riskguard.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StopLossTest {

  private static final String MNQ = "CON.F.US.MNQ.H25";
  private static final Instant AT = Instant.parse("2025-03-10T14:30:00Z");

  private static Position position(PositionType type) {
    Position position = new Position(1, MNQ, "MNQ");
    position.update(type, 2, 21000.0, AT, AT);
    return position;
  }

  private static Order order(String contractId, OrderStatus status, OrderType type, OrderSide side, Double stop) {
    Order order = new Order(7, 1, contractId, "MNQ", AT, null);
    order.update(status, type, side, 2, null, stop, AT, AT);
    return order;
  }

  @Test
  void aSellStopBelowEntryProtectsALongAndABuyStopAboveEntryProtectsAShort() {
    for (OrderType kind : new OrderType[] {OrderType.STOP, OrderType.STOP_LIMIT, OrderType.TRAILING_STOP}) {
      assertThat(StopLoss.protects(order(MNQ, OrderStatus.OPEN, kind, OrderSide.SELL, 20950.0),
          position(PositionType.LONG))).as(kind + " for a long").isTrue();
      assertThat(StopLoss.protects(order(MNQ, OrderStatus.OPEN, kind, OrderSide.BUY, 21050.0),
          position(PositionType.SHORT))).as(kind + " for a short").isTrue();
    }
  }

  @Test
  void theWrongSideOrPriceDoesNotProtect() {
    Position longTwo = position(PositionType.LONG);
    Position shortTwo = position(PositionType.SHORT);

    assertThat(StopLoss.protects(order(MNQ, OrderStatus.OPEN, OrderType.STOP, OrderSide.BUY, 20950.0), longTwo))
        .as("a buy stop for a long adds to it").isFalse();
    assertThat(StopLoss.protects(order(MNQ, OrderStatus.OPEN, OrderType.STOP, OrderSide.SELL, 21050.0), longTwo))
        .as("a sell stop above a long's entry").isFalse();
    assertThat(StopLoss.protects(order(MNQ, OrderStatus.OPEN, OrderType.STOP, OrderSide.SELL, 21000.0), longTwo))
        .as("a sell stop at the entry is not below it").isFalse();
    assertThat(StopLoss.protects(order(MNQ, OrderStatus.OPEN, OrderType.STOP, OrderSide.BUY, 20950.0), shortTwo))
        .as("a buy stop below a short's entry").isFalse();
  }

  @Test
  void limitOrdersPendingOrdersOtherContractsAndUnknownStopPricesDoNotProtect() {
    Position longTwo = position(PositionType.LONG);

    assertThat(StopLoss.protects(order(MNQ, OrderStatus.OPEN, OrderType.LIMIT, OrderSide.SELL, null), longTwo)).isFalse();
    assertThat(StopLoss.protects(order(MNQ, OrderStatus.PENDING, OrderType.STOP, OrderSide.SELL, 20950.0), longTwo))
        .isFalse();
    assertThat(StopLoss.protects(
        order("CON.F.US.MNQ.M25", OrderStatus.OPEN, OrderType.STOP, OrderSide.SELL, 20950.0), longTwo)).isFalse();
    assertThat(StopLoss.protects(order(MNQ, OrderStatus.OPEN, OrderType.TRAILING_STOP, OrderSide.SELL, null), longTwo))
        .isFalse();
  }
}
