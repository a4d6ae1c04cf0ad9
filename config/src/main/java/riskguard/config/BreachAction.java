package riskguard.config;

/**
 * What a P&L rule (RULE-004, RULE-005) or RULE-008 does on a breach: close the one position
 * concerned, or close all, cancel orders and lock out until the daily reset.
 */
public enum BreachAction {
  CLOSE_POSITION,
  CLOSE_ALL_AND_LOCKOUT
}
