package riskguard.config;

/** One RULE-007 step: a loss of {@code loss} dollars or more gives {@code cooldown} seconds. */
public record LossThreshold(double loss, int cooldown) {}
