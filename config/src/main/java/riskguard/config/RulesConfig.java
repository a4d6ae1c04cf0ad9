package riskguard.config;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The rule sections of the config, one record per rule; a section is null when it is absent from
 * the file or has {@code enabled: false}.
 */
public record RulesConfig(
    MaxContracts maxContracts,
    MaxContractsPerInstrument maxContractsPerInstrument,
    DailyRealizedLoss dailyRealizedLoss,
    DailyUnrealizedLoss dailyUnrealizedLoss,
    MaxUnrealizedProfit maxUnrealizedProfit,
    TradeFrequency tradeFrequency,
    CooldownAfterLoss cooldownAfterLoss,
    NoStopLossGrace noStopLossGrace,
    SessionHours sessionHours,
    AuthLossGuard authLossGuard,
    SymbolBlocks symbolBlocks,
    TradeManagement tradeManagement) {

  /** No rule enabled. */
  public static RulesConfig none() {
    return new RulesConfig(null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** The enabled sections in rule order, ready to insert into a rule session as facts. */
  public List<Object> enabledSections() {
    return Stream.of(
            maxContracts,
            maxContractsPerInstrument,
            dailyRealizedLoss,
            dailyUnrealizedLoss,
            maxUnrealizedProfit,
            tradeFrequency,
            cooldownAfterLoss,
            noStopLossGrace,
            sessionHours,
            authLossGuard,
            symbolBlocks,
            tradeManagement)
        .filter(Objects::nonNull)
        .map(Object.class::cast)
        .toList();
  }
}
