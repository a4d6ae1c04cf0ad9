package riskguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code riskguard sim-gateway} refuses bad options before it binds anything. */
class SimGatewayCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
  }

  @Test
  void aBadAccountListNamesTheEntry() {
    assertThat(run("sim-gateway", "--accounts", "536,5x6:B")).isEqualTo(2);
    assertThat(err.toString()).contains("account '5x6:B': id '5x6' is not a whole number");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aUserWithoutKeyIsRefused() {
    assertThat(run("sim-gateway", "--user", "alice")).isEqualTo(2);
    assertThat(err.toString()).contains("--user must be NAME:API_KEY");
  }
}
