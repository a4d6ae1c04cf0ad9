package riskguard.config;

/**
 * RULE-012: once profit reaches {@code triggerTicks}, move the stop to entry ± {@code offsetTicks}.
 */
public record AutoBreakeven(int triggerTicks, int offsetTicks) {}
