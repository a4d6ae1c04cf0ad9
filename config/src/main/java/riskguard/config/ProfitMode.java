package riskguard.config;

/**
 * RULE-005: {@code PROFIT_TARGET} closes when unrealized profit passes the target; {@code
 * BREAKEVEN} closes a position that was in profit once it falls back to zero.
 */
public enum ProfitMode {
  PROFIT_TARGET,
  BREAKEVEN
}
