package riskguard.engine.model;

/** ProjectX OrderSide: 0 bid (buy), 1 ask (sell). */
public enum OrderSide {
  BUY,
  SELL;

  public static OrderSide fromCode(int code) {
    return switch (code) {
      case 0 -> BUY;
      case 1 -> SELL;
      default -> throw new IllegalArgumentException("unknown order side " + code);
    };
  }

  /** The side that closes a position of this type. */
  public static OrderSide closing(PositionType type) {
    return type == PositionType.LONG ? SELL : BUY;
  }
}
