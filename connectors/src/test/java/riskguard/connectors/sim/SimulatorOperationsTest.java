package riskguard.connectors.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import riskguard.connectors.recording.RecordingEntry;
import riskguard.connectors.recording.RecordingReader;

/** The admin surface over HTTP, hub pings and the recording of what was published. */
class SimulatorOperationsTest {

  private static final String MNQ = ContractCatalogue.MNQ;

  @Test
  void adminSurfaceActsAsTraderAndVenue() throws Exception {
    try (GatewaySimulator sim = GatewaySimulator.builder().quoteInterval(Duration.ZERO).start();
        HttpCalls http = new HttpCalls(sim.restUrl())) {
      assertThat(http.post("/sim/market/price", "{\"contractId\":\"" + MNQ + "\",\"bid\":21000.00,\"ask\":21000.25}", null)
          .status()).isEqualTo(200);
      HttpCalls.Answer placed = http.post("/sim/order",
          "{\"accountId\":536,\"contractId\":\"" + MNQ + "\",\"type\":2,\"side\":0,\"size\":3}", null);
      assertThat(placed.status()).isEqualTo(200);
      assertThat(placed.json().path("orderId").asLong()).isPositive();

      http.post("/sim/market/price", "{\"contractId\":\"" + MNQ + "\",\"ticks\":8}", null);
      assertThat(sim.market().quote(MNQ).bestBid()).isEqualTo(21002.00);
      assertThat(http.post("/sim/close", "{\"accountId\":536,\"contractId\":\"" + MNQ + "\",\"size\":1}", null)
          .status()).isEqualTo(200);
      JsonNode state = http.get("/sim/state").json();
      assertThat(state.path("positions").path("536").get(0).path("size").asInt()).isEqualTo(2);
      assertThat(state.path("quotes").path(MNQ).path("bestBid").asDouble()).isEqualTo(21002.00);

      assertThat(http.post("/sim/account", "{\"accountId\":536,\"canTrade\":false}", null).status()).isEqualTo(200);
      HttpCalls.Answer refused = http.post("/sim/order",
          "{\"accountId\":536,\"contractId\":\"" + MNQ + "\",\"type\":2,\"side\":0,\"size\":1}", null);
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.json().path("errorCode").asInt()).isEqualTo(10);

      http.post("/sim/market/pause", "", null);
      assertThat(sim.market().paused()).isTrue();
      http.post("/sim/market/resume", "", null);
      assertThat(sim.market().paused()).isFalse();

      assertThat(http.post("/sim/failures", "{\"count\":1,\"status\":500,\"endpoint\":\"/api/Account/search\"}", null)
          .status()).isEqualTo(200);
      String token = http.login(GatewaySimulator.DEMO_USER, GatewaySimulator.DEMO_API_KEY);
      assertThat(http.post("/api/Account/search", "{\"onlyActiveAccounts\":true}", token).status()).isEqualTo(500);
      assertThat(http.post("/api/Account/search", "{\"onlyActiveAccounts\":true}", token).status()).isEqualTo(200);

      JsonNode calls = http.get("/sim/calls?endpoint=/api/Account/search").json().path("calls");
      assertThat(calls.size()).isEqualTo(2);
      assertThat(calls.get(0).path("status").asInt()).isEqualTo(500);
      assertThat(calls.get(1).path("body").asText()).isEqualTo("{\"onlyActiveAccounts\":true}");
      assertThat(calls.get(1).path("time").asText()).isNotBlank();
      http.delete("/sim/calls");
      assertThat(sim.calls()).isEmpty();

      http.post("/sim/tokens/revoke", "", null);
      assertThat(http.post("/api/Account/search", "{}", token).status()).isEqualTo(401);

      HttpCalls.Answer bad = http.post("/sim/market/price", "{\"contractId\":\"" + MNQ + "\",\"price\":21000.1}", null);
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.json().path("error").asText()).contains(MNQ).contains("0.25");
      assertThat(http.get("/sim/nothing").status()).isEqualTo(404);
    }
  }

  @Test
  void hubsPingTheirClients() throws Exception {
    try (GatewaySimulator sim = GatewaySimulator.builder()
            .quoteInterval(Duration.ZERO).hubPingInterval(Duration.ofMillis(100)).hubClientTimeout(Duration.ofHours(1))
            .start();
        HttpCalls http = new HttpCalls(sim.restUrl())) {
      String token = http.login(GatewaySimulator.DEMO_USER, GatewaySimulator.DEMO_API_KEY);
      try (RawHubClient hub = RawHubClient.connected(
          sim.hubUrl(Hub.MARKET).replace("http://", "ws://") + "?access_token=" + token)) {
        assertThat(hub.next(m -> m.path("type").asInt() == 6).toString()).isEqualTo("{\"type\":6}");
      }
    }
  }

  @Test
  void aSilentHubClientIsDropped() throws Exception {
    try (GatewaySimulator sim = GatewaySimulator.builder()
            .quoteInterval(Duration.ZERO).hubPingInterval(Duration.ofMillis(50)).hubClientTimeout(Duration.ofMillis(200))
            .start();
        HttpCalls http = new HttpCalls(sim.restUrl())) {
      String token = http.login(GatewaySimulator.DEMO_USER, GatewaySimulator.DEMO_API_KEY);
      try (RawHubClient hub = RawHubClient.connected(
          sim.hubUrl(Hub.USER).replace("http://", "ws://") + "?access_token=" + token)) {
        assertThat(hub.closed.get(10, TimeUnit.SECONDS)).as("socket closed by the server").isNotNull();
      }
    }
  }

  @Test
  void theRandomWalkPublishesQuotesOnItsTimerUntilPaused() throws Exception {
    try (GatewaySimulator sim = GatewaySimulator.builder().quoteInterval(Duration.ofMillis(20)).start();
        HttpCalls http = new HttpCalls(sim.restUrl())) {
      String token = http.login(GatewaySimulator.DEMO_USER, GatewaySimulator.DEMO_API_KEY);
      try (RawHubClient hub = RawHubClient.connected(
          sim.hubUrl(Hub.MARKET).replace("http://", "ws://") + "?access_token=" + token)) {
        hub.invoke("1", "SubscribeContractQuotes", "[\"" + MNQ + "\"]");
        hub.nextEvent("GatewayQuote");
        JsonNode stepped = hub.nextEvent("GatewayQuote");
        assertThat(stepped.path("arguments").get(1).path("volume").asLong()).isPositive();
      }
    }
  }

  @Test
  void publishedEventsAreWrittenAsARecordingTheReaderAccepts(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sim.jsonl");
    try (GatewaySimulator sim = GatewaySimulator.builder().quoteInterval(Duration.ZERO).recordTo(file).build()) {
      sim.market().setQuote(MNQ, 21000.00, 21000.25, 21000.00);
      sim.trader(536).buyMarket(MNQ, 1);
      sim.market().setQuote(MNQ, 20990.00, 20990.25, 20990.00);
      sim.trader(536).closePosition(MNQ);
    }
    List<RecordingEntry> entries = new ArrayList<>();
    try (RecordingReader reader = RecordingReader.open(file)) {
      assertThat(reader.header()).isPresent();
      reader.forEach(entries::add);
    }
    assertThat(entries).noneMatch(e -> e instanceof RecordingEntry.Bad);
    assertThat(entries).filteredOn(e -> e instanceof RecordingEntry.Contract)
        .extracting(e -> ((RecordingEntry.Contract) e).contractId())
        .contains(ContractCatalogue.ES, ContractCatalogue.NQ, MNQ);
    List<RecordingEntry.Event> events = entries.stream()
        .filter(e -> e instanceof RecordingEntry.Event).map(e -> (RecordingEntry.Event) e).toList();
    assertThat(events).extracting(RecordingEntry.Event::target).doesNotContain("GatewayDepth", "GatewayTrade")
        .contains("GatewayQuote", "GatewayUserOrder", "GatewayUserTrade", "GatewayUserPosition", "GatewayUserAccount");
    RecordingEntry.Event closingTrade = events.stream()
        .filter(e -> e.target().equals("GatewayUserTrade") && !e.data().path("profitAndLoss").isNull())
        .findFirst().orElseThrow();
    assertThat(closingTrade.hub()).isEqualTo("user");
    // (20990.00 - 21000.25) / 0.25 = -41 ticks × $0.50
    assertThat(closingTrade.data().path("profitAndLoss").asDouble()).isEqualTo(-20.50);
    RecordingEntry.Event quote = events.stream().filter(e -> e.target().equals("GatewayQuote")).findFirst().orElseThrow();
    assertThat(quote.contractId()).isEqualTo(MNQ);
    assertThat(quote.data().path("symbol").asText()).isEqualTo("F.US.MNQ");
  }
}
