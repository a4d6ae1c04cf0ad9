package riskguard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ${NAME}} comes from the environment; the API key never shows in text. */
class EnvironmentAndSecretsTest {

  private static final String KEY = "sk-live-7f3a9c";

  @TempDir Path directory;

  private Path write(String yaml) throws IOException {
    Path file = directory.resolve("riskguard.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void variablesAreReplacedInStringValuesIncludingNumbersAndPaths() throws IOException {
    Path file =
        write(
            """
            gateway:
              username: ${USER_NAME}
              api_key: ${API_KEY}
            database: ${DATA_DIR}/guard.db
            rules:
              daily_realized_loss: {limit: "${LOSS_LIMIT}"}
              symbol_blocks: {blocked: [RTY], close_existing: "${CLOSE}"}
            record: price$${NOT_A_VARIABLE}
            """);
    RiskguardConfig config =
        new ConfigLoader(
                Map.of(
                    "USER_NAME",
                    "trader",
                    "API_KEY",
                    KEY,
                    "DATA_DIR",
                    "/var/lib/rg",
                    "LOSS_LIMIT",
                    "750",
                    "CLOSE",
                    "false"))
            .read(file);
    assertThat(config.gateway().username()).isEqualTo("trader");
    assertThat(config.gateway().apiKey().reveal()).isEqualTo(KEY);
    assertThat(config.database()).isEqualTo(Path.of("/var/lib/rg/guard.db"));
    assertThat(config.rules().dailyRealizedLoss().limit()).isEqualTo(750.0);
    assertThat(config.rules().symbolBlocks().closeExisting()).isFalse();
    assertThat(config.record().getFileName().toString()).isEqualTo("price${NOT_A_VARIABLE}");
  }

  @Test
  void aMissingVariableIsNamedWithItsKeyAndLine() throws IOException {
    Path file =
        write("gateway:\n  username: ${PROJECTX_USERNAME}\n  api_key: ${PROJECTX_API_KEY}\n");
    ConfigException failure =
        catchThrowableOfType(
            ConfigException.class,
            () -> new ConfigLoader(Map.of("PROJECTX_USERNAME", "trader")).read(file));
    assertThat(failure.errors()).hasSize(1);
    ConfigError error = failure.errors().get(0);
    assertThat(error.line()).isEqualTo(3);
    assertThat(error.key()).isEqualTo("gateway.api_key");
    assertThat(error.message())
        .isEqualTo(
            "environment variable PROJECTX_API_KEY is not set; set PROJECTX_API_KEY before starting"
                + " riskguard");
  }

  @Test
  void anUnclosedReferenceIsAnErrorNotALiteralValue() throws IOException {
    Path file =
        write("gateway:\n  username: ${PROJECTX_USERNAME\ndatabase: ${DATA_DIR/guard.db\n");
    ConfigException failure =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                new ConfigLoader(Map.of("PROJECTX_USERNAME", "trader", "DATA_DIR", "/d"))
                    .read(file));
    assertThat(failure).as("loading should fail").isNotNull();
    assertThat(failure.errors())
        .extracting(ConfigError::line, ConfigError::key, ConfigError::message)
        .containsExactly(
            tuple(2, "gateway.username", "'${' is not closed; write ${NAME}"),
            tuple(3, "database", "'${' is not closed; write ${NAME}"));
  }

  @Test
  void aKeyWrittenInTheFileLoadsWithAWarningThatNamesItsPlaceButNotTheKey() throws IOException {
    Path file = write("gateway:\n  username: trader\n  api_key: " + KEY + "\n");
    RiskguardConfig config = new ConfigLoader(Map.of()).read(file);
    assertThat(config.gateway().apiKey().reveal()).isEqualTo(KEY);
    assertThat(config.warnings())
        .extracting(ConfigError::line, ConfigError::column, ConfigError::key)
        .containsExactly(tuple(3, 12, "gateway.api_key"));
    ConfigError warning = config.warnings().get(0);
    assertThat(warning.toString())
        .startsWith(file + ":3:12: gateway.api_key: the API key is written in the file")
        .contains("api_key: ${PROJECTX_API_KEY}")
        .doesNotContain(KEY);
    assertThat(config.toString()).doesNotContain(KEY);
  }

