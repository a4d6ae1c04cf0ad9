package riskguard.connectors.projectx.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static riskguard.connectors.projectx.hub.ScriptedHubPeer.RS;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import riskguard.connectors.projectx.model.Account;
import riskguard.connectors.projectx.model.DomType;
import riskguard.connectors.projectx.model.Order;
import riskguard.connectors.projectx.model.OrderStatus;
import riskguard.connectors.projectx.model.Position;
import riskguard.connectors.projectx.model.PositionType;
import riskguard.connectors.projectx.model.Quote;
import riskguard.connectors.projectx.model.Trade;
import riskguard.connectors.signalr.Close;
import riskguard.connectors.testing.CapturedLogs;
import riskguard.connectors.testing.HubCallbacks;

/** UserHub and MarketHub: subscriptions, raw and typed events, bad input skipped. */
class ProjectXHubsTest {

    private static final String CONTRACT = "CON.F.US.EP.H25";

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private MockWebServer server;
    private AutoCloseable hub;

    @BeforeEach
    void startServer() throws Exception {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
        server.close();
    }

    private HubConnection.Builder connection(String path) {
        return HubConnection.builder("ws://127.0.0.1:" + server.getPort() + path, () -> "token")
                .reconnectDelay(Duration.ofMillis(20), Duration.ofMillis(100));
    }

    private ScriptedHubPeer enqueue(ScriptedHubPeer peer) {
        server.enqueue(new MockResponse.Builder().webSocketUpgrade(peer).build());
        return peer;
    }

    private UserHub startUserHub() throws Exception {
        UserHub userHub = new UserHub(connection("/hubs/user"), new HubCallbacks(received));
        hub = userHub;
        userHub.start().get(10, TimeUnit.SECONDS);
        return userHub;
    }

    private MarketHub startMarketHub() throws Exception {
        MarketHub marketHub = new MarketHub(connection("/hubs/market"), new HubCallbacks(received));
        hub = marketHub;
        marketHub.start().get(10, TimeUnit.SECONDS);
        return marketHub;
    }

    private <T> T next(Class<T> type) throws InterruptedException {
        Object value = received.poll(10, TimeUnit.SECONDS);
        assertThat(value).as("a callback").isInstanceOf(type);
        return type.cast(value);
    }

    @Test
    void userHubSubscribesWithTheProjectXMethodNames() throws Exception {
        ScriptedHubPeer peer = enqueue(ScriptedHubPeer.accepting());
        UserHub userHub = startUserHub();
        peer.nextRecord();

        userHub.subscribeAccounts().get(10, TimeUnit.SECONDS);
        userHub.subscribeAccount(536).get(10, TimeUnit.SECONDS);
        userHub.unsubscribeTrades(536).get(10, TimeUnit.SECONDS);

        assertThat(peer.nextRecord()).contains("\"target\":\"SubscribeAccounts\",\"arguments\":[]");
        assertThat(peer.nextRecord()).contains("\"target\":\"SubscribeOrders\",\"arguments\":[536]");
        assertThat(peer.nextRecord()).contains("\"target\":\"SubscribePositions\",\"arguments\":[536]");
        assertThat(peer.nextRecord()).contains("\"target\":\"SubscribeTrades\",\"arguments\":[536]");
        assertThat(peer.nextRecord()).contains("\"target\":\"UnsubscribeTrades\",\"arguments\":[536]");
    }

