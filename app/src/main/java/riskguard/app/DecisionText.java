package riskguard.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import riskguard.engine.enforcement.Action;
import riskguard.engine.enforcement.Decision;

/** How a decision is printed: one short line a trader reads, or one JSON object (RECORDING_FORMAT.md). */
public final class DecisionText {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DecisionText() {}

  /** {@code 2025-03-10T14:32:00Z  account 12345  RULE-003  lock out until …  (why)}. */
  public static String plain(Decision decision) {
    return decision.ts() + "  account " + decision.accountId() + "  " + decision.rule() + "  "
        + action(decision) + "  (" + decision.reason() + ")";
  }

  /**
   * The fields of {@code simulate --json}: those an action does not use are left out, except
   * {@code until} of a lockout, which is null for an indefinite one.
   */
  public static String json(Decision decision) {
    ObjectNode line = JSON.createObjectNode()
        .put("ts", decision.ts().toString())
        .put("accountId", decision.accountId())
        .put("rule", decision.rule())
        .put("action", decision.action().name());
    if (decision.contractId() != null) {
      line.put("contractId", decision.contractId());
    }
    if (decision.size() != null) {
      line.put("size", decision.size());
    }
    if (decision.orderId() != null) {
      line.put("orderId", decision.orderId());
    }
    if (decision.until() != null) {
      line.put("until", decision.until().toString());
    } else if (decision.action() == Action.LOCKOUT) {
      line.putNull("until");
    }
    if (decision.symbol() != null) {
      line.put("symbol", decision.symbol());
    }
    if (decision.stopPrice() != null) {
      line.put("stopPrice", decision.stopPrice());
    }
    if (decision.level() != null) {
      line.put("level", decision.level());
    }
    line.put("reason", decision.reason());
    return line.toString();
  }

  /** What the action does, in a few words: {@code close all positions}, {@code cancel order 12}. */
  public static String action(Decision decision) {
    return switch (decision.action()) {
      case CLOSE_POSITION -> "close " + decision.contractId();
      case REDUCE_POSITION -> "close " + decision.size() + " of " + decision.contractId();
      case CLOSE_ALL -> "close all positions";
      case CANCEL_ORDER -> "cancel order " + decision.orderId();
      case CANCEL_ALL_ORDERS -> "cancel all orders";
      case LOCKOUT -> (decision.symbol() != null ? "lock out " + decision.symbol() : "lock out")
          + (decision.until() != null ? " until " + decision.until() : " indefinitely");
      case COOLDOWN -> "cool down until " + decision.until();
      case UNLOCK -> decision.symbol() != null ? "unlock " + decision.symbol() : "unlock";
      case PLACE_STOP -> "place a stop at " + decision.stopPrice() + " for " + decision.contractId();
      case MOVE_STOP -> "move stop order " + decision.orderId() + " to " + decision.stopPrice();
      case WARNING -> "warning: " + decision.level() + "% of the limit";
    };
  }
}
