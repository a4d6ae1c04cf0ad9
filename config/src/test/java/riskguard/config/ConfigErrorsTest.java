package riskguard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of mistake an operator can make is reported with its file, line and key. */
class ConfigErrorsTest {

  @TempDir Path directory;

  private Path write(String yaml) throws IOException {
    Path file = directory.resolve("riskguard.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }

  private ConfigException loadFailure(String yaml, Map<String, String> environment)
      throws IOException {
    Path file = write(yaml);
    return catchThrowableOfType(
        ConfigException.class, () -> new ConfigLoader(environment).read(file));
  }

  private ConfigError onlyError(String yaml) throws IOException {
    ConfigException failure = loadFailure(yaml, Map.of());
    assertThat(failure).as("loading should fail").isNotNull();
    assertThat(failure.errors()).hasSize(1);
    return failure.errors().get(0);
  }

  @Test
  void unknownKeyNamesTheKeyPathLineAndNearestValidKey() throws IOException {
    ConfigError error =
        onlyError(
            """
            rules:
              max_contracts:
                limt: 5
            """);
    assertThat(error.file()).isEqualTo(directory.resolve("riskguard.yaml").toString());
    assertThat(error.line()).isEqualTo(3);
    assertThat(error.column()).isEqualTo(5);
    assertThat(error.key()).isEqualTo("rules.max_contracts.limt");
    assertThat(error.message()).contains("did you mean `limit`?");
  }

  @Test
  void unknownTopLevelAndRuleSectionKeysSuggestTheNearest() throws IOException {
    ConfigException failure =
        loadFailure(
            """
            pnl_bases: net
            rules:
              daily_realised_loss: {limit: 500}
            """,
            Map.of());
    assertThat(failure.errors())
        .extracting(ConfigError::line, ConfigError::key)
        .containsExactly(tuple(1, "pnl_bases"), tuple(3, "rules.daily_realised_loss"));
    assertThat(failure.errors().get(0).message()).contains("did you mean `pnl_basis`?");
    assertThat(failure.errors().get(1).message()).contains("did you mean `daily_realized_loss`?");
  }

  @Test
  void aKeyFarFromAnyValidOneListsTheValidKeys() throws IOException {
    ConfigError error = onlyError("trading_day:\n  banana: 1\n");
    assertThat(error.key()).isEqualTo("trading_day.banana");
    assertThat(error.message()).contains("valid keys: reset, timezone");
  }

  @Test
  void wrongTypeSaysWhatWasExpectedAndFound() throws IOException {
    ConfigError error = onlyError("rules:\n  max_contracts:\n    limit: five\n");
    assertThat(error.line()).isEqualTo(3);
    assertThat(error.column()).isEqualTo(12);
    assertThat(error.key()).isEqualTo("rules.max_contracts.limit");
    assertThat(error.message()).isEqualTo("expected a whole number, found text 'five'");
  }

  @Test
  void aDecimalWhereAWholeNumberBelongsIsAnError() throws IOException {
    ConfigError error = onlyError("max_quote_age_seconds: 2.5\n");
    assertThat(error.key()).isEqualTo("max_quote_age_seconds");
    assertThat(error.message()).startsWith("expected a whole number");
  }

  @Test
  void aStatusPortAboveTheTcpRangeIsAnError() throws IOException {
    ConfigError error = onlyError("status_port: 70000\n");
    assertThat(error.line()).isEqualTo(1);
    assertThat(error.key()).isEqualTo("status_port");
    assertThat(error.message()).isEqualTo("must be a TCP port, 0 to 65535 (0: any free port), found 70000");
  }

  @Test
  void negativeLimitIsOutOfRange() throws IOException {
    ConfigError error =
        onlyError("rules:\n  max_contracts_per_instrument:\n    limits: {MNQ: -2}\n");
    assertThat(error.line()).isEqualTo(3);
    assertThat(error.key()).isEqualTo("rules.max_contracts_per_instrument.limits.MNQ");
    assertThat(error.message()).isEqualTo("must be at least 0, found -2");
  }

  @Test
  void negativeDollarLimitIsOutOfRange() throws IOException {
    ConfigError error = onlyError("rules:\n  daily_realized_loss:\n    limit: -500\n");
    assertThat(error.key()).isEqualTo("rules.daily_realized_loss.limit");
    assertThat(error.message()).contains("positive dollar amount");
  }

  @Test
  void unknownTimeZoneIsNamed() throws IOException {
    ConfigError error = onlyError("trading_day:\n  timezone: America/NewYork\n");
    assertThat(error.line()).isEqualTo(2);
    assertThat(error.key()).isEqualTo("trading_day.timezone");
    assertThat(error.message()).startsWith("unknown time zone 'America/NewYork'");
  }

  @Test
  void badTimeOfDayShowsTheFormat() throws IOException {
    ConfigError error = onlyError("trading_day:\n  reset: \"25:00\"\n");
    assertThat(error.key()).isEqualTo("trading_day.reset");
    assertThat(error.message()).contains("'25:00'").contains("HH:MM");
  }

  @Test
  void badEnumWordListsTheValidWords() throws IOException {
    ConfigError error =
        onlyError("rules:\n  max_contracts:\n    limit: 5\n    count_type: netto\n");
    assertThat(error.line()).isEqualTo(4);
    assertThat(error.key()).isEqualTo("rules.max_contracts.count_type");
    assertThat(error.message()).isEqualTo("unknown word 'netto'; valid: net, gross");
  }

  @Test
  void badUnknownSymbolActionListsTheValidForms() throws IOException {
    ConfigError error =
        onlyError(
            "rules:\n"
                + "  max_contracts_per_instrument:\n"
                + "    unknown_symbol_action: allow_with_limit:x\n");
    assertThat(error.key()).isEqualTo("rules.max_contracts_per_instrument.unknown_symbol_action");
    assertThat(error.message()).contains("allow_with_limit:N");
  }

  @Test
  void badDayAndDateAreNamed() throws IOException {
    ConfigException failure =
        loadFailure(
            """
            rules:
              session_hours:
                start: "09:30"
                end: "16:00"
                days: [MON, FUN]
                holidays: ["2025-13-01"]
            """,
            Map.of());
    assertThat(failure.errors())
        .extracting(ConfigError::key)
        .containsExactly("rules.session_hours.days[1]", "rules.session_hours.holidays[0]");
    assertThat(failure.errors().get(0).message())
        .contains("valid: MON, TUE, WED, THU, FRI, SAT, SUN");
    assertThat(failure.errors().get(1).message()).contains("YYYY-MM-DD");
  }

  @Test
  void missingRequiredKeyPointsAtItsSection() throws IOException {
    ConfigError error = onlyError("rules:\n  daily_realized_loss: {}\n");
    assertThat(error.line()).isEqualTo(2);
    assertThat(error.key()).isEqualTo("rules.daily_realized_loss.limit");
    assertThat(error.message()).startsWith("missing");
  }

  @Test
  void aDisabledSectionNeedsNoRequiredKeysButIsStillCheckedForTypos() throws IOException {
    RiskguardConfig config =
        new ConfigLoader(Map.of()).read(write("rules:\n  daily_realized_loss: {enabled: false}\n"));
    assertThat(config.rules().dailyRealizedLoss()).isNull();

    ConfigError error = onlyError("rules:\n  daily_realized_loss: {enabled: false, limitt: 5}\n");
    assertThat(error.key()).isEqualTo("rules.daily_realized_loss.limitt");
  }

  @Test
  void duplicateKeyIsAnError() throws IOException {
    ConfigError error = onlyError("pnl_basis: net\npnl_basis: gross\n");
    assertThat(error.line()).isEqualTo(2);
    assertThat(error.key()).isEqualTo("pnl_basis");
    assertThat(error.message()).contains("duplicate");
  }

  @Test
  void severalErrorsAreReportedTogetherInFileOrder() throws IOException {
    ConfigException failure =
        loadFailure(
            """
            gateway:
              rest_url: not a url
            pnl_basis: both
            rules:
              max_contracts:
                limit: -1
              cooldown_after_loss:
                thresholds:
                  - {loss: 100, cooldwn: 300}
            """,
            Map.of());
    assertThat(failure.errors())
        .extracting(ConfigError::line, ConfigError::key)
        .containsExactly(
            tuple(2, "gateway.rest_url"),
            tuple(3, "pnl_basis"),
            tuple(6, "rules.max_contracts.limit"),
            tuple(9, "rules.cooldown_after_loss.thresholds[0].cooldwn"));
    String file = directory.resolve("riskguard.yaml").toString();
    assertThat(failure.getMessage().lines())
        .hasSize(4)
        .first()
        .asString()
        .startsWith(file + ":2:13: gateway.rest_url: not a URL");
  }

  @Test
  void missingFileIsACleanError() {
    Path missing = directory.resolve("nope.yaml");
    assertThatThrownBy(() -> ConfigLoader.load(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessage(missing + ": file not found");
  }

  @Test
  void unreadableYamlGivesTheLineOfTheSyntaxError() throws IOException {
    ConfigError error = onlyError("rules:\n  max_contracts: {limit: 5\npnl_basis: net\n");
    assertThat(error.line()).isEqualTo(3);
    assertThat(error.message()).startsWith("not valid YAML: while parsing a flow mapping");
  }

  @Test
  void aTabUsedForIndentationIsReportedWhereItIs() throws IOException {
    ConfigError error = onlyError("rules:\n\tmax_contracts: {limit: 5}\n");
    assertThat(error.line()).isEqualTo(2);
    assertThat(error.column()).isEqualTo(1);
    assertThat(error.message()).startsWith("not valid YAML").contains("TAB");
  }

  @Test
  void anAliasIsAnErrorInsteadOfBeingReadAsItsAnchorsName() throws IOException {
    ConfigException failure =
        loadFailure(
            """
            gateway:
              username: &main PRAC-V2-1234
            accounts: [*main]
            rules:
              max_contracts: &two {limit: 2}
              max_contracts_per_instrument: *two
            """,
            Map.of());
    assertThat(failure.errors())
        .extracting(ConfigError::line, ConfigError::column, ConfigError::key, ConfigError::message)
        .containsExactly(
            tuple(3, 12, "accounts[0]",
                "YAML aliases (*main) are not supported; write the value itself"),
            tuple(6, 33, "rules.max_contracts_per_instrument",
                "YAML aliases (*two) are not supported; write the value itself"));
  }

  @Test
  void anEmptyPathIsAnErrorNotTheConfigsDirectory() throws IOException {
    ConfigException failure =
        loadFailure(
            "database: \"\"\nrecord: \" \"\nrules_dir: ${EMPTY}\n", Map.of("EMPTY", ""));
    assertThat(failure.errors())
        .extracting(ConfigError::line, ConfigError::key, ConfigError::message)
        .containsExactly(
            tuple(1, "database", "a path cannot be empty; write one or leave the key out"),
            tuple(2, "record", "a path cannot be empty; write one or leave the key out"),
            tuple(3, "rules_dir", "a path cannot be empty; write one or leave the key out"));
  }

  @Test
  void emptyFileAndNonMappingFileAreErrors() throws IOException {
    assertThat(onlyError("").message()).isEqualTo("the file is empty");
    assertThat(onlyError("- a\n- b\n").message()).startsWith("the file must be a mapping");
  }

  @Test
  void aListWhereAMappingBelongsIsAWrongType() throws IOException {
    ConfigError error = onlyError("gateway: [https://api.topstepx.com]\n");
    assertThat(error.line()).isEqualTo(1);
    assertThat(error.key()).isEqualTo("gateway");
    assertThat(error.message()).startsWith("expected a mapping of keys").endsWith("found a list");
  }

  @Test
  void allCannotBeMixedWithAccountIds() throws IOException {
    ConfigError error = onlyError("accounts: [all, 536]\n");
    assertThat(error.key()).isEqualTo("accounts");
    assertThat(error.message()).contains("`all` cannot be combined");
  }

  @Test
  void aWeeklySpanNeedsBothDaysAndTheGraceActionHasOneWord() throws IOException {
    ConfigException failure =
        loadFailure(
            """
            rules:
              session_hours:
                start: "09:30"
                end: "16:00"
                per_symbol:
                  ES: {start: "18:00", end: "17:00", from_day: SUN}
              no_stop_loss_grace: {action: close_all}
            """,
            Map.of());
    assertThat(failure.errors())
        .extracting(ConfigError::line, ConfigError::key, ConfigError::message)
        .containsExactly(
            tuple(6, "rules.session_hours.per_symbol.ES", "give both from_day and to_day, or neither"),
            tuple(7, "rules.no_stop_loss_grace.action", "unknown word 'close_all'; valid: close_position"));
  }

  @Test
  void aDirectoryOrANonUtf8FileIsACleanError() throws IOException {
    assertThatThrownBy(() -> ConfigLoader.load(directory))
        .isInstanceOf(ConfigException.class)
        .hasMessage(directory + ": is a directory, not a config file");
    Path latin1 = directory.resolve("latin1.yaml");
    Files.write(latin1, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
    assertThatThrownBy(() -> ConfigLoader.load(latin1))
        .isInstanceOf(ConfigException.class)
        .hasMessage(latin1 + ": not UTF-8 text");
  }

  @Test
  void aQuotedNumberIsTextWithAHint() throws IOException {
    ConfigError error = onlyError("max_quote_age_seconds: \"10\"\n");
    assertThat(error.message()).isEqualTo("expected a whole number, found text '10'; write it without quotes");
  }

  @Test
  void aNumberBeyondTheRangeOfCountsIsTooLarge() throws IOException {
    ConfigError error = onlyError("rules:\n  max_contracts: {limit: 99999999999}\n");
    assertThat(error.key()).isEqualTo("rules.max_contracts.limit");
    assertThat(error.message()).isEqualTo("is too large, found 99999999999");
  }

  @Test
  void symbolRootKeysThatAreNoRootOrRepeatAreReportedInLimitsAndPerSymbol() throws IOException {
    ConfigException failure =
        loadFailure(
            """
            rules:
              max_contracts_per_instrument:
                limits:
                  MNQ: 2
                  mnq: 3
                  E-MINI: 1
              session_hours:
                start: "09:30"
                end: "16:00"
                per_symbol:
                  ES/X: {start: "18:00", end: "17:00"}
                  es: {start: "18:00", end: "17:00"}
                  ES: {start: "17:00", end: "16:00"}
                  EP: {start: "17:00", end: "16:00"}
            """,
            Map.of());
    assertThat(failure).as("loading should fail").isNotNull();
    assertThat(failure.errors())
        .extracting(ConfigError::line, ConfigError::key, ConfigError::message)
        .containsExactly(
            tuple(5, "rules.max_contracts_per_instrument.limits.mnq", "MNQ is listed twice"),
            tuple(6, "rules.max_contracts_per_instrument.limits.E-MINI",
                "not a symbol root; write the product code, e.g. ES or MNQ"),
            tuple(11, "rules.session_hours.per_symbol.ES/X",
                "not a symbol root; write the product code, e.g. ES or MNQ"),
            tuple(13, "rules.session_hours.per_symbol.ES", "ES is listed twice"),
            tuple(14, "rules.session_hours.per_symbol.EP",
                "EP (the gateway's code for ES) is listed twice"));
  }
}
