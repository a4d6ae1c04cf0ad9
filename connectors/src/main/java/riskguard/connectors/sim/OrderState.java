package riskguard.connectors.sim;

/** Order status with the gateway's codes (OrderStatus). */
public enum OrderState {
  OPEN(1),
  FILLED(2),
  CANCELLED(3),
  EXPIRED(4),
  REJECTED(5),
  PENDING(6);

  private final int code;

  OrderState(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
