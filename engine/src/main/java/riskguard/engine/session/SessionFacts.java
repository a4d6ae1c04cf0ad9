package riskguard.engine.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import riskguard.engine.enforcement.Action;
import riskguard.engine.model.Enforcement;
import riskguard.engine.model.Lockout;
import riskguard.engine.model.LockoutKind;
import riskguard.engine.model.Order;
import riskguard.engine.model.Position;
import riskguard.engine.model.Priced;
import riskguard.engine.model.Valuation;

/**
 * The facts of one session that the engine changes, each with its handle, so events
 * update facts in place instead of searching working memory. Also the bookkeeping of
 * pending {@link Enforcement}s: {@link #completeSatisfied()} removes those whose effect
 * working memory already shows. It looks only after something that can complete one
 * happened (an enforcement arrived, a position or order left, a position changed size or
 * side): pending stop requests stay until their position closes, and looking at all of
 * them after every quote cost more than the quote.
 */
final class SessionFacts {

  private final KieSession session;
  private final Map<String, Held<Position>> positions = new HashMap<>();
  private final Map<String, Held<Valuation>> valuations = new HashMap<>();
  /** The {@link Priced} of each valuation, by contract. */
  private final Map<String, FactHandle> priced = new HashMap<>();
  private final Map<Long, Held<Order>> orders = new HashMap<>();
  private final Map<String, Held<Lockout>> lockouts = new LinkedHashMap<>();
  private final Map<String, Held<Enforcement>> enforcements = new LinkedHashMap<>();
  /** True when an enforcement may have taken effect since {@link #completeSatisfied()} last looked. */
  private boolean mayHaveCompleted;

  /** A fact and its handle. */
  record Held<T>(T fact, FactHandle handle) {}

  SessionFacts(KieSession session) {
    this.session = session;
  }

  Position position(String contractId) {
    Held<Position> held = positions.get(contractId);
    return held == null ? null : held.fact();
  }

  Collection<Held<Position>> positions() {
    return positions.values();
  }

  void insertPosition(Position position) {
    positions.put(position.getContractId(), new Held<>(position, session.insert(position)));
  }

  /** The position changed (size, side, root…): a pending close or reduce may be done. */
  void updatePosition(Position position, PropertyUpdate update) {
    mayHaveCompleted = true;
    update.apply(positions.get(position.getContractId()).handle(), position);
  }

  /** The valuation of the position in {@code contractId}, null while it is not valued. */
  Valuation valuation(String contractId) {
    Held<Valuation> held = valuations.get(contractId);
    return held == null ? null : held.fact();
  }

  /** The position in the valuation's contract is valued for the first time. */
  void insertValuation(Valuation valuation) {
    valuations.put(valuation.getContractId(), new Held<>(valuation, session.insert(valuation)));
    priced.put(valuation.getContractId(), session.insert(Priced.of(valuation)));
  }

  /** A valuation changed (a quote): no enforcement completes by it. */
  void updateValuation(Valuation valuation, PropertyUpdate update) {
    update.apply(valuations.get(valuation.getContractId()).handle(), valuation);
  }

  /** A valuation changed wholly (the position turned around, the tick size changed): its {@link Priced} too. */
  void revalueWholly(Valuation valuation, PropertyUpdate update) {
    updateValuation(valuation, update);
    session.update(priced.get(valuation.getContractId()), Priced.of(valuation));
  }

  /** Removes the position in {@code contractId} and its valuation; false when there was none. */
  boolean removePosition(String contractId) {
    Held<Valuation> valued = valuations.remove(contractId);
    if (valued != null) {
      session.delete(valued.handle());
      session.delete(priced.remove(contractId));
    }
    Held<Position> held = positions.remove(contractId);
    if (held != null) {
      mayHaveCompleted = true;
      session.delete(held.handle());
    }
    return held != null;
  }

  Order order(long orderId) {
    Held<Order> held = orders.get(orderId);
    return held == null ? null : held.fact();
  }

  Collection<Held<Order>> orders() {
    return orders.values();
  }

  void insertOrder(Order order) {
    orders.put(order.getId(), new Held<>(order, session.insert(order)));
  }

  void updateOrder(Order order, PropertyUpdate update) {
    update.apply(orders.get(order.getId()).handle(), order);
  }

  void removeOrder(long orderId) {
    Held<Order> held = orders.remove(orderId);
    if (held != null) {
      mayHaveCompleted = true;
      session.delete(held.handle());
    }
  }

  void insertLockout(Lockout lockout) {
    lockouts.put(lockout.id(), new Held<>(lockout, session.insert(lockout)));
  }

  boolean removeLockout(Lockout lockout) {
    Held<Lockout> held = lockouts.remove(lockout.id());
    if (held != null) {
      session.delete(held.handle());
    }
    return held != null;
  }

  List<Lockout> lockouts() {
    List<Lockout> all = new ArrayList<>(lockouts.size());
    lockouts.values().forEach(held -> all.add(held.fact()));
    return all;
  }

  /** Account-wide cooldowns (a cooldown replaces a running one only if it ends later). */
  List<Lockout> cooldowns() {
    List<Lockout> cooldowns = new ArrayList<>();
    for (Held<Lockout> held : lockouts.values()) {
      if (held.fact().kind() == LockoutKind.COOLDOWN && held.fact().symbol() == null) {
        cooldowns.add(held.fact());
      }
    }
    return cooldowns;
  }

  void insertEnforcement(Enforcement enforcement) {
    mayHaveCompleted = true;
    enforcements.put(enforcement.decisionId(), new Held<>(enforcement, session.insert(enforcement)));
  }

  /** Removes a pending enforcement (its action failed); false when none has this id. */
  boolean removeEnforcement(String decisionId) {
    Held<Enforcement> held = enforcements.remove(decisionId);
    if (held != null) {
      session.delete(held.handle());
    }
    return held != null;
  }

  /** Removes the pending enforcements whose effect working memory shows; true if any went. */
  boolean completeSatisfied() {
    if (!mayHaveCompleted) {
      return false;
    }
    mayHaveCompleted = false;
    boolean removed = false;
    Iterator<Held<Enforcement>> pending = enforcements.values().iterator();
    while (pending.hasNext()) {
      Held<Enforcement> held = pending.next();
      if (isSatisfied(held.fact())) {
        pending.remove();
        session.delete(held.handle());
        removed = true;
      }
    }
    return removed;
  }

  private boolean isSatisfied(Enforcement enforcement) {
    Action action = enforcement.action();
    return switch (action) {
      case CLOSE_ALL -> positions.isEmpty();
      case CANCEL_ALL_ORDERS -> orders.isEmpty();
      case CLOSE_POSITION, PLACE_STOP, MOVE_STOP -> !positions.containsKey(enforcement.contractId());
      case REDUCE_POSITION -> {
        Position position = position(enforcement.contractId());
        yield position == null || position.getSize() <= enforcement.targetSize();
      }
      case CANCEL_ORDER -> !orders.containsKey(enforcement.orderId());
      default -> true;
    };
  }
}
