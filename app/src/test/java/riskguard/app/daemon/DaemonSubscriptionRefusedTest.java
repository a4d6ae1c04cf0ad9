package riskguard.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static riskguard.app.daemon.SimulatorFixture.ACCOUNT;
import static riskguard.app.daemon.SimulatorFixture.PATIENCE;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import riskguard.config.RiskguardConfig;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.SimTrader;

/**
 * The gateway refuses a user-hub subscription at start: the daemon must not claim to guard the
 * account, must say which subscription and why, and once the gateway accepts it must reconcile
 * and enforce. The real daemon against the real simulator on loopback.
 */
class DaemonSubscriptionRefusedTest {

  static final String REFUSAL = "positions of this account are not available right now";

  @TempDir Path dir;
  GatewaySimulator sim;
  SimTrader trader;
  final ListAppender<ILoggingEvent> log = new ListAppender<>();
  final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void start() throws Exception {
    sim = SimulatorFixture.start(0);
    trader = sim.trader(ACCOUNT);
    log.start();
    root.addAppender(log);
  }

  @AfterEach
  void stop() {
    root.detachAppender(log);
    sim.close();
  }

  @Test
  void aSubscriptionRefusedAtStartIsNotGuardingUntilTheGatewayAcceptsItThenABreachIsEnforced() throws Exception {
    sim.refuseSubscription("SubscribePositions", Long.toString(ACCOUNT), REFUSAL);
    RiskguardConfig config = SimulatorFixture.config(sim.restUrl(), dir.resolve("riskguard.db"),
        DaemonEnforcementTest.MAX_THREE_CONTRACTS);

    try (Daemon daemon = Daemon.start(DaemonOptions.of(config))) {
      Eventually.until("the daemon shows the refusal", PATIENCE,
          () -> daemon.connectionState() == ConnectionState.DEGRADED && !daemon.status().accounts().isEmpty());
      Eventually.until("the hub was asked again", PATIENCE, () -> sim.refusedSubscriptions() >= 2);
      assertThat(daemon.awaitReady(Duration.ofMillis(500))).as("ready = guarding").isFalse();

      StatusDocument status = daemon.status();
      assertThat(status.connection()).isEqualTo("DEGRADED");
      assertThat(status.accounts()).singleElement().satisfies(account ->
          assertThat(account.hubs().refused()).singleElement().asString()
              .startsWith("user hub refused SubscribePositions(" + ACCOUNT + "): ")
              .contains(REFUSAL));
      String served = http(daemon.statusEndpoint().orElseThrow() + "/status");
      assertThat(served).contains("\"connection\":\"DEGRADED\"").contains("SubscribePositions(" + ACCOUNT + ")");

      List<String> lines = lines();
      assertThat(lines).as("no claim to guard").noneMatch(line -> line.contains("guarding 1 account"));
      assertThat(lines).as("said once, though retried")
          .filteredOn(line -> line.startsWith("ERROR") && line.contains("NOT guarding")).singleElement().asString()
          .contains("SubscribePositions(" + ACCOUNT + ")").contains(REFUSAL);
      assertThat(lines)
          .filteredOn(line -> line.startsWith("ERROR") && line.contains("SubscribePositions(536) refused"))
          .hasSize(1);

      // a breach while the positions do not arrive: found by the reconciliation once accepted
      trader.buyMarket(ContractCatalogue.MNQ, 4);
      sim.acceptSubscriptions();

      assertThat(daemon.awaitReady(PATIENCE)).isTrue();
      Eventually.until("the blind breach is closed", PATIENCE, () -> SimulatorFixture.closed(sim, ContractCatalogue.MNQ));
      assertThat(lines()).anyMatch(line -> line.contains("guarding 1 account"));
      Eventually.until("the status is clean", PATIENCE, () -> daemon.connectionState() == ConnectionState.CONNECTED);
      assertThat(daemon.status().accounts().get(0).hubs().refused()).isEmpty();

      // and live events again: a breach through the now accepted positions subscription
      Eventually.until("MNQ is flat", PATIENCE, () -> trader.positions().isEmpty());
      sim.clearCalls();
      trader.buyMarket(ContractCatalogue.ES, 4);
      Eventually.until("the live breach is closed", PATIENCE, () -> SimulatorFixture.closed(sim, ContractCatalogue.ES));
    }
  }

  private List<String> lines() {
    return List.copyOf(log.list).stream()
        .filter(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
        .map(event -> event.getLevel() + " " + event.getFormattedMessage())
        .toList();
  }

  private static String http(String url) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
