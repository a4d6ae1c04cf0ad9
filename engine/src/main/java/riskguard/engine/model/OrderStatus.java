package riskguard.engine.model;

/** ProjectX OrderStatus, in code order (0 none … 6 pending). */
public enum OrderStatus {
  NONE,
  OPEN,
  FILLED,
  CANCELLED,
  EXPIRED,
  REJECTED,
  PENDING;

  public static OrderStatus fromCode(int code) {
    if (code < 0 || code >= values().length) {
      throw new IllegalArgumentException("unknown order status " + code);
    }
    return values()[code];
  }

  /** Open or pending: the order can still fill. Other statuses are final. */
  public boolean isWorking() {
    return this == OPEN || this == PENDING;
  }
}
