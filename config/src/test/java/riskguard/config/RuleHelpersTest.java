package riskguard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The convenience methods the rules call, on sections loaded from real YAML. */
class RuleHelpersTest {

  @TempDir Path directory;

  private RulesConfig rules(String rulesYaml) throws IOException {
    Path file = directory.resolve("riskguard.yaml");
    Files.writeString(file, "rules:\n" + rulesYaml.indent(2));
    return new ConfigLoader(Map.of()).read(file).rules();
  }

  @Test
  void cooldownAfterLossPicksTheLargestThresholdReached() throws IOException {
    CooldownAfterLoss cooldowns =
        rules(
                """
                cooldown_after_loss:
                  thresholds:
                    - {loss: 300, cooldown: 1800}
                    - {loss: 100, cooldown: 300}
                    - {loss: 200, cooldown: 900}
                """)
            .cooldownAfterLoss();
    assertThat(cooldowns.thresholds())
        .extracting(LossThreshold::loss)
        .containsExactly(100.0, 200.0, 300.0);
    assertThat(cooldowns.cooldownSecondsFor(-75)).isZero();
    assertThat(cooldowns.cooldownSecondsFor(-150)).isEqualTo(300);
    assertThat(cooldowns.cooldownSecondsFor(-250)).isEqualTo(900);
    assertThat(cooldowns.cooldownSecondsFor(-350)).isEqualTo(1800);
    assertThat(cooldowns.cooldownSecondsFor(-100)).as("reaching a threshold counts").isEqualTo(300);
    assertThat(cooldowns.cooldownSecondsFor(0)).isZero();
    assertThat(cooldowns.cooldownSecondsFor(400)).isZero();
  }

  @Test
  void limitForAppliesTheConfiguredLimitOrTheUnknownSymbolAction() throws IOException {
    String limits =
        "max_contracts_per_instrument: {limits: {MNQ: 2, es: 1}, unknown_symbol_action: %s}";
    MaxContractsPerInstrument block = rules(limits.formatted("block")).maxContractsPerInstrument();
    MaxContractsPerInstrument unlimited =
        rules(limits.formatted("allow_unlimited")).maxContractsPerInstrument();
    MaxContractsPerInstrument withLimit =
        rules(limits.formatted("allow_with_limit:3")).maxContractsPerInstrument();

    assertThat(block.limitFor("ES")).isEqualTo(1);
    assertThat(block.limitFor("mnq")).isEqualTo(2);
    assertThat(block.limitFor("RTY")).isZero();
    assertThat(block.excessFor("RTY", 2)).isEqualTo(2);

    assertThat(unlimited.unknownSymbolAction()).isEqualTo(UnknownSymbolAction.ALLOW_UNLIMITED);
    assertThat(unlimited.limitFor("ES")).isEqualTo(1);
    assertThat(unlimited.limitFor("RTY")).isNull();
    assertThat(unlimited.excessFor("RTY", 40)).isZero();

    assertThat(withLimit.unknownSymbolAction()).isEqualTo(UnknownSymbolAction.ALLOW_WITH_LIMIT);
    assertThat(withLimit.unknownSymbolLimit()).isEqualTo(3);
    assertThat(withLimit.limitFor("RTY")).isEqualTo(3);
    assertThat(withLimit.excessFor("MNQ", -3)).as("a short of 3 with limit 2").isEqualTo(1);
  }

  @Test
  void breachComparisonsFollowTheSpecsBoundaries() throws IOException {
    RulesConfig rules =
        rules(
            """
            max_contracts: {limit: 5}
            daily_realized_loss: {limit: 500}
            daily_unrealized_loss: {limit: 300}
            max_unrealized_profit: {target: 1000}
            trade_frequency: {per_minute: 3}
            symbol_blocks: {blocked: [RTY, btc]}
            """);
    assertThat(rules.maxContracts().isExceededBy(5)).isFalse();
    assertThat(rules.maxContracts().isExceededBy(6)).isTrue();
    assertThat(rules.dailyRealizedLoss().isBreachedBy(-499.99)).isFalse();
    assertThat(rules.dailyRealizedLoss().isBreachedBy(-500)).isTrue();
    assertThat(rules.dailyUnrealizedLoss().isBreachedBy(-300)).isFalse();
    assertThat(rules.dailyUnrealizedLoss().isBreachedBy(-310)).isTrue();
    assertThat(rules.maxUnrealizedProfit().isReachedBy(1000)).isFalse();
    assertThat(rules.maxUnrealizedProfit().isReachedBy(1020)).isTrue();
    assertThat(rules.tradeFrequency().exceedsPerMinute(3)).isFalse();
    assertThat(rules.tradeFrequency().exceedsPerMinute(4)).isTrue();
    assertThat(rules.tradeFrequency().exceedsPerHour(1000)).as("no hourly limit set").isFalse();
    assertThat(rules.symbolBlocks().isBlocked("btc")).isTrue();
    assertThat(rules.symbolBlocks().isBlocked("ES")).isFalse();
  }

  @Test
  void tradeManagementTriggersWhenProfitReachesItsTicks() throws IOException {
    TradeManagement management =
        rules(
                """
                trade_management:
                  auto_breakeven: {trigger_ticks: 10}
                  trailing_stop: {activation_ticks: 20, distance_ticks: 10}
                """)
            .tradeManagement();
    assertThat(management.autoBreakeven().offsetTicks()).isZero();
    assertThat(management.autoBreakeven().isTriggeredBy(9.75)).isFalse();
    assertThat(management.autoBreakeven().isTriggeredBy(10)).isTrue();
    assertThat(management.trailingStop().isActivatedBy(19)).isFalse();
    assertThat(management.trailingStop().isActivatedBy(20)).isTrue();
  }
}
