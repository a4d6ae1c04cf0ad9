package riskguard.config;

/**
 * RULE-012: once profit reaches {@code triggerTicks}, move the stop to entry ± {@code offsetTicks}.
 */
public record AutoBreakeven(int triggerTicks, int offsetTicks) {

  /** True when a position {@code profitTicks} in profit should have its stop at breakeven. */
  public boolean isTriggeredBy(double profitTicks) {
    return profitTicks >= triggerTicks;
  }
}
