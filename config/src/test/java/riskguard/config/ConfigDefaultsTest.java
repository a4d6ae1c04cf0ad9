package riskguard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys left out take the defaults CONFIG.md and RULES.md give. */
class ConfigDefaultsTest {

  @TempDir Path directory;

  private RiskguardConfig load(String yaml) throws IOException {
    Path file = directory.resolve("riskguard.yaml");
    Files.writeString(file, yaml);
    return new ConfigLoader(Map.of()).read(file);
  }

  @Test
  void anEmptyMappingGivesTheGlobalDefaultsAndNoRules() throws IOException {
    RiskguardConfig config = load("{}\n");
    assertThat(config.gateway()).isEqualTo(GatewayConfig.production());
    assertThat(config.gateway().hasCredentials()).isFalse();
    assertThat(config.accounts()).isEqualTo(AccountSelector.allAccounts());
    assertThat(config.rulesDir()).isNull();
    assertThat(config.database())
        .isEqualTo(directory.resolve("data/riskguard.db").toAbsolutePath());
    assertThat(config.record()).isNull();
    assertThat(config.tradingDay())
        .isEqualTo(new TradingDay(LocalTime.of(17, 0), ZoneId.of("America/New_York")));
    assertThat(config.pnlBasis()).isEqualTo(PnlBasis.NET);
    assertThat(config.maxQuoteAgeSeconds()).isEqualTo(10);
    assertThat(config.statusPort()).isEqualTo(7311);
    assertThat(config.rules()).isEqualTo(RulesConfig.none());
    assertThat(config.rules().enabledSections()).isEmpty();
  }

  @Test
  void statusPortZeroAsksForAnyFreePort() throws IOException {
    assertThat(load("status_port: 0\n").statusPort()).isZero();
    assertThat(load("status_port: 8311\n").statusPort()).isEqualTo(8311);
  }

  @Test
  void ruleSectionsWithOnlyTheirRequiredKeysTakeTheDocumentedDefaults() throws IOException {
    RulesConfig rules =
        load("""
             rules:
               max_contracts: {limit: 5}
               max_contracts_per_instrument: {limits: {mnq: 2}}
               daily_unrealized_loss: {limit: 300}
               max_unrealized_profit: {target: 1000}
               trade_frequency: {per_minute: 3}
               no_stop_loss_grace: {}
               session_hours: {start: "09:30", end: "16:00"}
               auth_loss_guard:
               symbol_blocks: {blocked: [rty]}
             """)
            .rules();
    assertThat(rules.maxContracts())
        .isEqualTo(new MaxContracts(5, CountType.NET, LimitAction.CLOSE_ALL));
    assertThat(rules.maxContractsPerInstrument())
        .isEqualTo(
            new MaxContractsPerInstrument(
                Map.of("MNQ", 2),
                LimitAction.REDUCE_TO_LIMIT,
                UnknownSymbolAction.ALLOW_UNLIMITED,
                null));
    assertThat(rules.dailyUnrealizedLoss())
        .isEqualTo(new DailyUnrealizedLoss(300, Scope.TOTAL, BreachAction.CLOSE_ALL_AND_LOCKOUT));
    assertThat(rules.maxUnrealizedProfit())
        .isEqualTo(
            new MaxUnrealizedProfit(
                1000, ProfitMode.PROFIT_TARGET, Scope.TOTAL, BreachAction.CLOSE_ALL_AND_LOCKOUT));
    assertThat(rules.tradeFrequency()).isEqualTo(new TradeFrequency(3, null, null, 60, 1800, 3600));
    assertThat(rules.noStopLossGrace())
        .isEqualTo(new NoStopLossGrace(30, BreachAction.CLOSE_POSITION));
    assertThat(rules.sessionHours().timezone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(rules.sessionHours().days())
        .isEqualTo(
            Set.of(
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY));
    assertThat(rules.sessionHours().holidays()).isEmpty();
    assertThat(rules.sessionHours().perSymbol()).isEmpty();
    assertThat(rules.sessionHours().closeAtSessionEnd()).isFalse();
    assertThat(rules.authLossGuard()).isEqualTo(new AuthLossGuard());
    assertThat(rules.symbolBlocks()).isEqualTo(new SymbolBlocks(Set.of("RTY"), true));
    assertThat(rules.dailyRealizedLoss()).isNull();
    assertThat(rules.cooldownAfterLoss()).isNull();
    assertThat(rules.tradeManagement()).isNull();
  }

  @Test
  void enabledFalseTurnsARuleOffAndEnabledTrueKeepsItOn() throws IOException {
    RulesConfig rules =
        load("""
             rules:
               daily_realized_loss: {enabled: false, limit: 500}
               max_contracts: {enabled: true, limit: 2}
             """)
            .rules();
    assertThat(rules.dailyRealizedLoss()).isNull();
    assertThat(rules.maxContracts().limit()).isEqualTo(2);
  }

  @Test
  void breakevenModeNeedsNoTargetAndPerSymbolSessionsInheritTheGlobalZoneAndDays()
      throws IOException {
    RulesConfig rules =
        load("""
rules:
  max_unrealized_profit: {mode: breakeven, scope: per_position, action: close_position}
  session_hours:
    start: "09:30"
    end: "16:00"
    timezone: America/Chicago
    days: [mon, Tuesday]
    per_symbol:
      cl: {start: "08:00", end: "13:30"}
""")
            .rules();
    assertThat(rules.maxUnrealizedProfit())
        .isEqualTo(
            new MaxUnrealizedProfit(
                0, ProfitMode.BREAKEVEN, Scope.PER_POSITION, BreachAction.CLOSE_POSITION));
    assertThat(rules.sessionHours().sessionOf("CL"))
        .isEqualTo(
            new SymbolSession(
                LocalTime.of(8, 0),
                LocalTime.of(13, 30),
                ZoneId.of("America/Chicago"),
                null,
                null,
                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY)));
  }

  @Test
  void theGatewaysProductCodesNameTheTradersRootInEveryRule() throws IOException {
    RulesConfig rules =
        load("""
             rules:
               max_contracts_per_instrument: {limits: {ep: 1, ENQ: 2}}
               session_hours:
                 start: "09:30"
                 end: "16:00"
                 per_symbol: {EP: {start: "18:00", end: "17:00"}}
               symbol_blocks: {blocked: [enq]}
             """)
            .rules();
    assertThat(rules.maxContractsPerInstrument().limits()).isEqualTo(Map.of("ES", 1, "NQ", 2));
    assertThat(rules.maxContractsPerInstrument().limitFor("ES")).isEqualTo(1);
    assertThat(rules.sessionHours().sessionOf("ES")).isNotNull();
    assertThat(rules.symbolBlocks().blocked()).containsExactly("NQ");
  }

  @Test
  void accountsCanBeListedByIdOrName() throws IOException {
    AccountSelector accounts = load("accounts: [536, PRAC-V2-1]\n").accounts();
    assertThat(accounts.all()).isFalse();
    assertThat(accounts.matches(536, "other")).isTrue();
    assertThat(accounts.matches(7, "PRAC-V2-1")).isTrue();
    assertThat(accounts.matches(7, "other")).isFalse();
  }
}
