package riskguard.engine.session;

import java.time.Duration;
import java.util.List;
import riskguard.config.RiskguardConfig;
import riskguard.config.TradingDay;
import riskguard.engine.model.RiskSettings;

/**
 * What every session is set up with: the trading day's reset, the account-wide settings
 * rules read, and the enabled rule sections of the config (inserted as facts, so rules read
 * their limits straight from them).
 */
public record EngineSettings(TradingDay tradingDay, RiskSettings risk, List<Object> ruleSections) {

  public EngineSettings {
    ruleSections = List.copyOf(ruleSections);
  }

  public static EngineSettings from(RiskguardConfig config) {
    return new EngineSettings(
        config.tradingDay(),
        new RiskSettings(config.pnlBasis(), Duration.ofSeconds(config.maxQuoteAgeSeconds())),
        config.rules().enabledSections());
  }
}
