package riskguard.config;

/** RULE-010: flatten and lock out while the gateway says the account may not trade. */
public record AuthLossGuard() {}
