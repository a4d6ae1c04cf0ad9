package riskguard.engine.model;

import java.math.BigDecimal;

/**
 * Stop prices for trade management (RULE-012): where breakeven and a trailing stop go, on
 * the contract's tick grid, and which of two stops protects a position more. A long's stop
 * protects more the higher it is, a short's the lower.
 */
public final class StopPrices {

  /** Prices within a millionth of a tick are the same price (binary fractions of 0.1 ticks). */
  private static final double SAME_PRICE_TICKS = 1e-6;

  private StopPrices() {}

  /**
   * The entry moved {@code offsetTicks} in the position's favour: above the entry for a
   * long, below for a short. An average price between ticks rounds toward the market, so
   * the stop never gives back more than breakeven.
   */
  public static double breakeven(PositionType type, double entry, double tickSize, int offsetTicks) {
    return onTick(type, entry + type.sign() * offsetTicks * tickSize, tickSize);
  }

  /** {@code distanceTicks} behind {@code best}: below it for a long, above it for a short. */
  public static double trailing(PositionType type, double best, double tickSize, int distanceTicks) {
    return onTick(type, best - type.sign() * distanceTicks * tickSize, tickSize);
  }

  /** True when a stop at {@code candidate} protects a position of {@code type} more than {@code current} (or there is none). */
  public static boolean tighter(PositionType type, double candidate, Double current, double tickSize) {
    return current == null || (candidate - current) * type.sign() > SAME_PRICE_TICKS * tickSize;
  }

  /** Rounds to the tick grid toward the market: up for a long's stop, down for a short's. */
  static double onTick(PositionType type, double price, double tickSize) {
    double ticks = price / tickSize;
    long onGrid = type == PositionType.LONG
        ? (long) Math.ceil(ticks - SAME_PRICE_TICKS)
        : (long) Math.floor(ticks + SAME_PRICE_TICKS);
    return BigDecimal.valueOf(tickSize).multiply(BigDecimal.valueOf(onGrid)).doubleValue();
  }
}
