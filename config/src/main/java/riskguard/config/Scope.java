package riskguard.config;

/** Whether a P&L limit applies to each position alone or to all open positions together. */
public enum Scope {
  PER_POSITION,
  TOTAL
}
