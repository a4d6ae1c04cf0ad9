package riskguard.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riskguard.app.daemon.SimulatorFixture.ACCOUNT;
import static riskguard.app.daemon.SimulatorFixture.PATIENCE;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import riskguard.config.RiskguardConfig;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;

/** Each thing that can go wrong at start, and the one that is not fatal: a gateway that is down. */
class DaemonStartupTest {

  static final String MAX_ONE_CONTRACT = """
        max_contracts:
          limit: 1
      """;

  @TempDir Path dir;

  @Test
  void waitsForAGatewayThatIsDownAndGuardsOnceItComesUp() throws Exception {
    int port = freePort();
    RiskguardConfig config = SimulatorFixture.config("http://127.0.0.1:" + port, dir.resolve("riskguard.db"),
        MAX_ONE_CONTRACT);
    List<String> unreachable = new CopyOnWriteArrayList<>();
    DaemonListener listener = new DaemonListener() {
      @Override
      public void gatewayUnreachable(int attempt, String problem, long retryInSeconds) {
        unreachable.add(problem);
      }
    };
    try (Daemon daemon = Daemon.start(DaemonOptions.of(config).withListener(listener))) {
      Eventually.until("the daemon said the gateway is unreachable", PATIENCE, () -> !unreachable.isEmpty());
      assertThat(daemon.awaitReady(Duration.ofMillis(100))).isFalse();
      assertThat(daemon.connectionState()).isEqualTo(ConnectionState.CONNECTING);
      assertThat(unreachable.get(0)).contains("/api/Auth/loginKey");

      try (GatewaySimulator sim = SimulatorFixture.start(port)) {
        assertThat(daemon.awaitReady(PATIENCE)).isTrue();
        assertThat(daemon.guardedAccounts()).containsExactly(ACCOUNT);

        sim.trader(ACCOUNT).buyMarket(ContractCatalogue.MNQ, 2);

        Eventually.until("the breach is closed", PATIENCE, () -> sim.trader(ACCOUNT).positions().isEmpty()
            && SimulatorFixture.closed(sim, ContractCatalogue.MNQ));
      }
    }
  }

  @Test
  void aRefusedLoginStopsTheDaemonAndSaysSo() throws Exception {
    try (GatewaySimulator sim = SimulatorFixture.start(0)) {
      RiskguardConfig config = SimulatorConfig.forSimulator(sim.restUrl(), GatewaySimulator.DEMO_USER, "wrong-key",
          dir.resolve("riskguard.db"), "");
      Daemon daemon = Daemon.start(DaemonOptions.of(config));
      try {
        assertThatThrownBy(() -> daemon.awaitReady(PATIENCE))
            .isInstanceOfSatisfying(DaemonException.class, e -> {
              assertThat(e.step()).isEqualTo(DaemonException.Step.LOGIN);
              assertThat(e.getMessage()).contains("refused").contains(sim.restUrl()).doesNotContain("wrong-key");
            });
        assertThat(daemon.awaitStopped()).isPresent();
        assertThat(daemon.connectionState()).isEqualTo(ConnectionState.STOPPED);
      } finally {
        daemon.close();
      }
    }
  }

  @Test
  void accountsMatchingNoneOfTheLoginsStopTheDaemonAndItNamesTheAccountsItSees() throws Exception {
    try (GatewaySimulator sim = SimulatorFixture.start(0)) {
      RiskguardConfig config = SimulatorConfig.forSimulator(sim.restUrl(), GatewaySimulator.DEMO_USER,
          GatewaySimulator.DEMO_API_KEY, dir.resolve("riskguard.db"), "[999, 50KTC-SOMEONE-ELSE]", "");
      Daemon daemon = Daemon.start(DaemonOptions.of(config));
      try {
        assertThatThrownBy(() -> daemon.awaitReady(PATIENCE))
            .isInstanceOfSatisfying(DaemonException.class, e -> {
              assertThat(e.step()).isEqualTo(DaemonException.Step.ACCOUNTS);
              assertThat(e.getMessage()).contains("no account to guard").contains("999")
                  .contains("50KTC-SOMEONE-ELSE").contains("simulator.yaml").contains(ACCOUNT + " (50KTC-DAEMON)");
            });
        assertThat(daemon.awaitStopped()).isPresent();
        assertThat(daemon.connectionState()).isEqualTo(ConnectionState.STOPPED);
      } finally {
        daemon.close();
      }
    }
  }

  @Test
  void aSecondDaemonOnTheSameDatabaseIsRefused() throws Exception {
    RiskguardConfig config = SimulatorFixture.config("http://127.0.0.1:" + freePort(), dir.resolve("riskguard.db"), "");
    try (Daemon first = Daemon.start(DaemonOptions.of(config))) {
      assertThatThrownBy(() -> Daemon.start(DaemonOptions.of(config)))
          .isInstanceOfSatisfying(DaemonException.class, e -> {
            assertThat(e.step()).isEqualTo(DaemonException.Step.DATABASE);
            assertThat(e.getMessage()).contains("riskguard.db").contains("in use by another riskguard daemon");
          });
      assertThat(first.connectionState()).isEqualTo(ConnectionState.CONNECTING);
    }
  }

  @Test
  void rulesThatDoNotCompileAreReportedWithFileAndLine() throws Exception {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(rules.resolve("broken.drl"), """
        package riskguard.rules;

        rule "Missing its condition's parenthesis"
        when
            Position( size > 
        then
        end
        """);
    RiskguardConfig config = SimulatorFixture.config("http://127.0.0.1:" + freePort(), dir.resolve("riskguard.db"), "");

    assertThatThrownBy(() -> Daemon.start(DaemonOptions.of(config).withRulesDir(rules)))
        .isInstanceOfSatisfying(DaemonException.class, e -> {
          assertThat(e.step()).isEqualTo(DaemonException.Step.RULES);
          assertThat(e.getMessage()).containsPattern("broken\\.drl:\\d+");
        });
    // the database was released: a daemon can start on it right away
    Daemon.start(DaemonOptions.of(config)).close();
  }

  @Test
  void runExitsWithTheConfigCodeAndEveryErrorWhenTheConfigIsInvalid() throws Exception {
    Path file = dir.resolve("riskguard.yaml");
    Files.writeString(file, """
        gateway:
          rest_url: http://127.0.0.1:1
          usernme: demo
        rules:
          max_contracts:
            limit: -3
        """);
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new RunCommand()).setErr(new PrintWriter(err));

    int exit = command.execute("--config", file.toString());

    assertThat(exit).isEqualTo(DaemonException.Step.CONFIG.exitCode());
    assertThat(err.toString()).contains("riskguard.yaml:3").contains("usernme").contains("riskguard.yaml:6");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
