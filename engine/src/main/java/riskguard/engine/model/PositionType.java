package riskguard.engine.model;

/** ProjectX PositionType: 1 long, 2 short (0 undefined is rejected by the decoder). */
public enum PositionType {
  LONG,
  SHORT;

  /** +1 for long, −1 for short: the sign of a position's P&L per point. */
  public int sign() {
    return this == LONG ? 1 : -1;
  }

  public static PositionType fromCode(int code) {
    return switch (code) {
      case 1 -> LONG;
      case 2 -> SHORT;
      default -> throw new IllegalArgumentException("unknown position type " + code);
    };
  }
}
