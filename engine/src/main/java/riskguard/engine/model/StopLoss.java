package riskguard.engine.model;

/**
 * RULE-008's test of a protective stop. An order protects a position when it is working
 * (status Open), in the position's contract, a stop kind (Stop, StopLimit or TrailingStop),
 * on the closing side (sell for a long, buy for a short), and its stop price is beyond the
 * entry: below the average price for a long, above it for a short. An order whose stop
 * price is not known cannot be shown to protect anything, so it does not count.
 */
public final class StopLoss {

  private StopLoss() {}

  public static boolean protects(Order order, Position position) {
    Double stopPrice = order.getStopPrice();
    if (order.getStatus() != OrderStatus.OPEN
        || !order.getType().isStop()
        || !order.getContractId().equals(position.getContractId())
        || order.getSide() != OrderSide.closing(position.getType())
        || stopPrice == null) {
      return false;
    }
    return position.getType() == PositionType.LONG
        ? stopPrice < position.getAveragePrice()
        : stopPrice > position.getAveragePrice();
  }
}
