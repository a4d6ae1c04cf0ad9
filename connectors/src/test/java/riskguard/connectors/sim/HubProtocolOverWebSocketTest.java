package riskguard.connectors.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hubs over a real WebSocket, with the SignalR JSON protocol spoken by hand. */
class HubProtocolOverWebSocketTest {

  private static final long ACCOUNT = 536;
  private static final String ES = ContractCatalogue.ES;

  private GatewaySimulator sim;
  private HttpCalls http;
  private String token;

  @BeforeEach
  void start() throws Exception {
    sim = GatewaySimulator.builder().quoteInterval(Duration.ZERO).start();
    http = new HttpCalls(sim.restUrl());
    token = http.login(GatewaySimulator.DEMO_USER, GatewaySimulator.DEMO_API_KEY);
    sim.market().setQuote(ES, 5800.00, 5800.25, 5800.00);
  }

  @AfterEach
  void stop() {
    http.close();
    sim.close();
  }

  private String url(Hub hub) {
    return sim.hubUrl(hub).replace("http://", "ws://") + "?access_token=" + token;
  }

  @Test
  void upgradeWithoutAValidTokenIsRefusedWith401() {
    for (String bad : new String[] {"", "?access_token=forged"}) {
      try (RawHubClient hub = new RawHubClient(sim.hubUrl(Hub.USER).replace("http://", "ws://") + bad)) {
        assertThatThrownBy(() -> hub.opened.get(10, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .cause().isInstanceOfSatisfying(RawHubClient.FailedUpgrade.class, f -> assertThat(f.status).isEqualTo(401));
      }
    }
  }

  @Test
  void aRefusedSubscriptionIsAnErrorCompletionWordedAsTheGatewaysAndSubscribesNothingUntilAccepted() {
    assertThat(http.post("/sim/hubs/refuse",
        "{\"target\":\"SubscribeTrades\",\"argument\":\"536\",\"message\":\"not now\"}", null).status())
        .isEqualTo(200);
    try (RawHubClient hub = RawHubClient.connected(url(Hub.USER))) {
      assertThat(hub.invoke("1", "SubscribeTrades", "[536]").toString()).isEqualTo("{\"type\":3,\"invocationId\":\"1\","
          + "\"error\":\"Failed to invoke 'SubscribeTrades' due to an error on the server. HubException: not now\"}");
      assertThat(hub.invoke("2", "SubscribeOrders", "[536]").has("error")).as("only the one refused").isFalse();
      assertThat(hub.invoke("3", "UnsubscribeTrades", "[536]").has("error")).as("unsubscribing is never refused").isFalse();
      assertThat(sim.refusedSubscriptions()).isEqualTo(1);

      assertThat(http.delete("/sim/hubs/refuse").status()).isEqualTo(200);
      assertThat(hub.invoke("4", "SubscribeTrades", "[536]").has("error")).isFalse();
      sim.trader(ACCOUNT).buyMarket(ES, 1);
      assertThat(hub.nextEvent("GatewayUserTrade").path("arguments").get(0).path("accountId").asLong())
          .isEqualTo(ACCOUNT);
    }
    assertThat(http.post("/sim/hubs/refuse", "{\"target\":\"GatewayUserTrade\"}", null).status())
        .as("only a Subscribe… method").isEqualTo(400);
  }

  @Test
  void upgradeDeclinesThePerMessageDeflateTheClientOffers() throws Exception {
    try (RawHubClient hub = RawHubClient.connected(url(Hub.USER))) {
      Response upgrade = hub.opened.get(10, TimeUnit.SECONDS);
      assertThat(upgrade.request().header("Sec-WebSocket-Extensions")).contains("permessage-deflate");
      assertThat(upgrade.header("Sec-WebSocket-Extensions")).isNull();
    }
  }

  @Test
  void userHubPublishesOrderTradePositionAndAccountWithTheApiFields() {
    try (RawHubClient hub = RawHubClient.connected(url(Hub.USER))) {
      assertThat(hub.invoke("1", "SubscribeAccounts", "[]").has("error")).isFalse();
      assertThat(hub.invoke("2", "SubscribeOrders", "[536]").has("error")).isFalse();
      assertThat(hub.invoke("3", "SubscribePositions", "[536]").has("error")).isFalse();
      JsonNode completion = hub.invoke("4", "SubscribeTrades", "[536]");
      assertThat(completion.toString()).isEqualTo("{\"type\":3,\"invocationId\":\"4\"}");

      long orderId = sim.trader(ACCOUNT).buyMarket(ES, 1);

      JsonNode opened = hub.nextEvent("GatewayUserOrder");
      assertThat(opened.has("invocationId")).isFalse();
      JsonNode order = opened.path("arguments").get(0);
      assertThat(fieldNames(order)).containsExactly("id", "accountId", "contractId", "symbolId",
          "creationTimestamp", "updateTimestamp", "status", "type", "side", "size", "limitPrice", "stopPrice",
          "fillVolume", "filledPrice", "customTag");
      assertThat(order.path("id").asLong()).isEqualTo(orderId);
      assertThat(order.path("status").asInt()).isEqualTo(1);
      assertThat(order.path("symbolId").asText()).isEqualTo("F.US.EP");

      JsonNode filled = hub.nextEvent("GatewayUserOrder").path("arguments").get(0);
      assertThat(filled.path("status").asInt()).isEqualTo(2);
      assertThat(filled.path("filledPrice").asDouble()).isEqualTo(5800.25);
      assertThat(filled.path("fillVolume").asInt()).isEqualTo(1);

      JsonNode trade = hub.nextEvent("GatewayUserTrade").path("arguments").get(0);
      assertThat(fieldNames(trade)).containsExactly("id", "accountId", "contractId", "creationTimestamp", "price",
          "profitAndLoss", "fees", "side", "size", "voided", "orderId");
      assertThat(trade.path("profitAndLoss").isNull()).isTrue();
      assertThat(trade.path("fees").asDouble()).isEqualTo(1.40);

      JsonNode position = hub.nextEvent("GatewayUserPosition").path("arguments").get(0);
      assertThat(position.path("size").asInt()).isEqualTo(1);
      assertThat(position.path("type").asInt()).isEqualTo(1);
      assertThat(position.path("averagePrice").asDouble()).isEqualTo(5800.25);

      JsonNode account = hub.nextEvent("GatewayUserAccount").path("arguments").get(0);
      assertThat(fieldNames(account)).containsExactly("id", "name", "balance", "canTrade", "isVisible", "simulated");
      assertThat(account.path("balance").asDouble()).isEqualTo(50_000 - 1.40);

      sim.market().setQuote(ES, 5801.00, 5801.25, 5801.00);
      sim.trader(ACCOUNT).closePosition(ES);
      JsonNode closingTrade = hub.nextEvent("GatewayUserTrade").path("arguments").get(0);
      // (5801.00 - 5800.25) / 0.25 = 3 ticks × $12.50
      assertThat(closingTrade.path("profitAndLoss").asDouble()).isEqualTo(37.50);
      JsonNode closed = hub.nextEvent("GatewayUserPosition").path("arguments").get(0);
      assertThat(closed.path("size").asInt()).isZero();
      assertThat(closed.path("id").asLong()).isEqualTo(position.path("id").asLong());
      JsonNode settled = hub.nextEvent("GatewayUserAccount").path("arguments").get(0);
      assertThat(settled.path("balance").asDouble()).isEqualTo(50_000 + 37.50 - 2 * 1.40);

      sim.setCanTrade(ACCOUNT, false);
      assertThat(hub.nextEvent("GatewayUserAccount").path("arguments").get(0).path("canTrade").asBoolean()).isFalse();
    }
  }

  @Test
  void marketHubSendsTheCurrentQuoteOnSubscribeThenEveryChange() {
    try (RawHubClient hub = RawHubClient.connected(url(Hub.MARKET))) {
      hub.invoke("1", "SubscribeContractQuotes", "[\"" + ES + "\"]");
      JsonNode first = hub.nextEvent("GatewayQuote");
      assertThat(first.path("arguments").get(0).asText()).isEqualTo(ES);
      JsonNode quote = first.path("arguments").get(1);
      assertThat(fieldNames(quote)).containsExactly("symbol", "symbolName", "lastPrice", "bestBid", "bestAsk",
          "change", "changePercent", "open", "high", "low", "volume", "lastUpdated", "timestamp");
      assertThat(quote.path("symbol").asText()).isEqualTo("F.US.EP");
      assertThat(quote.path("symbolName").asText()).isEqualTo("/ES");
      assertThat(quote.path("bestBid").asDouble()).isEqualTo(5800.00);
      assertThat(quote.path("bestAsk").asDouble()).isEqualTo(5800.25);

      hub.invoke("2", "SubscribeContractTrades", "[\"" + ES + "\"]");
      hub.invoke("3", "SubscribeContractMarketDepth", "[\"" + ES + "\"]");
      sim.market().setPrice(ES, 5795.50);
      JsonNode moved = hub.nextEvent("GatewayQuote").path("arguments").get(1);
      assertThat(moved.path("lastPrice").asDouble()).isEqualTo(5795.50);
      assertThat(moved.path("bestAsk").asDouble()).isEqualTo(5795.75);
      assertThat(moved.path("change").asDouble()).isEqualTo(-4.50);
      JsonNode depth = hub.nextEvent("GatewayDepth").path("arguments").get(1);
      assertThat(depth.get(0).path("type").asInt()).isEqualTo(4);
      assertThat(depth.get(0).path("price").asDouble()).isEqualTo(5795.50);

      sim.trader(ACCOUNT).sellMarket(ES, 2);
      JsonNode print = hub.nextEvent("GatewayTrade").path("arguments").get(1).get(0);
      assertThat(print.path("symbolId").asText()).isEqualTo("F.US.EP");
      assertThat(print.path("price").asDouble()).isEqualTo(5795.50);
      assertThat(print.path("volume").asLong()).isEqualTo(2);
    }
  }

  @Test
  void unsubscribedQuotesStopArriving() {
    try (RawHubClient hub = RawHubClient.connected(url(Hub.MARKET))) {
      hub.invoke("1", "SubscribeContractQuotes", "[\"" + ES + "\"]");
      hub.nextEvent("GatewayQuote");
      hub.invoke("2", "UnsubscribeContractQuotes", "[\"" + ES + "\"]");
      sim.market().setPrice(ES, 5790.00);
      hub.send("{\"type\":1,\"invocationId\":\"3\",\"target\":\"SubscribeContractTrades\",\"arguments\":[\"" + ES
          + "\"]}" + RawHubClient.RS);
      // the server handles messages in order: a quote sent for the move would come before this completion
      JsonNode next = hub.next(m -> m.path("type").asInt() != 6);
      // the quote sent on subscribing was consumed above, so nothing but the completion is due
      assertThat(next.path("type").asInt()).isEqualTo(3);
      assertThat(next.path("invocationId").asText()).isEqualTo("3");
    }
  }

  @Test
  void garbageIsSkippedAndTheConnectionKeepsWorking() {
    try (RawHubClient hub = RawHubClient.connected(url(Hub.USER))) {
      hub.send("this is not json" + RawHubClient.RS);
      hub.send("{\"type\":1,\"invocationId\":\"7\",\"target\":" + RawHubClient.RS);
      hub.send("[1,2,3]" + RawHubClient.RS);
      hub.send("{\"type\":42}" + RawHubClient.RS);

      JsonNode unknown = hub.invoke("8", "SubscribeEverything", "[536]");
      assertThat(unknown.path("error").asText()).isEqualTo("Unknown hub method 'SubscribeEverything'");
      JsonNode marketMethodOnUserHub = hub.invoke("9", "SubscribeContractQuotes", "[\"" + ES + "\"]");
      assertThat(marketMethodOnUserHub.path("error").asText()).contains("Unknown hub method");
      JsonNode missingArgument = hub.invoke("10", "SubscribeOrders", "[]");
      assertThat(missingArgument.path("error").asText())
          .contains("Failed to invoke 'SubscribeOrders'").contains("expects 1");
      JsonNode unknownAccount = hub.invoke("11", "SubscribePositions", "[999]");
      assertThat(unknownAccount.path("error").asText()).contains("999");

      // one record split over two frames, then two records in one frame
      hub.send("{\"type\":1,\"invocationId\":\"12\",\"target\":\"Subscri");
      hub.send("bePositions\",\"arguments\":[536]}" + RawHubClient.RS);
      assertThat(hub.next(m -> m.path("type").asInt() == 3).path("invocationId").asText()).isEqualTo("12");
      hub.send("{\"type\":6}" + RawHubClient.RS + "{\"type\":1,\"invocationId\":\"13\",\"target\":\"SubscribeOrders\","
          + "\"arguments\":[536]}" + RawHubClient.RS);
      assertThat(hub.next(m -> m.path("type").asInt() == 3).path("invocationId").asText()).isEqualTo("13");

      sim.trader(ACCOUNT).buyMarket(ES, 1);
      assertThat(hub.nextEvent("GatewayUserPosition").path("arguments").get(0).path("size").asInt()).isEqualTo(1);
    }
  }

  @Test
  void handshakeWithAnotherProtocolIsRefused() {
    try (RawHubClient hub = new RawHubClient(url(Hub.USER))) {
      hub.send("{\"protocol\":\"messagepack\",\"version\":1}" + RawHubClient.RS);
      assertThat(hub.nextRecord()).contains("\"error\"").contains("messagepack");
    }
  }

  @Test
  void droppedConnectionsGetACloseMessageThatAllowsReconnect() throws Exception {
    List<RawHubClient> clients = new ArrayList<>();
    try (RawHubClient user = RawHubClient.connected(url(Hub.USER));
        RawHubClient market = RawHubClient.connected(url(Hub.MARKET))) {
      clients.add(user);
      clients.add(market);
      user.invoke("1", "SubscribeAccounts", "[]");
      market.invoke("1", "SubscribeContractQuotes", "[\"" + ES + "\"]");
      assertThat(sim.hubConnections(Hub.USER)).isEqualTo(1);

      assertThat(sim.dropHubConnections(Hub.USER, false)).isEqualTo(1);
      JsonNode close = user.next(m -> m.path("type").asInt() == 7);
      assertThat(close.path("allowReconnect").asBoolean()).isTrue();
      assertThat(user.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);

      assertThat(market.invoke("2", "SubscribeContractTrades", "[\"" + ES + "\"]").has("error"))
          .as("the market hub was not dropped").isFalse();
      sim.dropHubConnections(null, true);
      market.closed.get(10, TimeUnit.SECONDS);
    }
    assertThat(clients).allSatisfy(c -> assertThat(c.closed).isDone());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
