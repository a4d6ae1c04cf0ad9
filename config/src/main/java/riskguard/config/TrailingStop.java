package riskguard.config;

/**
 * RULE-012: once profit reaches {@code activationTicks}, keep the stop {@code distanceTicks} behind
 * the best price seen.
 */
public record TrailingStop(int activationTicks, int distanceTicks) {

  /** True when a position {@code profitTicks} in profit should have a trailing stop. */
  public boolean isActivatedBy(double profitTicks) {
    return profitTicks >= activationTicks;
  }
}
