package riskguard.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static riskguard.app.daemon.SimulatorFixture.ACCOUNT;
import static riskguard.app.daemon.SimulatorFixture.PATIENCE;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import riskguard.connectors.projectx.model.Position;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.SimContract;
import riskguard.connectors.sim.SimTrader;

/** {@code GET /status} of the real daemon on loopback, against the simulator's own figures. */
class DaemonStatusEndpointTest {

  static final String LIMITS = """
        max_contracts:
          limit: 4
          count_type: gross
        daily_realized_loss:
          limit: 500
        daily_unrealized_loss:
          limit: 200
      """;

  @TempDir Path dir;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void servesConnectionPositionsUnrealizedPnlLimitsAndOrdersAndIsAdvertisedNextToTheDatabase() throws Exception {
    Path database = dir.resolve("riskguard.db");
    try (GatewaySimulator sim = SimulatorFixture.start(0)) {
      SimTrader trader = sim.trader(ACCOUNT);
      try (Daemon daemon = Daemon.start(DaemonOptions.of(SimulatorFixture.config(sim.restUrl(), database, LIMITS)))) {
        assertThat(daemon.awaitReady(PATIENCE)).isTrue();
        DaemonEndpoint advertised = DaemonEndpoint.find(database).orElseThrow();
        assertThat(advertised.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(advertised.isAlive()).isTrue();
        assertThat(advertised.url().getHost()).isEqualTo("127.0.0.1");
        assertThat(daemon.statusEndpoint()).contains(advertised.url());

        trader.buyMarket(ContractCatalogue.MNQ, 1);
        sim.market().setPrice(ContractCatalogue.MNQ, 20_990.00);
        trader.sellMarket(ContractCatalogue.MNQ, 1);                 // 10 points x $2 lost, plus fees
        sim.market().setPrice(ContractCatalogue.MNQ, 21_000.00);
        trader.buyMarket(ContractCatalogue.MNQ, 2);
        long stop = trader.sellStop(ContractCatalogue.MNQ, 2, 20_900.00);
        Position held = trader.position(ContractCatalogue.MNQ).orElseThrow();
        sim.market().setPrice(ContractCatalogue.MNQ, held.averagePrice() - 30.00);
        SimContract mnq = ContractCatalogue.standard().byId(ContractCatalogue.MNQ).orElseThrow();
        double pointValue = mnq.tickValue().doubleValue() / mnq.tickSize().doubleValue();
        double expectedUnrealized = -30.00 * 2 * pointValue;

        Eventually.until("the endpoint values the position at the new quote with the stop working", PATIENCE, () -> {
          StatusDocument.Account account = get(advertised).accounts().get(0);
          return account.unrealizedPnl() != null && account.unrealizedPnl() == expectedUnrealized
              && account.workingOrders().size() == 1;
        });
        StatusDocument status = get(advertised);
        assertThat(status.live()).isTrue();
        assertThat(status.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(status.connection()).isEqualTo("CONNECTED");
        assertThat(status.startedAt()).isBeforeOrEqualTo(status.takenAt());
        assertThat(status.rulePackage()).isNotBlank();

        StatusDocument.Account account = status.accounts().get(0);
        assertThat(account.id()).isEqualTo(ACCOUNT);
        assertThat(account.name()).isEqualTo("50KTC-DAEMON");
        assertThat(account.canTrade()).isTrue();
        assertThat(account.realizedPnl()).isLessThanOrEqualTo(-20.00);
        assertThat(account.hubs()).isEqualTo(new StatusDocument.Hubs("CONNECTED", "CONNECTED", java.util.List.of()));
        assertThat(account.positions()).singleElement().satisfies(position -> {
          assertThat(position.contractId()).isEqualTo(ContractCatalogue.MNQ);
          assertThat(position.symbol()).isEqualTo(mnq.name());
          assertThat(position.side()).isEqualTo("LONG");
          assertThat(position.size()).isEqualTo(held.size());
          assertThat(position.averagePrice()).isEqualTo(held.averagePrice());
          assertThat(position.lastPrice()).isEqualTo(sim.market().quote(ContractCatalogue.MNQ).lastPrice());
          assertThat(position.unrealizedPnl()).isEqualTo(expectedUnrealized);
        });
        assertThat(account.workingOrders()).singleElement().satisfies(order -> {
          assertThat(order.orderId()).isEqualTo(stop);
          assertThat(order.type()).isEqualTo("STOP");
          assertThat(order.side()).isEqualTo("SELL");
          assertThat(order.stopPrice()).isEqualTo(20_900.00);
        });
        assertThat(account.limits()).extracting(StatusDocument.LimitUse::rule, StatusDocument.LimitUse::value,
                StatusDocument.LimitUse::limit, StatusDocument.LimitUse::percentUsed)
            .containsExactlyInAnyOrder(
                tuple("RULE-003", -account.realizedPnl(), 500.0,
                    Math.round(-account.realizedPnl() / 500 * 1000) / 10.0),
                tuple("RULE-004", -expectedUnrealized, 200.0,
                    Math.round(-expectedUnrealized / 200 * 1000) / 10.0),
                tuple("RULE-001", 2.0, 4.0, 50.0));
        assertThat(Files.readString(DaemonEndpoint.fileFor(database))).doesNotContain(GatewaySimulator.DEMO_API_KEY);
        assertThat(body(advertised, "/status")).doesNotContain(GatewaySimulator.DEMO_API_KEY);
      }
      assertThat(DaemonEndpoint.fileFor(database)).doesNotExist();
    }
  }

  @Test
  void answersOtherMethodsAndPathsWithTheirHttpErrors() throws Exception {
    try (GatewaySimulator sim = SimulatorFixture.start(0);
        Daemon daemon = Daemon.start(DaemonOptions.of(SimulatorFixture.config(sim.restUrl(),
            dir.resolve("riskguard.db"), "")))) {
      URI root = daemon.statusEndpoint().orElseThrow();
      HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(root + "/status"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(405);
      assertThat(post.headers().firstValue("Allow")).contains("GET");
      HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(root + "/status/more")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(unknown.body()).contains("/status/more");
    }
  }

  private StatusDocument get(DaemonEndpoint endpoint) {
    try {
      return StatusJson.mapper().readValue(body(endpoint, "/status"), StatusDocument.class);
    } catch (IOException e) {
      throw new AssertionError("GET /status answered what is not a status document", e);
    }
  }

  private String body(DaemonEndpoint endpoint, String path) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.resolve(path)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new AssertionError("GET " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
