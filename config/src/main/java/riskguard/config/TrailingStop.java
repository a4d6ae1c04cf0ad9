package riskguard.config;

/**
 * RULE-012: once profit reaches {@code activationTicks}, keep the stop {@code distanceTicks} behind
 * the best price seen.
 */
public record TrailingStop(int activationTicks, int distanceTicks) {}
