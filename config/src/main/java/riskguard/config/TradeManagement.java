package riskguard.config;

/** RULE-012: stop automation; either part may be null (not configured). */
public record TradeManagement(AutoBreakeven autoBreakeven, TrailingStop trailingStop) {}