    @Test
    void userEventsArriveRawThenTypedBareOrWrapped() throws Exception {
        ScriptedHubPeer peer = enqueue(ScriptedHubPeer.accepting());
        startUserHub();

        String wrappedPosition = "{\"action\":1,\"data\":{\"id\":7,\"accountId\":536,\"contractId\":\"" + CONTRACT
                + "\",\"creationTimestamp\":\"2025-01-21T16:13:52.5232931+00:00\",\"type\":2,\"size\":3,"
                + "\"averagePrice\":6065.250000000}}";
        peer.send("{\"type\":1,\"target\":\"GatewayUserPosition\",\"arguments\":[" + wrappedPosition + "]}" + RS
                + "{\"type\":1,\"target\":\"GatewayUserOrder\",\"arguments\":[{\"id\":9056,\"accountId\":536,"
                + "\"contractId\":\"" + CONTRACT + "\",\"status\":2,\"type\":2,\"side\":0,\"size\":1,"
                + "\"filledPrice\":6065.25,\"customTag\":\"rg-1\"}]}" + RS
                + "{\"type\":1,\"target\":\"GatewayUserAccount\",\"arguments\":[{\"id\":536,\"name\":\"50K\","
                + "\"balance\":49800.5,\"canTrade\":false,\"isVisible\":true,\"simulated\":true}]}" + RS);

        HubEvent rawPosition = next(HubEvent.class);
        assertThat(rawPosition.hub()).isEqualTo(UserHub.HUB);
        assertThat(rawPosition.target()).isEqualTo("GatewayUserPosition");
        assertThat(rawPosition.data().get("action").intValue()).as("raw keeps the wrapper").isEqualTo(1);
        assertThat(rawPosition.data().get("data").get("id").intValue()).isEqualTo(7);
        assertThat(rawPosition.contractId()).isNull();
        Position position = next(Position.class);
        assertThat(position.type()).isEqualTo(PositionType.SHORT);
        assertThat(position.size()).isEqualTo(3);
        assertThat(next(HubEvent.class).target()).isEqualTo("GatewayUserOrder");
        Order order = next(Order.class);
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.customTag()).isEqualTo("rg-1");
        next(HubEvent.class);
        assertThat(next(Account.class).canTrade()).isFalse();
    }

    @Test
    void aListenerOfRawEventsOnlyGetsThemWithoutTheTypedDecoding() throws Exception {
        ScriptedHubPeer peer = enqueue(ScriptedHubPeer.accepting());
        UserHub userHub = new UserHub(connection("/hubs/user"), new UserHubListener() {
            @Override
            public void onEvent(HubEvent event) {
                received.add(event);
            }

            @Override
            public void onPosition(Position position) {
                received.add(position);
            }

            @Override
            public boolean wantsTyped() {
                return false;
            }
        });
        hub = userHub;
        userHub.start().get(10, TimeUnit.SECONDS);

        peer.send("{\"type\":1,\"target\":\"GatewayUserPosition\",\"arguments\":[{\"id\":7,\"accountId\":536,"
                + "\"contractId\":\"" + CONTRACT + "\",\"type\":1,\"size\":2}]}" + RS
                + "{\"type\":1,\"target\":\"GatewayUserOrder\",\"arguments\":[{\"id\":1,\"status\":42}]}" + RS
                + "{\"type\":1,\"target\":\"GatewayUserPosition\",\"arguments\":[{\"id\":7,\"accountId\":536,"
                + "\"contractId\":\"" + CONTRACT + "\",\"type\":1,\"size\":0}]}" + RS);

        assertThat(next(HubEvent.class).data().get("size").intValue()).isEqualTo(2);
        assertThat(next(HubEvent.class).target()).as("no typed position in between").isEqualTo("GatewayUserOrder");
        assertThat(next(HubEvent.class).data().get("size").intValue()).isZero();
        assertThat(userHub.connection().problemCounts()).as("the order's bad enum is the raw reader's business")
                .doesNotContainKey("undecodable GatewayUserOrder");
    }

    @Test
    void badInputIsSkippedWithOneWarningPerKindAndTheConnectionStays() throws Exception {
        try (CapturedLogs logs = new CapturedLogs()) {
            ScriptedHubPeer peer = enqueue(ScriptedHubPeer.accepting());
            UserHub userHub = startUserHub();

            String unknown = "{\"type\":1,\"target\":\"GatewayUserSomethingNew\",\"arguments\":[{}]}" + RS;
            String truncated = "{\"type\":1,\"target\":\"GatewayUserTrade\",\"argum" + RS;
            String badEnum = "{\"type\":1,\"target\":\"GatewayUserOrder\",\"arguments\":[{\"id\":1,\"status\":42}]}" + RS;
            peer.send(unknown + unknown + truncated + truncated + truncated + badEnum + "[]" + RS);
            peer.send("{\"type\":1,\"target\":\"GatewayUserTrade\",\"arguments\":[{\"id\":8604,\"accountId\":536,"
                    + "\"contractId\":\"" + CONTRACT + "\",\"price\":6065.25,\"profitAndLoss\":-50.0,\"fees\":1.4,"
                    + "\"side\":1,\"size\":1,\"voided\":false,\"orderId\":9056}]}" + RS);

            assertThat(next(HubEvent.class).target()).as("bad enum: raw still delivered").isEqualTo("GatewayUserOrder");
            assertThat(next(HubEvent.class).target()).isEqualTo("GatewayUserTrade");
            assertThat(next(Trade.class).profitAndLoss()).isEqualTo(-50.0);
            assertThat(userHub.connection().isConnected()).isTrue();
            assertThat(userHub.connection().problemCounts()).containsEntry("unknown target GatewayUserSomethingNew", 2L)
                    .containsEntry("malformed record: NOT_JSON", 3L)
                    .containsEntry("malformed record: NOT_AN_OBJECT", 1L)
                    .containsEntry("undecodable GatewayUserOrder", 1L);
            List<String> warnings = logs.lines().stream().filter(line -> line.startsWith("WARN")).toList();
            assertThat(warnings).filteredOn(line -> line.contains("NOT_JSON")).hasSize(1);
            assertThat(warnings).filteredOn(line -> line.contains("GatewayUserSomethingNew")).hasSize(1);
            assertThat(warnings).filteredOn(line -> line.contains("unknown OrderStatus code 42")).hasSize(1);
        }
    }

    @Test
    void afterAServerCloseTheHubResubscribesAndEventsFlowAgain() throws Exception {
        ScriptedHubPeer first = enqueue(ScriptedHubPeer.accepting());
        ScriptedHubPeer second = enqueue(ScriptedHubPeer.accepting());
        UserHub userHub = startUserHub();
        userHub.subscribeAccount(536).get(10, TimeUnit.SECONDS);
        first.awaitRecordContaining("SubscribeTrades");

        first.send(new Close("Connection closed with an error.", true));

        second.nextRecord();
        assertThat(List.of(second.nextRecord(), second.nextRecord(), second.nextRecord()))
                .anySatisfy(record -> assertThat(record).contains("SubscribeOrders"))
                .anySatisfy(record -> assertThat(record).contains("SubscribePositions"))
                .anySatisfy(record -> assertThat(record).contains("SubscribeTrades"));
        assertThat(next(String.class)).isEqualTo(HubCallbacks.RECONNECTED);
        second.send("{\"type\":1,\"target\":\"GatewayUserPosition\",\"arguments\":[{\"id\":7,\"accountId\":536,"
                + "\"contractId\":\"" + CONTRACT + "\",\"type\":1,\"size\":0}]}" + RS);
        next(HubEvent.class);
        assertThat(next(Position.class).size()).isZero();
    }

    @Test
    void marketHubMergesPartialQuotesForTheTypedForm() throws Exception {
        ScriptedHubPeer peer = enqueue(ScriptedHubPeer.accepting());
        MarketHub marketHub = startMarketHub();
        peer.nextRecord();
        marketHub.subscribeQuotes(CONTRACT).get(10, TimeUnit.SECONDS);
        assertThat(peer.nextRecord()).contains("\"target\":\"SubscribeContractQuotes\",\"arguments\":[\"" + CONTRACT + "\"]");

        peer.send("{\"type\":1,\"target\":\"GatewayQuote\",\"arguments\":[\"" + CONTRACT + "\",{\"symbol\":\"F.US.EP\","
                + "\"symbolName\":\"/ES\",\"lastPrice\":6065.25,\"bestBid\":6065.0,\"bestAsk\":6065.25,\"volume\":100,"
                + "\"lastUpdated\":\"2025-01-21T16:13:52.523293+00:00\"}]}" + RS
                + "{\"type\":1,\"target\":\"GatewayQuote\",\"arguments\":[\"" + CONTRACT + "\",{\"lastPrice\":6066.0}]}" + RS);

        next(HubEvent.class);
        assertThat(next(Quote.class).lastPrice()).isEqualTo(6065.25);
        HubEvent partial = next(HubEvent.class);
        assertThat(partial.contractId()).isEqualTo(CONTRACT);
        assertThat(partial.data().has("bestBid")).as("raw form stays partial").isFalse();
        Quote merged = next(Quote.class);
        assertThat(merged.lastPrice()).isEqualTo(6066.0);
        assertThat(merged.bestBid()).isEqualTo(6065.0);
        assertThat(merged.symbol()).isEqualTo("F.US.EP");
    }

    @Test
    void marketTradesAndDepthAreDecodedAsLists() throws Exception {
        ScriptedHubPeer peer = enqueue(ScriptedHubPeer.accepting());
        MarketHub marketHub = startMarketHub();
        marketHub.subscribeTrades(CONTRACT).get(10, TimeUnit.SECONDS);
        marketHub.subscribeDepth(CONTRACT).get(10, TimeUnit.SECONDS);
        peer.awaitRecordContaining("SubscribeContractMarketDepth");

        peer.send("{\"type\":1,\"target\":\"GatewayTrade\",\"arguments\":[\"" + CONTRACT + "\",[{\"symbolId\":\"F.US.EP\","
                + "\"price\":6065.25,\"timestamp\":\"2025-01-21T16:13:52.523293+00:00\",\"type\":0,\"volume\":2},"
                + "{\"symbolId\":\"F.US.EP\",\"price\":6065.0,\"type\":1,\"volume\":1}]]}" + RS
                + "{\"type\":1,\"target\":\"GatewayDepth\",\"arguments\":[\"" + CONTRACT + "\",[{\"timestamp\":"
                + "\"2025-01-21T16:13:52.523293+00:00\",\"type\":3,\"price\":6065.25,\"volume\":12,\"currentVolume\":12}]]}"
                + RS);

        next(HubEvent.class);
        assertThat(next(HubCallbacks.MarketTrades.class).trades()).hasSize(2);
        next(HubEvent.class);
        assertThat(next(HubCallbacks.Depth.class).entries()).singleElement()
                .satisfies(entry -> assertThat(entry.type()).isEqualTo(DomType.BEST_ASK));
    }
}
