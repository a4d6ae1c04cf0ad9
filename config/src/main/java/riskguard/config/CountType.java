package riskguard.config;

/**
 * How RULE-001 counts contracts: {@code NET} offsets longs against shorts within each symbol root
 * before summing the roots; {@code GROSS} sums every position's size.
 */
public enum CountType {
  NET,
  GROSS
}
