package riskguard.connectors.sim;

/** Order type with the gateway's codes (OrderType; 0 Unknown is never accepted). */
public enum OrderKind {
  LIMIT(1),
  MARKET(2),
  STOP_LIMIT(3),
  STOP(4),
  TRAILING_STOP(5),
  JOIN_BID(6),
  JOIN_ASK(7);

  private final int code;

  OrderKind(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  static OrderKind fromCode(int code) {
    for (OrderKind kind : values()) {
      if (kind.code == code) {
        return kind;
      }
    }
    throw new IllegalArgumentException("order type must be 1..7, got " + code);
  }
}
