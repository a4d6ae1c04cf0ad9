package riskguard.connectors.sim;

/**
 * An order to place, the body of {@code /api/Order/place} without the account.
 *
 * @param limitPrice required for LIMIT and STOP_LIMIT
 * @param stopPrice required for STOP and STOP_LIMIT; optional first stop of a TRAILING_STOP
 * @param trailPrice the trailing distance in points for TRAILING_STOP
 * @param customTag optional, unique per account
 * @param stopLossBracket optional protective order placed when this one fills
 * @param takeProfitBracket optional target order placed when this one fills
 */
public record OrderRequest(
    String contractId,
    OrderKind type,
    Side side,
    int size,
    Double limitPrice,
    Double stopPrice,
    Double trailPrice,
    String customTag,
    Bracket stopLossBracket,
    Bracket takeProfitBracket) {

  /**
   * A bracket leg: an order of {@code type} placed {@code ticks} away from the fill price of its
   * parent, on the other side; the two legs cancel each other (one-cancels-other).
   */
  public record Bracket(int ticks, OrderKind type) {}

  public static OrderRequest market(String contractId, Side side, int size) {
    return new OrderRequest(contractId, OrderKind.MARKET, side, size, null, null, null, null, null, null);
  }

  public static OrderRequest limit(String contractId, Side side, int size, double limitPrice) {
    return new OrderRequest(contractId, OrderKind.LIMIT, side, size, limitPrice, null, null, null, null, null);
  }

  public static OrderRequest stop(String contractId, Side side, int size, double stopPrice) {
    return new OrderRequest(contractId, OrderKind.STOP, side, size, null, stopPrice, null, null, null, null);
  }

  public static OrderRequest stopLimit(
      String contractId, Side side, int size, double stopPrice, double limitPrice) {
    return new OrderRequest(
        contractId, OrderKind.STOP_LIMIT, side, size, limitPrice, stopPrice, null, null, null, null);
  }

  public static OrderRequest trailingStop(String contractId, Side side, int size, double trailDistance) {
    return new OrderRequest(
        contractId, OrderKind.TRAILING_STOP, side, size, null, null, trailDistance, null, null, null);
  }

  public OrderRequest withCustomTag(String tag) {
    return new OrderRequest(contractId, type, side, size, limitPrice, stopPrice, trailPrice, tag,
        stopLossBracket, takeProfitBracket);
  }

  public OrderRequest withBrackets(Bracket stopLoss, Bracket takeProfit) {
    return new OrderRequest(contractId, type, side, size, limitPrice, stopPrice, trailPrice, customTag,
        stopLoss, takeProfit);
  }
}
