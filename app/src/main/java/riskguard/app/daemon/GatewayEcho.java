package riskguard.app.daemon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.enforcement.EnforcementSink;
import riskguard.engine.event.InputEvent;
import riskguard.engine.event.OrderEvent;
import riskguard.engine.event.PositionEvent;
import riskguard.engine.model.OrderSide;
import riskguard.engine.model.OrderStatus;
import riskguard.engine.model.OrderType;
import riskguard.engine.session.Engine;

/**
 * The stand-in for the gateway in the benchmark and the daemon's warm-up ({@link Warmup}): it
 * carries out every merged action at once and answers with the hub events a gateway would send
 * (a flat or smaller position, a cancelled order, a stop placed or moved), so enforcements
 * complete as they do live. It follows the positions and orders it sees go into the engine. Not a simulator: prices and fills are not modelled.
 * Thread-safe: the live engine's sessions execute their actions on their own threads.
 */
public final class GatewayEcho implements EnforcementSink {

  private final Map<Long, Map<String, PositionEvent>> positions = new HashMap<>();
  private final Map<Long, Map<Long, OrderEvent>> orders = new HashMap<>();
  private final List<InputEvent> answers = new ArrayList<>();
  /** Ids of the stops it places, far above the stream's own. */
  private long nextOrderId = 1_000_000_000L;

  /** Notes what an event fed to the engine says about positions and orders. */
  public synchronized void observe(InputEvent event) {
    if (event instanceof PositionEvent position) {
      Map<String, PositionEvent> held = positions.computeIfAbsent(position.accountId(), id -> new HashMap<>());
      if (position.size() == 0) {
        held.remove(position.contractId());
      } else {
        held.put(position.contractId(), position);
      }
    } else if (event instanceof OrderEvent order) {
      Map<Long, OrderEvent> working = orders.computeIfAbsent(order.accountId(), id -> new HashMap<>());
      if (order.status().isWorking()) {
        working.put(order.orderId(), order);
      } else {
        working.remove(order.orderId());
      }
    }
  }

  @Override
  public synchronized void execute(List<Decision> actions) {
    for (Decision action : actions) {
      long account = action.accountId();
      Map<String, PositionEvent> held = positions.getOrDefault(account, Map.of());
      Map<Long, OrderEvent> working = orders.getOrDefault(account, Map.of());
      switch (action.action()) {
        case CLOSE_ALL -> held.values().forEach(position -> answers.add(resized(position, 0, action.ts())));
        case CLOSE_POSITION -> close(held.get(action.contractId()), 0, action.ts());
        case REDUCE_POSITION -> {
          PositionEvent position = held.get(action.contractId());
          close(position, position == null ? 0 : Math.max(position.size() - action.size(), 0), action.ts());
        }
        case CANCEL_ALL_ORDERS -> working.values().forEach(order -> answers.add(cancelled(order, action.ts())));
        case CANCEL_ORDER -> {
          OrderEvent order = working.get(action.orderId());
          if (order != null) {
            answers.add(cancelled(order, action.ts()));
          }
        }
        case PLACE_STOP -> placeStop(held.get(action.contractId()), action);
        case MOVE_STOP -> {
          OrderEvent order = working.get(action.orderId());
          if (order != null) {
            answers.add(moved(order, action.stopPrice(), action.ts()));
          }
        }
        default -> { }
      }
    }
  }

  /** What the gateway holds now: every open position and working order (to seed a new session). */
  public synchronized List<InputEvent> holdings() {
    List<InputEvent> held = new ArrayList<>();
    positions.values().forEach(byContract -> held.addAll(byContract.values()));
    orders.values().forEach(byId -> held.addAll(byId.values()));
    return held;
  }

  /** How many positions are open. */
  public synchronized int openPositions() {
    return positions.values().stream().mapToInt(Map::size).sum();
  }

  /**
   * Feeds a replay engine {@code event}, then this gateway's answers to what it caused, until
   * none is left (a replay engine decides within {@code apply}); returns the answers fed.
   */
  public long feed(Engine engine, InputEvent event) {
    observe(event);
    engine.apply(event);
    long fed = 0;
    for (List<InputEvent> replies = drainAnswers(); !replies.isEmpty(); replies = drainAnswers()) {
      for (InputEvent reply : replies) {
        observe(reply);
        engine.apply(reply);
        fed++;
      }
    }
    return fed;
  }

  /** The answers to the actions executed since the last call. */
  public synchronized List<InputEvent> drainAnswers() {
    if (answers.isEmpty()) {
      return List.of();
    }
    List<InputEvent> drained = List.copyOf(answers);
    answers.clear();
    return drained;
  }

  private void close(PositionEvent position, int size, Instant at) {
    if (position != null) {
      answers.add(resized(position, size, at));
    }
  }

  private void placeStop(PositionEvent position, Decision action) {
    if (position != null) {
      OrderSide closing = OrderSide.closing(position.type());
      answers.add(new OrderEvent(action.ts(), position.accountId(), nextOrderId++, position.contractId(),
          OrderStatus.OPEN, OrderType.STOP, closing, position.size(), null, action.stopPrice(), action.ts(),
          action.ts(), "rg-" + action.id()));
    }
  }

  private static OrderEvent moved(OrderEvent order, double stopPrice, Instant at) {
    return new OrderEvent(at, order.accountId(), order.orderId(), order.contractId(), order.status(),
        order.type(), order.side(), order.size(), order.limitPrice(), stopPrice, order.createdAt(), at,
        order.customTag());
  }

  private static PositionEvent resized(PositionEvent position, int size, Instant at) {
    return new PositionEvent(at, position.accountId(), position.positionId(), position.contractId(),
        position.openedAt(), position.type(), size, position.averagePrice());
  }

  private static OrderEvent cancelled(OrderEvent order, Instant at) {
    return new OrderEvent(at, order.accountId(), order.orderId(), order.contractId(), OrderStatus.CANCELLED,
        order.type(), order.side(), order.size(), order.limitPrice(), order.stopPrice(), order.createdAt(), at,
        order.customTag());
  }
}
