package riskguard.engine.model;

import java.time.Duration;
import riskguard.config.PnlBasis;

/** Account-wide settings from the config's top level that rules read, as one fact. */
public record RiskSettings(PnlBasis pnlBasis, Duration maxQuoteAge) {}
