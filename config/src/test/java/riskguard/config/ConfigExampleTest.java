package riskguard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example file of CONFIG.md, copied verbatim, loads with every value as written. */
class ConfigExampleTest {

  private static final Map<String, String> ENVIRONMENT =
      Map.of("PROJECTX_USERNAME", "trader@example.com", "PROJECTX_API_KEY", "k3y-s3cr3t");

  @TempDir Path directory;
  private Path file;
  private RiskguardConfig config;

  @BeforeEach
  void load() throws IOException {
    file = directory.resolve("riskguard.yaml");
    try (InputStream example = getClass().getResourceAsStream("/config-md-example.yaml")) {
      Files.copy(example, file);
    }
    config = new ConfigLoader(ENVIRONMENT).read(file);
  }

  @Test
  void gatewayAndCredentialsComeFromTheFileAndTheEnvironment() {
    GatewayConfig gateway = config.gateway();
    assertThat(gateway.restUrl()).isEqualTo(URI.create("https://api.topstepx.com"));
    assertThat(gateway.userHubUrl()).isEqualTo(URI.create("https://rtc.topstepx.com/hubs/user"));
    assertThat(gateway.marketHubUrl())
        .isEqualTo(URI.create("https://rtc.topstepx.com/hubs/market"));
    assertThat(gateway.username()).isEqualTo("trader@example.com");
    assertThat(gateway.apiKey().reveal()).isEqualTo("k3y-s3cr3t");
  }

  @Test
  void globalSettingsResolvePathsAgainstTheFilesDirectory() {
    assertThat(config.source()).isEqualTo(file.toAbsolutePath().normalize());
    assertThat(config.accounts().all()).isTrue();
    assertThat(config.rulesDir())
        .isEqualTo(directory.resolve("rules").toAbsolutePath().normalize());
    assertThat(config.database())
        .isEqualTo(directory.resolve("data/riskguard.db").toAbsolutePath());
    assertThat(config.record()).isEqualTo(directory.resolve("data/recordings").toAbsolutePath());
    assertThat(config.tradingDay())
        .isEqualTo(new TradingDay(LocalTime.of(17, 0), ZoneId.of("America/New_York")));
    assertThat(config.pnlBasis()).isEqualTo(PnlBasis.NET);
    assertThat(config.maxQuoteAgeSeconds()).isEqualTo(10);
  }

  @Test
  void positionLimitRules() {
    RulesConfig rules = config.rules();
    assertThat(rules.maxContracts())
        .isEqualTo(new MaxContracts(5, CountType.NET, LimitAction.CLOSE_ALL));
    assertThat(rules.maxContractsPerInstrument())
        .isEqualTo(
            new MaxContractsPerInstrument(
                Map.of("MNQ", 2, "ES", 1),
                LimitAction.REDUCE_TO_LIMIT,
                UnknownSymbolAction.ALLOW_UNLIMITED,
                null));
  }

  @Test
  void profitAndLossRules() {
    RulesConfig rules = config.rules();
    assertThat(rules.dailyRealizedLoss()).isEqualTo(new DailyRealizedLoss(500));
    assertThat(rules.dailyUnrealizedLoss())
        .isEqualTo(new DailyUnrealizedLoss(300, Scope.TOTAL, BreachAction.CLOSE_ALL_AND_LOCKOUT));
    assertThat(rules.maxUnrealizedProfit())
        .isEqualTo(
            new MaxUnrealizedProfit(
                1000, ProfitMode.PROFIT_TARGET, Scope.TOTAL, BreachAction.CLOSE_ALL_AND_LOCKOUT));
  }

  @Test
  void tradingBehaviourRules() {
    RulesConfig rules = config.rules();
    assertThat(rules.tradeFrequency()).isEqualTo(new TradeFrequency(3, 10, 50, 60, 1800, 3600));
    assertThat(rules.cooldownAfterLoss().thresholds())
        .containsExactly(
            new LossThreshold(100, 300), new LossThreshold(200, 900), new LossThreshold(300, 1800));
    assertThat(rules.noStopLossGrace())
        .isEqualTo(new NoStopLossGrace(30, BreachAction.CLOSE_POSITION));
    assertThat(rules.authLossGuard()).isEqualTo(new AuthLossGuard());
    assertThat(rules.symbolBlocks()).isEqualTo(new SymbolBlocks(Set.of("RTY", "BTC"), true));
    assertThat(rules.symbolBlocks().blocked()).as("in the config's order, the same on every run")
        .containsExactly("RTY", "BTC");
    assertThat(rules.tradeManagement())
        .isEqualTo(new TradeManagement(new AutoBreakeven(10, 0), new TrailingStop(20, 10)));
  }

  @Test
  void sessionHours() {
    SessionHours session = config.rules().sessionHours();
    assertThat(session.start()).isEqualTo(LocalTime.of(9, 30));
    assertThat(session.end()).isEqualTo(LocalTime.of(16, 0));
    assertThat(session.timezone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(session.days())
        .containsExactlyInAnyOrder(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY);
    assertThat(session.perSymbol())
        .containsOnlyKeys("ES")
        .containsEntry(
            "ES",
            new SymbolSession(
                LocalTime.of(18, 0),
                LocalTime.of(17, 0),
                ZoneId.of("America/Chicago"),
                DayOfWeek.SUNDAY,
                DayOfWeek.FRIDAY,
                Set.of()));
    assertThat(session.holidays())
        .containsExactly(LocalDate.of(2025, 12, 25), LocalDate.of(2026, 1, 1));
    assertThat(session.closeAtSessionEnd()).isTrue();
  }

  @Test
  void everyRuleSectionIsAFactInRuleOrder() {
    assertThat(config.rules().enabledSections())
        .hasSize(12)
        .first()
        .isInstanceOf(MaxContracts.class);
    assertThat(config.rules().enabledSections().get(11)).isInstanceOf(TradeManagement.class);
  }
}
