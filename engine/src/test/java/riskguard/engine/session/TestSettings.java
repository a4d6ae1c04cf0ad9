package riskguard.engine.session;

import java.time.Duration;
import java.util.List;
import riskguard.config.PnlBasis;
import riskguard.config.TradingDay;
import riskguard.engine.model.RiskSettings;

/** The engine settings the session tests run with: the default trading day, net P&L, 10 s quote age, no accounts named. */
final class TestSettings {

  private TestSettings() {}

  static EngineSettings defaults() {
    return new EngineSettings(TradingDay.defaults(), new RiskSettings(PnlBasis.NET, Duration.ofSeconds(10)), List.of());
  }
}
