package riskguard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static riskguard.app.e2e.Gateway.until;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import riskguard.app.Main;
import riskguard.app.daemon.DaemonEndpoint;
import riskguard.connectors.projectx.model.Position;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.SimTrader;

/**
 * {@code riskguard status} next to {@code riskguard run} in its own process: while it runs, the
 * daemon's own view (hubs, the position and its unrealized P&amp;L as the simulator prices it);
 * once it is killed, the database's, saying so.
 */
class StatusWhileRunningTest {

  private static final String LIMITS = """
        daily_realized_loss:
          limit: 500
        daily_unrealized_loss:
          limit: 200
      """;

  @TempDir Path dir;

  @Test
  void statusShowsTheRunningDaemonsPositionsAndFallsBackToTheDatabaseOnceItIsKilled() throws Exception {
    Path database = dir.resolve("riskguard.db");
    try (GatewaySimulator sim = Gateway.start()) {
      SimTrader trader = sim.trader(Gateway.ACCOUNT);
      Path config = Gateway.writeConfig(dir, sim.restUrl(), LIMITS);
      try (DaemonProcess daemon = DaemonProcess.start(config, dir.resolve("run.out"))) {
        until("the daemon advertises its endpoint", () -> DaemonEndpoint.fileFor(database).toFile().isFile());
        trader.buyMarket(ContractCatalogue.MNQ, 2);
        Position held = trader.position(ContractCatalogue.MNQ).orElseThrow();
        sim.market().setPrice(ContractCatalogue.MNQ, held.averagePrice() - 20.00);   // 20 points x 2 x $2

        until("status shows the daemon's position valued at the simulator's price", () -> {
          JsonNode status = json("--db", database.toString());
          JsonNode account = status.path("accounts").path(0);
          return status.path("live").asBoolean() && account.path("unrealizedPnl").asDouble() == -80.00;
        });
        JsonNode status = json("--db", database.toString());
        assertThat(status.path("pid").asLong()).isEqualTo(daemon.pid());
        JsonNode account = status.path("accounts").path(0);
        assertThat(account.path("hubs").path("user").asText()).isEqualTo("CONNECTED");
        assertThat(account.path("hubs").path("market").asText()).isEqualTo("CONNECTED");
        assertThat(daemon.output()).as("run --no-warmup warms nothing up").contains("guarding 1 account(s)")
            .doesNotContain("warming up the rules");
        JsonNode position = account.path("positions").path(0);
        assertThat(position.path("contractId").asText()).isEqualTo(ContractCatalogue.MNQ);
        assertThat(position.path("side").asText()).isEqualTo("LONG");
        assertThat(position.path("size").asInt()).isEqualTo(held.size());
        assertThat(position.path("averagePrice").asDouble()).isEqualTo(held.averagePrice());
        assertThat(position.path("lastPrice").asDouble())
            .isEqualTo(sim.market().quote(ContractCatalogue.MNQ).lastPrice());
        assertThat(position.path("unrealizedPnl").asDouble()).isEqualTo(-80.00);

        String screen = DaemonKilledWhileLockedOutTest.status("--db", database.toString());
        assertThat(screen)
            .contains("daemon pid " + daemon.pid())
            .contains("user hub CONNECTED, market hub CONNECTED, can trade")
            .containsPattern("position +LONG +2 MNQH5 +@ " + String.format("%,.2f", held.averagePrice())
                + "  last " + String.format("%,.2f", held.averagePrice() - 20.00) + "  -\\$80.00")
            .containsPattern("limit +RULE-004 +unrealized loss +\\$80.00 of \\$200.00 +40.0 % used")
            .doesNotContain("not running");

        // The trade ledger writes in batches 200 ms after a fill (a batch lost to a kill is
        // fetched again at the next start); on a quiet machine the checks above can take less.
        until("the day's fill is stored", () -> !Double.isNaN(new StoredState(database).realized()));
        daemon.killHard();
      }
      assertThat(DaemonEndpoint.fileFor(database)).as("a killed daemon cannot remove its endpoint file").exists();

      String screen = DaemonKilledWhileLockedOutTest.status("--db", database.toString());
      assertThat(screen)
          .startsWith("riskguard status  daemon not running — showing the last stored state")
          .contains("account " + Gateway.ACCOUNT)
          .contains("unknown (only a running daemon knows open positions)");
      JsonNode stored = json("--db", database.toString());
      assertThat(stored.path("live").asBoolean()).isFalse();
      assertThat(stored.path("accounts").path(0).path("positions").isNull()).isTrue();
    }
  }

  @Test
  void theJsonOfAMissingDaemonAndDatabaseIsAnErrorNamingTheFile() {
    StringWriter err = new StringWriter();
    Path missing = dir.resolve("nowhere.db");
    int exit = new CommandLine(new Main()).setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
        .execute("status", "--json", "--db", missing.toString());
    assertThat(exit).isEqualTo(3);
    assertThat(err.toString()).contains("no riskguard daemon running and no database at " + missing);
  }

  private static JsonNode json(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "--json";
    System.arraycopy(args, 0, command, 1, args.length);
    try {
      return new ObjectMapper().readTree(DaemonKilledWhileLockedOutTest.status(command));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
