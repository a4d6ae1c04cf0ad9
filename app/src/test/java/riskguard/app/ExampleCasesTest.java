package riskguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example recording in {@code examples/} is also a test case of the shipped rule
 * package, with the same events and the same configuration, so the decisions the docs show
 * for it are the ones {@code riskguard rules test} pins (run by {@link RulesTestCommandTest}).
 * Editing an example without its case, or the other way round, fails here.
 */
class ExampleCasesTest {

  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final Path CASES = Path.of("..", "rules-dsl", "src", "main", "resources", "rules", "tests");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** example recording, its config, the case that replays it. */
  static Stream<Arguments> examples() {
    return Stream.of(
        Arguments.of("max-contracts-day", "demo-config", "rule-001-max-contracts"),
        Arguments.of("rule-002-max-contracts-per-instrument", "rule-002-max-contracts-per-instrument",
            "rule-002-max-contracts-per-instrument"),
        Arguments.of("daily-loss-day", "demo-config", "rule-003-daily-realized-loss"),
        sameName("rule-004-daily-unrealized-loss"),
        sameName("rule-005-max-unrealized-profit"),
        sameName("rule-006-trade-frequency"),
        sameName("rule-007-cooldown-after-loss"),
        sameName("rule-008-no-stop-loss-grace"),
        sameName("rule-009-session-hours"),
        sameName("rule-010-auth-loss-guard"),
        sameName("rule-011-symbol-blocks"),
        sameName("rule-012-trade-management"));
  }

  private static Arguments sameName(String name) {
    return Arguments.of(name, name, name);
  }

  @ParameterizedTest(name = "examples/{0}.jsonl is the case {2}")
  @MethodSource("examples")
  void theExampleIsAShippedCaseWithTheSameEventsAndConfig(String recording, String config, String testCase)
      throws IOException {
    assertThat(Files.readString(CASES.resolve(testCase + ".jsonl")))
        .as("events of %s", testCase)
        .isEqualTo(Files.readString(EXAMPLES.resolve(recording + ".jsonl")));
    assertThat(yaml(CASES.resolve(testCase + ".config.yaml")))
        .as("config of %s (comments aside)", testCase)
        .isEqualTo(yaml(EXAMPLES.resolve(config + ".yaml")));
    assertThat(CASES.resolve(testCase + ".expected.jsonl")).isNotEmptyFile();
  }

  private static JsonNode yaml(Path file) throws IOException {
    return YAML.readTree(file.toFile());
  }
}
