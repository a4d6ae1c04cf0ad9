package riskguard.connectors.sim;

/** Order and trade side with the gateway's codes (OrderSide: 0 Bid = buy, 1 Ask = sell). */
public enum Side {
  BUY(0),
  SELL(1);

  private final int code;

  Side(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  Side opposite() {
    return this == BUY ? SELL : BUY;
  }

  /** +1 for a buy, -1 for a sell: the sign a fill adds to a net position. */
  int sign() {
    return this == BUY ? 1 : -1;
  }

  static Side fromCode(int code) {
    for (Side side : values()) {
      if (side.code == code) {
        return side;
      }
    }
    throw new IllegalArgumentException("side must be 0 (buy) or 1 (sell), got " + code);
  }
}
