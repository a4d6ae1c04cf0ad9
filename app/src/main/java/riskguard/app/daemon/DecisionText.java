package riskguard.app.daemon;

import riskguard.engine.enforcement.Decision;

/** How a decision's target reads in a log line: " CON.F.US.MNQ.Z25", " order 12", " until …". */
final class DecisionText {

  private DecisionText() {}

  static String target(Decision decision) {
    StringBuilder text = new StringBuilder();
    if (decision.contractId() != null) {
      text.append(' ').append(decision.contractId());
    }
    if (decision.size() != null) {
      text.append(" x").append(decision.size());
    }
    if (decision.orderId() != null) {
      text.append(" order ").append(decision.orderId());
    }
    if (decision.stopPrice() != null) {
      text.append(" stop ").append(decision.stopPrice());
    }
    if (decision.symbol() != null) {
      text.append(" symbol ").append(decision.symbol());
    }
    if (decision.until() != null) {
      text.append(" until ").append(decision.until());
    }
    return text.toString();
  }

  /** What the idempotency record names as the decision's target. */
  static String claimTarget(Decision decision) {
    if (decision.orderId() != null) {
      return "order " + decision.orderId();
    }
    return decision.contractId() != null ? decision.contractId() : "account " + decision.accountId();
  }
}
