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
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import riskguard.config.RiskguardConfig;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.Hub;
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

  @Test
  void aSubscriptionRefusedAfterAReconnectIsOneEpisodeAndWhatWasMissedIsReconciledOnceAccepted() throws Exception {
    List<String> heard = new CopyOnWriteArrayList<>();
    DaemonListener listener = new DaemonListener() {
      @Override
      public void reconnected(String hub) {
        heard.add("reconnected " + hub);
      }

      @Override
      public void subscriptionsRefused(List<String> refused) {
        heard.add("refused " + refused);
      }
    };
    RiskguardConfig config = SimulatorFixture.config(sim.restUrl(), dir.resolve("riskguard.db"),
        DaemonEnforcementTest.MAX_THREE_CONTRACTS);
    try (Daemon daemon = Daemon.start(DaemonOptions.of(config).withListener(listener))) {
      assertThat(daemon.awaitReady(PATIENCE)).isTrue();
      assertThat(daemon.connectionState()).isEqualTo(ConnectionState.CONNECTED);

      sim.refuseSubscription("SubscribePositions", null, REFUSAL);
      sim.dropHubConnections(Hub.USER, true);
      Eventually.until("the user hub is back, reconciled", PATIENCE, () -> heard.contains("reconnected user"));
      Eventually.until("the refusal is told", PATIENCE, () -> heard.stream().anyMatch(h -> h.startsWith("refused")));
      assertThat(daemon.connectionState()).isEqualTo(ConnectionState.DEGRADED);
      Eventually.until("the hub was asked again", PATIENCE, () -> sim.refusedSubscriptions() >= 2);

      trader.buyMarket(ContractCatalogue.MNQ, 4);
      sim.acceptSubscriptions();

      Eventually.until("the breach made while blind is closed", PATIENCE,
          () -> SimulatorFixture.closed(sim, ContractCatalogue.MNQ));
      Eventually.until("the state is clean", PATIENCE, () -> daemon.connectionState() == ConnectionState.CONNECTED);
      assertThat(heard).filteredOn(h -> h.startsWith("refused")).singleElement().asString()
          .contains("user hub refused SubscribePositions(" + ACCOUNT + ")").contains(REFUSAL);
      assertThat(lines()).filteredOn(line -> line.contains("NOT guarding")).hasSize(1);
      // logged once the reconciliation is done, which the close above may beat
      Eventually.until("the daemon says it guards fully again", PATIENCE,
          () -> lines().stream().anyMatch(line -> line.contains("guarding account(s) [" + ACCOUNT + "] fully again")));
    }
  }

  @Test
  void aRefusedQuoteSubscriptionConcernsItsContractOnlyAndTheDaemonKeepsGuarding() throws Exception {
    sim.refuseSubscription("SubscribeContractQuotes", ContractCatalogue.MNQ, "no market data for MNQ");
    trader.buyMarket(ContractCatalogue.ES, 1);
    trader.buyMarket(ContractCatalogue.MNQ, 1);
    RiskguardConfig config = SimulatorFixture.config(sim.restUrl(), dir.resolve("riskguard.db"),
        DaemonEnforcementTest.MAX_THREE_CONTRACTS);
    try (Daemon daemon = Daemon.start(DaemonOptions.of(config))) {
      assertThat(daemon.awaitReady(PATIENCE)).as("the user hub is fully subscribed").isTrue();
      Eventually.until("the quote refusal shows", PATIENCE, () -> daemon.connectionState() == ConnectionState.DEGRADED);
      assertThat(daemon.status().accounts().get(0).hubs().refused()).singleElement().asString()
          .startsWith("market hub refused SubscribeContractQuotes(" + ContractCatalogue.MNQ + "): ")
          .contains("no market data for MNQ");

      sim.market().setPrice(ContractCatalogue.ES, 5_810.00);
      Eventually.until("ES quotes still arrive", PATIENCE, () -> mark(daemon, ContractCatalogue.ES) == 5_810.00);
      assertThat(mark(daemon, ContractCatalogue.MNQ)).as("no MNQ quote while refused").isNaN();

      sim.acceptSubscriptions();
      Eventually.until("MNQ quotes arrive once accepted", PATIENCE, () -> !Double.isNaN(mark(daemon, ContractCatalogue.MNQ)));
      Eventually.until("the state is clean", PATIENCE, () -> daemon.connectionState() == ConnectionState.CONNECTED);

      // a breach is enforced throughout
      trader.buyMarket(ContractCatalogue.ES, 2);
      Eventually.until("the breach is closed", PATIENCE, () -> SimulatorFixture.closed(sim, ContractCatalogue.ES));
    }
  }

  /** The position's mark in the daemon's snapshot, NaN before its first quote. */
  private static double mark(Daemon daemon, String contractId) {
    return daemon.snapshot().accounts().get(0).positions().stream()
        .filter(position -> position.contractId().equals(contractId) && position.mark() != null)
        .mapToDouble(DaemonSnapshot.PositionSnapshot::mark)
        .findFirst().orElse(Double.NaN);
  }

  private List<String> lines() {
    List<ILoggingEvent> events;
    synchronized (log) { // the appender appends under this lock: a copy while the daemon logs
      events = List.copyOf(log.list);
    }
    return events.stream()
        .filter(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
        .map(event -> event.getLevel() + " " + event.getFormattedMessage())
        .toList();
  }

  private static String http(String url) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
