package riskguard.app.daemon;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import riskguard.connectors.projectx.model.ModifyOrderRequest;
import riskguard.connectors.projectx.model.OrderSide;
import riskguard.connectors.projectx.model.PlaceOrderRequest;
import riskguard.connectors.projectx.rest.ProjectXRestClient;
import riskguard.db.PlacedOrderRepository;
import riskguard.engine.enforcement.Action;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.event.OrderEvent;
import riskguard.engine.event.PositionEvent;
import riskguard.engine.model.Order;
import riskguard.engine.model.PositionType;

/**
 * Turns one decision into the gateway calls that carry it out and says, in a few words, what
 * the gateway did. The REST client makes the calls idempotent: closing a flat contract and
 * cancelling a gone order succeed. Throws the client's {@code ProjectXException} on failure.
 */
final class GatewayActions {

  private final ProjectXRestClient rest;
  private final AccountBook book;
  private final PlacedOrderRepository placed;
  private final Clock clock;

  /** {@code placed} keeps the id and tag of every order placed, for the reconcile after a restart. */
  GatewayActions(ProjectXRestClient rest, AccountBook book, PlacedOrderRepository placed, Clock clock) {
    this.rest = rest;
    this.book = book;
    this.placed = placed;
    this.clock = clock;
  }

  /** True for the actions that call the gateway (the others are only recorded). */
  static boolean callsGateway(Action action) {
    return switch (action) {
      case CLOSE_POSITION, REDUCE_POSITION, CLOSE_ALL, CANCEL_ORDER, CANCEL_ALL_ORDERS, PLACE_STOP, MOVE_STOP -> true;
      case LOCKOUT, COOLDOWN, UNLOCK, WARNING -> false;
    };
  }

  /** True for the actions that take a position off: retried until the position is flat. */
  static boolean closesPositions(Action action) {
    return action == Action.CLOSE_POSITION || action == Action.REDUCE_POSITION || action == Action.CLOSE_ALL;
  }

  /** Builds the JSON of every command {@link #perform} may send, sending nothing. */
  void prepare() {
    rest.prepareCommands();
  }

  String perform(Decision decision) {
    long account = decision.accountId();
    return switch (decision.action()) {
      case CLOSE_POSITION -> {
        rest.closePosition(account, decision.contractId());
        yield "closeContract " + decision.contractId() + ": success";
      }
      case REDUCE_POSITION -> {
        rest.partialClosePosition(account, decision.contractId(), decision.size());
        yield "partialCloseContract " + decision.contractId() + " size " + decision.size() + ": success";
      }
      case CLOSE_ALL -> closeAll(account);
      case CANCEL_ORDER -> {
        rest.cancelOrder(account, decision.orderId());
        yield "cancel order " + decision.orderId() + ": success";
      }
      case CANCEL_ALL_ORDERS -> cancelAll(account);
      case PLACE_STOP -> placeStop(decision);
      case MOVE_STOP -> {
        rest.modifyOrder(new ModifyOrderRequest(account, decision.orderId(), null, null, decision.stopPrice(), null));
        yield "modify order " + decision.orderId() + " stop " + decision.stopPrice() + ": success";
      }
      case LOCKOUT, COOLDOWN, UNLOCK, WARNING ->
          throw new IllegalArgumentException(decision.action() + " makes no gateway call");
    };
  }

  /** True while the decision still has something to do, judged by the latest events. */
  boolean stillNeeded(Decision decision) {
    long account = decision.accountId();
    return switch (decision.action()) {
      case CLOSE_POSITION, REDUCE_POSITION, PLACE_STOP, MOVE_STOP -> book.position(account, decision.contractId()) != null;
      case CLOSE_ALL -> !book.positions(account).isEmpty();
      case CANCEL_ORDER -> book.hasWorkingOrder(account, decision.orderId());
      case CANCEL_ALL_ORDERS -> !book.workingOrders(account).isEmpty();
      case LOCKOUT, COOLDOWN, UNLOCK, WARNING -> false;
    };
  }

  private String closeAll(long account) {
    List<String> closed = new ArrayList<>();
    for (PositionEvent position : book.positions(account)) {
      rest.closePosition(account, position.contractId());
      closed.add(position.contractId() + " (" + position.size() + ")");
    }
    return closed.isEmpty() ? "no open position" : "closeContract " + String.join(", ", closed) + ": success";
  }

  private String cancelAll(long account) {
    List<String> cancelled = new ArrayList<>();
    for (OrderEvent order : book.workingOrders(account)) {
      rest.cancelOrder(account, order.orderId());
      cancelled.add(Long.toString(order.orderId()));
    }
    return cancelled.isEmpty() ? "no working order" : "cancel orders " + String.join(", ", cancelled) + ": success";
  }

  private String placeStop(Decision decision) {
    PositionEvent position = book.position(decision.accountId(), decision.contractId());
    if (position == null) {
      return "no position in " + decision.contractId() + "; no stop placed";
    }
    OrderSide side = position.type() == PositionType.LONG ? OrderSide.ASK : OrderSide.BID;
    PlaceOrderRequest stop = PlaceOrderRequest
        .stop(decision.accountId(), decision.contractId(), side, position.size(), decision.stopPrice())
        .withCustomTag(Order.RISKGUARD_TAG_PREFIX + decision.id());
    long orderId = rest.placeOrder(stop);
    placed.record(decision.accountId(), orderId, stop.customTag(), decision.id(), clock.instant());
    return "placed stop order " + orderId + " at " + decision.stopPrice() + ": success";
  }
}