  @Test
  void aKeyFromTheEnvironmentOrLeftOutGivesNoWarning() throws IOException {
    Path fromEnvironment = write("gateway:\n  username: trader\n  api_key: ${API_KEY}\n");
    assertThat(new ConfigLoader(Map.of("API_KEY", KEY)).read(fromEnvironment).warnings()).isEmpty();
    Path leftOut = write("gateway:\n  rest_url: http://127.0.0.1:5000\n");
    assertThat(new ConfigLoader(Map.of()).read(leftOut).warnings()).isEmpty();
  }

  @Test
  void anEmptyVariableForTheUsernameOrKeyIsAnErrorNamingTheVariableAndKey() throws IOException {
    Path file =
        write("gateway:\n  username: ${PROJECTX_USERNAME}\n  api_key: \"${PROJECTX_API_KEY}\"\n");
    ConfigException failure =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                new ConfigLoader(Map.of("PROJECTX_USERNAME", "", "PROJECTX_API_KEY", "   "))
                    .read(file));
    assertThat(failure).as("loading should fail").isNotNull();
    assertThat(failure.errors())
        .extracting(ConfigError::line, ConfigError::key, ConfigError::message)
        .containsExactly(
            tuple(
                2,
                "gateway.username",
                "environment variable PROJECTX_USERNAME is empty; set PROJECTX_USERNAME to the"
                    + " ProjectX username before starting riskguard"),
            tuple(
                3,
                "gateway.api_key",
                "environment variable PROJECTX_API_KEY is empty; set PROJECTX_API_KEY to the API"
                    + " key before starting riskguard"));
    assertThat(failure.getMessage()).doesNotContain("'   '").doesNotContain("''");
  }

  @Test
  void aKeyBuiltFromSeveralEmptyVariablesNamesEachButNeverItsValue() throws IOException {
    Path file = write("gateway:\n  username: trader\n  api_key: \"${KEY_A}${KEY_B}\"\n");
    ConfigException failure =
        catchThrowableOfType(
            ConfigException.class,
            () -> new ConfigLoader(Map.of("KEY_A", " ", "KEY_B", "")).read(file));
    assertThat(failure).as("loading should fail").isNotNull();
    assertThat(failure.errors())
        .extracting(ConfigError::message)
        .containsExactly(
            "environment variables KEY_A, KEY_B are empty; set KEY_A, KEY_B to the API key before"
                + " starting riskguard");
  }

  @Test
  void aNonEmptyKeyFromTheEnvironmentIsNeverRepeatedWhenOtherKeysFail() throws IOException {
    Path file = write("gateway:\n  username: ${EMPTY}\n  api_key: ${API_KEY}\n");
    ConfigException failure =
        catchThrowableOfType(
            ConfigException.class,
            () -> new ConfigLoader(Map.of("EMPTY", "", "API_KEY", KEY)).read(file));
    assertThat(failure).as("loading should fail").isNotNull();
    assertThat(failure.errors()).extracting(ConfigError::key).containsExactly("gateway.username");
    assertThat(failure.getMessage()).doesNotContain(KEY);
  }

  @Test
  void theKeyNeverAppearsInToStringOrJson() throws IOException {
    Path file = write("gateway:\n  username: trader\n  api_key: ${API_KEY}\n");
    RiskguardConfig config = new ConfigLoader(Map.of("API_KEY", KEY)).read(file);
    assertThat(config.toString()).doesNotContain(KEY).contains("apiKey=******");
    assertThat(config.gateway().toString()).doesNotContain(KEY);
    assertThat(new ObjectMapper().writeValueAsString(config.gateway()))
        .doesNotContain(KEY)
        .contains("******");
  }

  @Test
  void aValueFromTheEnvironmentIsNeverRepeatedInAnError() throws IOException {
    Path file =
        write(
            """
            gateway:
              api_key: ${API_KEY}
              rest_url: ${API_KEY}
            trading_day: {timezone: "${API_KEY}"}
            rules:
              max_contracts: {limit: "${API_KEY}", count_type: "${API_KEY}"}
            """);
    ConfigException failure =
        catchThrowableOfType(
            ConfigException.class, () -> new ConfigLoader(Map.of("API_KEY", KEY)).read(file));
    assertThat(failure.errors())
        .extracting(ConfigError::key)
        .containsExactly(
            "gateway.rest_url",
            "trading_day.timezone",
            "rules.max_contracts.limit",
            "rules.max_contracts.count_type");
    assertThat(failure.getMessage())
        .doesNotContain(KEY)
        .contains("(the value from the environment)");
  }
}
