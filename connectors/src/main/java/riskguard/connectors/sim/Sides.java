package riskguard.connectors.sim;

import riskguard.connectors.projectx.model.OrderSide;

/** Arithmetic on sides: BID buys and adds contracts, ASK sells and removes them. */
final class Sides {

  private Sides() {}

  /** +1 for a buy, −1 for a sell: the sign a fill adds to a net position. */
  static int sign(OrderSide side) {
    return side == OrderSide.BID ? 1 : -1;
  }

  static OrderSide opposite(OrderSide side) {
    return side == OrderSide.BID ? OrderSide.ASK : OrderSide.BID;
  }

  static String word(OrderSide side) {
    return side == OrderSide.BID ? "buy" : "sell";
  }
}
