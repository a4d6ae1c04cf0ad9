package riskguard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static riskguard.app.e2e.Gateway.until;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import riskguard.app.Main;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.Hub;
import riskguard.db.Database;
import riskguard.db.RulePackageRepository;

/** {@code riskguard reload} signals a daemon running as its own process, and says when there is none. */
class ReloadCommandTest {

  private static final Path SHIPPED_RULES = Path.of("..", "rules-dsl", "src", "main", "resources", "rules");

  @TempDir Path dir;
  GatewaySimulator sim;

  private record Run(int exitCode, String out, String err) {}

  @BeforeEach
  void startGateway() throws Exception {
    sim = Gateway.start();
  }

  @AfterEach
  void stopGateway() {
    sim.close();
  }

  private static Run reload(Path database) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new Main()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute("reload", "--db", database.toString());
    return new Run(exit, out.toString(), err.toString());
  }

  private static boolean anyPackageRecorded(Path database) {
    if (!Files.exists(database)) {
      return false;
    }
    try (Database readOnly = Database.openReadOnly(database)) {
      return new RulePackageRepository(readOnly).latest().isPresent();
    } catch (RuntimeException notYetMigrated) {
      return false;
    }
  }

  @Test
  void reloadForcesTheRunningDaemonToReloadAndReportsWhatItRuns() throws Exception {
    Path database = dir.resolve("riskguard.db");
    Path rules = dir.resolve("rules");
    copyTree(SHIPPED_RULES, rules);
    Path config = Gateway.writeConfig(dir, sim.restUrl(), "  max_contracts:\n    limit: 3\n");
    Files.writeString(config, Files.readString(config) + "rules_dir: " + rules.toAbsolutePath() + "\n");

    Run none = reload(database);
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.err()).contains("no daemon is running on database " + database.toAbsolutePath());

    try (DaemonProcess daemon = DaemonProcess.start(config, dir.resolve("run.out"))) {
      until("the daemon process is on the user hub", () -> sim.hubConnections(Hub.USER) > 0 || !daemon.isAlive());
      assertThat(daemon.isAlive()).as("daemon alive; its output:%n%s", daemon.output()).isTrue();
      until("the daemon recorded its rule package", () -> anyPackageRecorded(database));

      Run forced = reload(database);
      assertThat(forced.exitCode()).as(forced.err()).isZero();
      assertThat(forced.out()).containsPattern("runs rule package [0-9a-f]{8}@\\S+ from " + rules.toAbsolutePath());

      Files.writeString(rules.resolve("broken.drl"), "package broken;\n\nrule \"broken\"\nwhen\n  NoSuchFact()\nthen\nend\n");
      Run rejected = reload(database);
      assertThat(rejected.exitCode()).isEqualTo(4);
      assertThat(rejected.err()).contains("were rejected", "broken.drl:5:");
      assertThat(daemon.isAlive()).isTrue();
      assertThat(daemon.output()).contains("rules rejected: broken.drl:5:");
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
