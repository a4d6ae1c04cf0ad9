package riskguard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example file shipped as config/riskguard.yaml is valid and enables every rule. */
class ShippedConfigTest {

  private static final Path SHIPPED = Path.of("riskguard.yaml");

  @Test
  void loadsWithCredentialsInTheEnvironment() {
    RiskguardConfig config =
        new ConfigLoader(Map.of("PROJECTX_USERNAME", "trader", "PROJECTX_API_KEY", "key"))
            .read(SHIPPED);
    assertThat(config.gateway().hasCredentials()).isTrue();
    assertThat(config.rules().enabledSections()).hasSize(12);
    assertThat(config.database())
        .isEqualTo(SHIPPED.toAbsolutePath().getParent().getParent().resolve("data/riskguard.db"));
  }

  @Test
  void withoutCredentialsItNamesBothVariables() {
    ConfigException failure =
        catchThrowableOfType(ConfigException.class, () -> new ConfigLoader(Map.of()).read(SHIPPED));
    assertThat(failure.errors())
        .extracting(ConfigError::key)
        .containsExactly("gateway.username", "gateway.api_key");
    assertThat(failure.getMessage())
        .contains("set PROJECTX_USERNAME")
        .contains("set PROJECTX_API_KEY");
  }
}
