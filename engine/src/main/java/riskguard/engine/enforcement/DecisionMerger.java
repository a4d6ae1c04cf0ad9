package riskguard.engine.enforcement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merges the decisions of one event so the gateway sees the strongest action once
 * (RULES.md "Rule precedence"): close-all beats close-one beats reduce (the largest
 * reduce of a contract wins), cancel-all beats cancel-one, and of several lockouts of the
 * same scope (account or symbol) the later-ending one wins, an indefinite one latest of
 * all. Stop orders for a contract that is being closed are dropped. Identical actions
 * collapse into one.
 */
final class DecisionMerger {

  private static final Comparator<Decision> STRONGEST_FIRST =
      Comparator.comparingInt(decision -> strength(decision.action()));

  private DecisionMerger() {}

  static List<Decision> merge(List<Decision> decisions) {
    boolean closeAll = has(decisions, Action.CLOSE_ALL);
    boolean cancelAll = has(decisions, Action.CANCEL_ALL_ORDERS);
    Map<String, Decision> closes = new LinkedHashMap<>();
    Map<String, Decision> reduces = new LinkedHashMap<>();
    Map<Long, Decision> cancels = new LinkedHashMap<>();
    Map<String, Decision> lockouts = new LinkedHashMap<>();
    Map<String, Decision> others = new LinkedHashMap<>();
    Decision firstCloseAll = null;
    Decision firstCancelAll = null;

    for (Decision decision : decisions) {
      switch (decision.action()) {
        case CLOSE_ALL -> firstCloseAll = firstCloseAll == null ? decision : firstCloseAll;
        case CANCEL_ALL_ORDERS -> firstCancelAll = firstCancelAll == null ? decision : firstCancelAll;
        case CLOSE_POSITION -> closes.putIfAbsent(decision.contractId(), decision);
        case REDUCE_POSITION -> reduces.merge(decision.contractId(), decision, DecisionMerger::largerReduce);
        case CANCEL_ORDER -> cancels.putIfAbsent(decision.orderId(), decision);
        case LOCKOUT, COOLDOWN -> lockouts.merge(Objects.toString(decision.symbol(), ""), decision, DecisionMerger::laterEnding);
        default -> others.putIfAbsent(identity(decision), decision);
      }
    }

    List<Decision> merged = new ArrayList<>();
    if (closeAll) {
      merged.add(firstCloseAll);
    } else {
      merged.addAll(closes.values());
      reduces.values().stream().filter(reduce -> !closes.containsKey(reduce.contractId())).forEach(merged::add);
    }
    if (cancelAll) {
      merged.add(firstCancelAll);
    } else {
      merged.addAll(cancels.values());
    }
    merged.addAll(lockouts.values());
    for (Decision other : others.values()) {
      boolean stopOnClosedContract =
          (other.action() == Action.PLACE_STOP || other.action() == Action.MOVE_STOP)
              && (closeAll || closes.containsKey(other.contractId()));
      if (!stopOnClosedContract) {
        merged.add(other);
      }
    }
    merged.sort(STRONGEST_FIRST);
    return merged;
  }

  private static boolean has(List<Decision> decisions, Action action) {
    for (Decision decision : decisions) {
      if (decision.action() == action) {
        return true;
      }
    }
    return false;
  }

  private static Decision largerReduce(Decision kept, Decision candidate) {
    return candidate.size() > kept.size() ? candidate : kept;
  }

  private static Decision laterEnding(Decision kept, Decision candidate) {
    if (kept.until() == null) {
      return kept;
    }
    if (candidate.until() == null || candidate.until().isAfter(kept.until())) {
      return candidate;
    }
    return kept;
  }

  private static String identity(Decision decision) {
    return decision.action() + "|" + decision.rule() + "|" + decision.contractId() + "|"
        + decision.orderId() + "|" + decision.symbol() + "|" + decision.stopPrice();
  }

  private static int strength(Action action) {
    return switch (action) {
      case CLOSE_ALL -> 0;
      case CLOSE_POSITION -> 1;
      case REDUCE_POSITION -> 2;
      case CANCEL_ALL_ORDERS -> 3;
      case CANCEL_ORDER -> 4;
      case LOCKOUT, COOLDOWN -> 5;
      case UNLOCK -> 6;
      case PLACE_STOP, MOVE_STOP -> 7;
      case WARNING -> 8;
    };
  }
}
