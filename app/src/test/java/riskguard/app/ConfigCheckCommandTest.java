package riskguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code riskguard config check FILE} through the program's own command line. */
class ConfigCheckCommandTest {

  @TempDir Path directory;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new CommandLine(new Main())
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  @Test
  void aValidFilePrintsOkAndOneSentencePerEnabledRule() throws IOException {
    Path file = directory.resolve("good.yaml");
    Files.writeString(
        file,
        """
        gateway:
          rest_url: http://127.0.0.1:5000
        rules:
          daily_realized_loss:
            limit: 500
          trade_frequency: {per_minute: 3}
        """);

    int exitCode = run("config", "check", file.toString());

    assertThat(exitCode).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString().lines())
        .containsExactly(
            "OK: " + file,
            "RULE-003 Daily realized loss: when today's net realized P&L reaches -$500.00, close"
                + " everything, cancel orders and lock the account until 17:00 America/New_York;"
                + " at -$400.00 (80 %) you are warned once.",
            "RULE-006 Trade frequency: more than 3 trades in any 60 seconds stops trading for 1"
                + " minute. At 80 % of a limit you are warned once a day. During a cooldown new"
                + " orders are cancelled and new positions closed.");
  }

  @Test
  void anInvalidFilePrintsEveryErrorWithItsLineAndExitsWithOne() throws IOException {
    Path file = directory.resolve("bad.yaml");
    Files.writeString(
        file,
        """
        gateway:
          api_key: ${RISKGUARD_TEST_VARIABLE_THAT_IS_NEVER_SET}
        rules:
          max_contracts:
            limt: 5
          daily_realized_loss: {limit: -500}
        """);

    int exitCode = run("config", "check", file.toString());

    assertThat(exitCode).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines())
        .containsExactly(
            "INVALID: " + file + " (3 problems)",
            file
                + ":2:12: gateway.api_key: environment variable"
                + " RISKGUARD_TEST_VARIABLE_THAT_IS_NEVER_SET is not set; set"
                + " RISKGUARD_TEST_VARIABLE_THAT_IS_NEVER_SET before starting riskguard",
            file + ":5:5: rules.max_contracts.limt: unknown key `limt`; did you mean `limit`?",
            file
                + ":6:32: rules.daily_realized_loss.limit: must be a positive dollar amount, found"
                + " -500");
  }

  @Test
  void anApiKeyWrittenInTheFileIsValidButWarnedAboutWithoutShowingIt() throws IOException {
    String key = "sk-written-in-the-file-42";
    Path file = directory.resolve("literal-key.yaml");
    Files.writeString(
        file,
        """
        gateway:
          username: trader
          api_key: %s
        """
            .formatted(key));

    int exitCode = run("config", "check", file.toString());

    assertThat(exitCode).isZero();
    assertThat(out.toString().lines())
        .containsExactly("OK: " + file, "No rule is enabled: riskguard would only watch.");
    assertThat(err.toString().lines())
        .containsExactly(
            "warning: "
                + file
                + ":3:12: gateway.api_key: the API key is written in the file; secrets belong in"
                + " the environment, not the YAML: write `api_key: ${PROJECTX_API_KEY}` and set"
                + " PROJECTX_API_KEY (any ${NAME} works)");
    assertThat(out.toString() + err.toString()).doesNotContain(key);
  }

  @Test
  void aMissingFileIsReportedByName() {
    Path missing = directory.resolve("missing.yaml");

    int exitCode = run("config", "check", missing.toString());

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString()).contains(missing + ": file not found");
  }
}
