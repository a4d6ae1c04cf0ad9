package riskguard.config;

/** What RULE-001 and RULE-002 do on a breach: close everything, or only the excess. */
public enum LimitAction {
  CLOSE_ALL,
  REDUCE_TO_LIMIT
}
