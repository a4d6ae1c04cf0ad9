package riskguard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import riskguard.app.Main;

/** {@code riskguard demo} and {@code riskguard status} through the command line entry point. */
class DemoAndStatusCommandTest {

  @TempDir Path dir;

  @Test
  void theDemoRunsToTheEndAndItsLastLineIsTheStatusCommandThatShowsTheLockout() {
    Path data = dir.resolve("demo");
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream console = System.out;
    int exit;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      exit = new CommandLine(new Main()).execute("demo", "--config", demoConfig().toString(),
          "--data", data.toString(), "--pace", "0");
    } finally {
      System.setOut(console);
    }
    String output = captured.toString(StandardCharsets.UTF_8);

    assertThat(exit).as("demo exit code; its output:%n%s", output).isZero();
    assertThat(output).contains("riskguard enforced both limits.").doesNotContain("!!");
    assertThat(output).as("the 80 %% warning is the trader's; the gateway is not part of it")
        .contains("RULE-001: warning: 80% of the limit").doesNotContain("nothing to send");
    List<String> lines = output.lines().toList();
    String database = data.resolve("riskguard.db").toAbsolutePath().toString();
    assertThat(lines.get(lines.size() - 1)).endsWith("./riskguard status --db " + database);

    String screen = status("--db", database);
    assertThat(screen)
        .startsWith("riskguard status  daemon not running — showing the last stored state")
        .contains("account 1001")
        .containsPattern("LOCKED OUT +RULE-003")
        .contains("RULE-001")
        .contains("SUCCEEDED");
  }

  @Test
  void statusNamesTheMissingDatabaseAndFails() {
    StringWriter err = new StringWriter();
    Path missing = dir.resolve("nowhere.db");
    int exit = new CommandLine(new Main()).setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
        .execute("status", "--db", missing.toString());
    assertThat(exit).isNotZero();
    assertThat(err.toString()).contains(missing.toString());
  }

  private static String status(String... args) {
    return DaemonKilledWhileLockedOutTest.status(args);
  }

  /** The shipped demo config; Maven runs the tests in the module folder, an IDE maybe in the root. */
  private static Path demoConfig() {
    Path fromModule = Path.of("..", "config", "demo.yaml");
    return Files.isRegularFile(fromModule) ? fromModule : Path.of("config", "demo.yaml");
  }
}
