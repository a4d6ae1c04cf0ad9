package riskguard.connectors.sim;

import java.util.List;
import java.util.Optional;
import riskguard.connectors.projectx.model.Account;
import riskguard.connectors.projectx.model.Bracket;
import riskguard.connectors.projectx.model.Order;
import riskguard.connectors.projectx.model.OrderSide;
import riskguard.connectors.projectx.model.OrderType;
import riskguard.connectors.projectx.model.PlaceOrderRequest;
import riskguard.connectors.projectx.model.Position;
import riskguard.connectors.projectx.model.Trade;

/**
 * Acts as the trader of one account, the way the platform's buttons would: orders go through
 * the same exchange as REST orders and are published on the hubs alike. Every action that the
 * venue refuses throws {@link SimRejectedException} with the gateway's error code.
 */
public final class SimTrader {

  private final Exchange exchange;
  private final long accountId;

  SimTrader(Exchange exchange, long accountId) {
    this.exchange = exchange;
    this.accountId = accountId;
  }

  public long accountId() {
    return accountId;
  }

  public long buyMarket(String contractId, int size) {
    return place(PlaceOrderRequest.market(accountId, contractId, OrderSide.BID, size));
  }

  public long sellMarket(String contractId, int size) {
    return place(PlaceOrderRequest.market(accountId, contractId, OrderSide.ASK, size));
  }

  public long buyLimit(String contractId, int size, double limitPrice) {
    return place(PlaceOrderRequest.limit(accountId, contractId, OrderSide.BID, size, limitPrice));
  }

  public long sellLimit(String contractId, int size, double limitPrice) {
    return place(PlaceOrderRequest.limit(accountId, contractId, OrderSide.ASK, size, limitPrice));
  }

  public long buyStop(String contractId, int size, double stopPrice) {
    return place(PlaceOrderRequest.stop(accountId, contractId, OrderSide.BID, size, stopPrice));
  }

  public long sellStop(String contractId, int size, double stopPrice) {
    return place(PlaceOrderRequest.stop(accountId, contractId, OrderSide.ASK, size, stopPrice));
  }

  public long stopLimit(String contractId, OrderSide side, int size, double stopPrice, double limitPrice) {
    return place(new PlaceOrderRequest(accountId, contractId, OrderType.STOP_LIMIT, side, size,
        limitPrice, stopPrice, null, null, null, null));
  }

  /** A trailing stop {@code trailDistance} points behind the touch (sell protects a long). */
  public long trailingStop(String contractId, OrderSide side, int size, double trailDistance) {
    return place(new PlaceOrderRequest(accountId, contractId, OrderType.TRAILING_STOP, side, size,
        null, null, trailDistance, null, null, null));
  }

  /** A market entry with a stop-loss and a take-profit placed on the fill, ticks away. */
  public long marketWithBrackets(String contractId, OrderSide side, int size, int stopLossTicks, int takeProfitTicks) {
    return place(new PlaceOrderRequest(accountId, contractId, OrderType.MARKET, side, size, null, null, null, null,
        new Bracket(stopLossTicks, OrderType.STOP), new Bracket(takeProfitTicks, OrderType.LIMIT)));
  }

  /** Places any order; the request's accountId must be this trader's. */
  public long place(PlaceOrderRequest request) {
    if (request.accountId() != accountId) {
      throw new IllegalArgumentException("request is for account " + request.accountId()
          + " but this trader trades account " + accountId);
    }
    return check(exchange.place(request)).orderId();
  }

  public void modify(long orderId, Integer size, Double limitPrice, Double stopPrice) {
    check(exchange.modify(accountId, orderId, size, limitPrice, stopPrice, null));
  }

  public void cancel(long orderId) {
    check(exchange.cancel(accountId, orderId));
  }

  public void closePosition(String contractId) {
    check(exchange.closeContract(accountId, contractId));
  }

  public void partialClose(String contractId, int size) {
    check(exchange.partialClose(accountId, contractId, size));
  }

  public Optional<Position> position(String contractId) {
    return exchange.position(accountId, contractId);
  }

  public List<Position> positions() {
    return exchange.openPositions(accountId);
  }

  public List<Order> openOrders() {
    return exchange.openOrders(accountId);
  }

  public Optional<Order> order(long orderId) {
    return exchange.order(orderId).filter(o -> o.accountId() == accountId);
  }

  public List<Trade> trades() {
    return exchange.trades(accountId, null, null);
  }

  public Account account() {
    return exchange.account(accountId).orElseThrow();
  }

  private static Outcome check(Outcome outcome) {
    if (!outcome.success()) {
      throw new SimRejectedException(outcome);
    }
    return outcome;
  }
}
