package riskguard.app.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import riskguard.config.RiskguardConfig;

/**
 * What differs between the running config and the file's new one: the rule sections (limits,
 * applied live as new config facts) and the settings that only a restart can change.
 */
record ConfigChange(boolean ruleSectionsChanged, List<String> needsRestart) {

  /**
   * @param started the config the daemon started with: what a restart-only setting is compared to
   * @param runningSections the rule sections in force now
   */
  static ConfigChange between(RiskguardConfig started, List<Object> runningSections, RiskguardConfig next) {
    RiskguardConfig running = started;
    List<String> restart = new ArrayList<>();
    note(restart, "gateway", running.gateway().restUrl(), next.gateway().restUrl());
    note(restart, "gateway", running.gateway().userHubUrl(), next.gateway().userHubUrl());
    note(restart, "gateway", running.gateway().marketHubUrl(), next.gateway().marketHubUrl());
    note(restart, "gateway", running.gateway().username(), next.gateway().username());
    note(restart, "gateway", running.gateway().apiKey(), next.gateway().apiKey());
    note(restart, "accounts", running.accounts(), next.accounts());
    note(restart, "database", running.database(), next.database());
    note(restart, "rules_dir", running.rulesDir(), next.rulesDir());
    note(restart, "record", running.record(), next.record());
    note(restart, "trading_day", running.tradingDay(), next.tradingDay());
    note(restart, "pnl_basis", running.pnlBasis(), next.pnlBasis());
    note(restart, "max_quote_age_seconds", running.maxQuoteAgeSeconds(), next.maxQuoteAgeSeconds());
    note(restart, "status_port", running.statusPort(), next.statusPort());
    boolean sections = !runningSections.equals(next.rules().enabledSections());
    return new ConfigChange(sections, List.copyOf(restart));
  }

  private static void note(List<String> restart, String setting, Object running, Object next) {
    if (!Objects.equals(running, next) && !restart.contains(setting)) {
      restart.add(setting);
    }
  }

  boolean any() {
    return ruleSectionsChanged || !needsRestart.isEmpty();
  }
}
