package riskguard.engine.session;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import riskguard.config.RiskguardConfig;
import riskguard.config.RulesConfig;
import riskguard.config.TradingDay;
import riskguard.engine.model.RiskSettings;

/**
 * What every session is set up with: the trading day's reset, the account-wide settings
 * rules read, and the enabled rule sections of the config (inserted as facts, so rules read
 * their limits straight from them).
 */
public record EngineSettings(TradingDay tradingDay, RiskSettings risk, List<Object> ruleSections) {

  /**
   * Every type a config fact can have: the rule sections and the risk settings. Sessions hold
   * these facts from their start, and only a config change changes them, so a rule whose first
   * patterns are of these types and match none of them cannot fire ({@link IdleRules}).
   */
  public static final Set<Class<?>> CONFIG_TYPES = configTypes();

  public EngineSettings {
    ruleSections = List.copyOf(ruleSections);
  }

  /** The same settings with the config's rule sections replaced (a config reload). */
  public EngineSettings withRuleSections(List<Object> sections) {
    return new EngineSettings(tradingDay, risk, sections);
  }

  /** The facts every session starts with from the config: the risk settings and the enabled rule sections. */
  public List<Object> configFacts() {
    List<Object> facts = new ArrayList<>();
    facts.add(risk);
    facts.addAll(ruleSections);
    return facts;
  }

  private static Set<Class<?>> configTypes() {
    Set<Class<?>> types = new LinkedHashSet<>();
    types.add(RiskSettings.class);
    for (RecordComponent section : RulesConfig.class.getRecordComponents()) {
      types.add(section.getType());
    }
    return Collections.unmodifiableSet(types);
  }

  public static EngineSettings from(RiskguardConfig config) {
    return new EngineSettings(
        config.tradingDay(),
        new RiskSettings(config.pnlBasis(), Duration.ofSeconds(config.maxQuoteAgeSeconds())),
        config.rules().enabledSections());
  }
}
