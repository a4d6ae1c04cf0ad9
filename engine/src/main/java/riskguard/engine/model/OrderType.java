package riskguard.engine.model;

/** ProjectX OrderType, in code order (0 unknown … 7 join ask). */
public enum OrderType {
  UNKNOWN,
  LIMIT,
  MARKET,
  STOP_LIMIT,
  STOP,
  TRAILING_STOP,
  JOIN_BID,
  JOIN_ASK;

  public static OrderType fromCode(int code) {
    if (code < 0 || code >= values().length) {
      throw new IllegalArgumentException("unknown order type " + code);
    }
    return values()[code];
  }

  /** Stop, stop-limit and trailing stop orders: the kinds that can protect a position. */
  public boolean isStop() {
    return this == STOP || this == STOP_LIMIT || this == TRAILING_STOP;
  }
}
