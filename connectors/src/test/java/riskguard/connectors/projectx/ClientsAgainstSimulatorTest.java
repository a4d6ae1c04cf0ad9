package riskguard.connectors.projectx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import riskguard.connectors.projectx.hub.HubConnection;
import riskguard.connectors.projectx.hub.HubEvent;
import riskguard.connectors.projectx.hub.MarketHub;
import riskguard.connectors.projectx.hub.UserHub;
import riskguard.connectors.projectx.model.ModifyOrderRequest;
import riskguard.connectors.projectx.model.Order;
import riskguard.connectors.projectx.model.OrderSide;
import riskguard.connectors.projectx.model.PlaceOrderRequest;
import riskguard.connectors.projectx.model.Position;
import riskguard.connectors.projectx.model.PositionType;
import riskguard.connectors.projectx.model.Quote;
import riskguard.connectors.projectx.model.Trade;
import riskguard.connectors.projectx.rest.ProjectXApiException;
import riskguard.connectors.projectx.rest.ProjectXRestClient;
import riskguard.connectors.projectx.rest.ProjectXTransportException;
import riskguard.connectors.projectx.rest.RetryPolicy;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.Hub;
import riskguard.connectors.sim.RecordedCall;
import riskguard.connectors.testing.FakeTime;
import riskguard.connectors.testing.HubCallbacks;

/** The REST and hub clients against the gateway simulator, over real sockets on loopback. */
class ClientsAgainstSimulatorTest {

    private static final long ACCOUNT = 536;
    private static final String MNQ = ContractCatalogue.MNQ;

    private final List<Object> userEvents = new CopyOnWriteArrayList<>();
    private final List<Object> marketEvents = new CopyOnWriteArrayList<>();
    private GatewaySimulator sim;
    private ProjectXRestClient rest;
    private UserHub userHub;
    private MarketHub marketHub;

    @BeforeEach
    void start() throws Exception {
        sim = GatewaySimulator.builder().startPaused(true).quoteInterval(Duration.ZERO).start();
        sim.market().setPrice(MNQ, 21000.00);
        rest = restClient().build();
    }

    @AfterEach
    void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {userHub, marketHub, rest, sim}) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    private ProjectXRestClient.Builder restClient() {
        return ProjectXRestClient.builder(sim.restUrl(), GatewaySimulator.DEMO_USER, GatewaySimulator.DEMO_API_KEY)
                .retryPolicy(new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(1)));
    }

    @Test
    void logsInAndReadsAccountsAndContracts() {
        assertThat(rest.searchAccounts(true)).anySatisfy(account -> {
            assertThat(account.id()).isEqualTo(ACCOUNT);
            assertThat(account.canTrade()).isTrue();
        });
        assertThat(rest.contractById(ContractCatalogue.NQ)).get()
                .satisfies(contract -> assertThat(contract.name()).isEqualTo("NQH5"));
        assertThat(rest.searchContracts("NQ", false)).isNotEmpty().hasSizeLessThanOrEqualTo(20);
        assertThat(sim.calls("/api/Auth/loginKey")).hasSize(1);
    }

    @Test
    void refreshesTheTokenThroughValidateWhenItAges() {
        FakeTime time = new FakeTime();
        try (ProjectXRestClient aging = restClient().timeSource(time).tokenRefreshAfter(Duration.ofHours(12)).build()) {
            String first = aging.accessToken();
            time.advance(Duration.ofHours(13));
            aging.searchAccounts(true);
            assertThat(sim.calls("/api/Auth/validate")).singleElement()
                    .satisfies(call -> assertThat(call.success()).isTrue());
            assertThat(aging.accessToken()).isNotEqualTo(first);
        }
    }

    /** The token still has 11 of its 24 hours: a refresh that cannot get through must not stop a close. */
    @Test
    void aRefreshThatCannotReachTheGatewayKeepsTheStillValidTokenAndTriesAgainLater() {
        FakeTime time = new FakeTime();
        try (ProjectXRestClient aging = restClient().timeSource(time).tokenRefreshAfter(Duration.ofHours(12)).build()) {
            String first = aging.accessToken();
            sim.trader(ACCOUNT).buyMarket(MNQ, 1);
            time.advance(Duration.ofHours(13));
            sim.failNext(4, 503, "/api/Auth/validate");

            aging.closePosition(ACCOUNT, MNQ);

            assertThat(sim.trader(ACCOUNT).positions()).isEmpty();
            assertThat(sim.calls("/api/Auth/validate")).hasSize(4).noneMatch(RecordedCall::success);
            assertThat(aging.accessToken()).as("no new attempt within the minute").isEqualTo(first);
            time.advance(Duration.ofMinutes(1));
            assertThat(aging.accessToken()).isNotEqualTo(first);
            assertThat(sim.calls("/api/Auth/validate")).hasSize(5);
        }
    }

    @Test
    void aRefreshThatCannotReachTheGatewayAfterTheTokenExpiredIsAnError() {
        FakeTime time = new FakeTime();
        try (ProjectXRestClient aging = restClient().timeSource(time).tokenRefreshAfter(Duration.ofHours(12)).build()) {
            aging.accessToken();
            time.advance(Duration.ofHours(24));
            sim.failNext(4, 503, "/api/Auth/validate");

            assertThatThrownBy(() -> aging.openPositions(ACCOUNT)).isInstanceOf(ProjectXTransportException.class)
                    .hasMessageContaining("/api/Auth/validate");
        }
    }

    @Test
    void logsInAgainWhenTheGatewayRevokesTheToken() {
        rest.searchAccounts(true);
        sim.revokeTokens();

        assertThat(rest.openPositions(ACCOUNT)).isEmpty();
        assertThat(sim.calls("/api/Auth/loginKey")).hasSize(2);
    }

    @Test
    void retriesThroughInjectedServerErrors() {
        sim.failNext(2, 503, "/api/Position/searchOpen");

        assertThat(rest.openPositions(ACCOUNT)).isEmpty();
        assertThat(sim.calls("/api/Position/searchOpen")).hasSize(3);
    }

    @Test
    void tradesThroughEveryOrderAndPositionEndpoint() {
        OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);

        long entry = rest.placeOrder(PlaceOrderRequest.market(ACCOUNT, MNQ, OrderSide.BID, 3));
        assertThat(rest.openPositions(ACCOUNT)).singleElement().satisfies(position -> {
            assertThat(position.contractId()).isEqualTo(MNQ);
            assertThat(position.type()).isEqualTo(PositionType.LONG);
            assertThat(position.size()).isEqualTo(3);
        });

        long target = rest.placeOrder(PlaceOrderRequest.limit(ACCOUNT, MNQ, OrderSide.ASK, 1, 21100.00));
        assertThat(rest.openOrders(ACCOUNT)).extracting(Order::id).contains(target);
        rest.modifyOrder(new ModifyOrderRequest(ACCOUNT, target, null, 21150.00, null, null));
        assertThat(rest.openOrders(ACCOUNT)).filteredOn(order -> order.id() == target).singleElement()
                .satisfies(order -> assertThat(order.limitPrice()).isEqualTo(21150.00));
        rest.cancelOrder(ACCOUNT, target);
        assertThat(rest.openOrders(ACCOUNT)).extracting(Order::id).doesNotContain(target);
        rest.cancelOrder(ACCOUNT, target);

        rest.partialClosePosition(ACCOUNT, MNQ, 1);
        assertThat(rest.openPositions(ACCOUNT)).singleElement()
                .satisfies(position -> assertThat(position.size()).isEqualTo(2));
        sim.market().setPrice(MNQ, 21010.00);
        rest.closePosition(ACCOUNT, MNQ);
        assertThat(rest.openPositions(ACCOUNT)).isEmpty();
        rest.closePosition(ACCOUNT, MNQ);

        assertThat(rest.searchOrders(ACCOUNT, since, null)).extracting(Order::id).contains(entry, target);
        List<Trade> trades = rest.searchTrades(ACCOUNT, since, null);
        assertThat(trades).extracting(Trade::size).containsExactlyInAnyOrder(3, 1, 2);
        assertThat(trades).filteredOn(trade -> trade.side() == OrderSide.BID).singleElement()
                .satisfies(opening -> assertThat(opening.profitAndLoss()).as("a half-turn has no P&L").isNull());
        assertThat(trades).filteredOn(trade -> trade.side() == OrderSide.ASK)
                .allSatisfy(closing -> assertThat(closing.profitAndLoss()).isNotNull());
        assertThat(sim.calls("/api/Order/place")).allSatisfy(call -> assertThat(call.body()).contains("\"customTag\":\"rg-"));
    }

    /**
     * The order searches do not show {@code customTag} (the API lists no such field for them), so
     * after a lost answer the client finds the order it placed by what it asked for.
     */
    @Test
    void aPlaceWhoseAnswerIsLostFindsItsOrderWithoutTheTagAndPlacesItOnce() {
        sim.loseAnswerOfNext(1, "/api/Order/place");

        long orderId = rest.placeOrder(PlaceOrderRequest.stop(ACCOUNT, MNQ, OrderSide.ASK, 2, 20950.00));

        assertThat(sim.trader(ACCOUNT).openOrders()).singleElement().satisfies(order -> {
            assertThat(order.id()).isEqualTo(orderId);
            assertThat(order.stopPrice()).isEqualTo(20950.00);
            assertThat(order.customTag()).startsWith("rg-");
        });
        assertThat(sim.calls("/api/Order/place")).as("placed once, not repeated").singleElement()
                .satisfies(call -> assertThat(call.status()).isEqualTo(504));
        assertThat(sim.calls("/api/Order/search")).isNotEmpty();
    }

    /**
     * The trader placed the very same stop a moment earlier: the search cannot tell which of the
     * two is the client's. The repeat is refused (the tag is taken), so nothing is placed twice,
     * and the failure says the order may be there and must be checked.
     */
    @Test
    void aLostPlaceAnswerThatTheSearchCannotSettleFailsSayingTheOrderMayHaveBeenPlaced() {
        long tradersOwn = sim.trader(ACCOUNT).sellStop(MNQ, 2, 20950.00);
        sim.loseAnswerOfNext(1, "/api/Order/place");

        assertThatThrownBy(() -> rest.placeOrder(PlaceOrderRequest.stop(ACCOUNT, MNQ, OrderSide.ASK, 2, 20950.00)))
                .isInstanceOf(ProjectXApiException.class)
                .hasMessageContaining("may have been placed")
                .hasMessageContaining("check the account's orders");

        assertThat(sim.trader(ACCOUNT).openOrders()).as("the trader's stop and the one placed once").hasSize(2)
                .anySatisfy(order -> assertThat(order.id()).isEqualTo(tradersOwn));
        assertThat(sim.calls("/api/Order/place")).extracting(RecordedCall::success).containsExactly(false, false);
    }

    @Test
    void userHubDeliversOrderPositionAndTradeEvents() throws Exception {
        startUserHub();
        userHub.subscribeAccount(ACCOUNT).get(10, TimeUnit.SECONDS);

        sim.trader(ACCOUNT).buyMarket(MNQ, 2);

        assertThat(await(userEvents, Position.class, position -> position.size() == 2).contractId()).isEqualTo(MNQ);
        assertThat(await(userEvents, Trade.class, trade -> trade.size() == 2).price()).isPositive();
        assertThat(await(userEvents, Order.class, order -> order.size() == 2).accountId()).isEqualTo(ACCOUNT);
        assertThat(await(userEvents, HubEvent.class, event -> event.target().equals("GatewayUserPosition")).hub())
                .isEqualTo(UserHub.HUB);
    }

    @Test
    void marketHubDeliversQuotesTradesAndDepth() throws Exception {
        startMarketHub();
        CompletableFuture.allOf(marketHub.subscribeQuotes(MNQ), marketHub.subscribeTrades(MNQ),
                marketHub.subscribeDepth(MNQ)).get(10, TimeUnit.SECONDS);

        sim.market().setPrice(MNQ, 21012.25);
        sim.trader(ACCOUNT).buyMarket(MNQ, 1);

        Quote quote = await(marketEvents, Quote.class, q -> q.lastPrice() != null && q.lastPrice() == 21012.25);
        assertThat(quote.bestBid()).isNotNull();
        assertThat(await(marketEvents, HubCallbacks.MarketTrades.class, trades -> !trades.trades().isEmpty()).contractId())
                .isEqualTo(MNQ);
        assertThat(await(marketEvents, HubCallbacks.Depth.class, depth -> !depth.entries().isEmpty()).entries())
                .allSatisfy(entry -> assertThat(entry.type()).isNotNull());
    }

    @Test
    void userHubKilledAbruptlyReconnectsResubscribesAndEventsFlowAgain() throws Exception {
        killMidStreamAndResume(true);
    }

    @Test
    void userHubClosedByTheServerReconnectsResubscribesAndEventsFlowAgain() throws Exception {
        killMidStreamAndResume(false);
    }

    @Test
    void userHubRefusedWith401AfterTheGatewayRevokedTheTokenLogsInAgainAndResumes() throws Exception {
        startUserHub();
        userHub.subscribeAccount(ACCOUNT).get(10, TimeUnit.SECONDS);
        sim.revokeTokens();

        assertThat(sim.dropHubConnections(Hub.USER, true)).isEqualTo(1);

        await(userEvents, String.class, HubCallbacks.RECONNECTED::equals);
        assertThat(sim.calls("/api/Auth/loginKey")).as("a 401 on the upgrade means log in again").hasSize(2);
        sim.trader(ACCOUNT).buyMarket(MNQ, 1);
        assertThat(await(userEvents, Position.class, position -> position.size() == 1).contractId()).isEqualTo(MNQ);
    }

    private void killMidStreamAndResume(boolean abrupt) throws Exception {
        startUserHub();
        userHub.subscribeAccount(ACCOUNT).get(10, TimeUnit.SECONDS);
        sim.trader(ACCOUNT).buyMarket(MNQ, 1);
        await(userEvents, Position.class, position -> position.size() == 1);

        String dropped = admin("/sim/hubs/drop", "{\"hub\":\"user\",\"abrupt\":" + abrupt + "}");
        assertThat(dropped).contains("\"dropped\":1");

        await(userEvents, String.class, HubCallbacks.RECONNECTED::equals);
        sim.trader(ACCOUNT).buyMarket(MNQ, 2);
        assertThat(await(userEvents, Position.class, position -> position.size() == 3).contractId()).isEqualTo(MNQ);
        assertThat(sim.hubConnections(Hub.USER)).isEqualTo(1);
    }

    private void startUserHub() throws Exception {
        userHub = new UserHub(hubConnection(Hub.USER), new HubCallbacks(userEvents));
        userHub.start().get(10, TimeUnit.SECONDS);
    }

    private void startMarketHub() throws Exception {
        marketHub = new MarketHub(hubConnection(Hub.MARKET), new HubCallbacks(marketEvents));
        marketHub.start().get(10, TimeUnit.SECONDS);
    }

    private HubConnection.Builder hubConnection(Hub hub) {
        return HubConnection.builder(sim.hubUrl(hub), rest::accessToken)
                .renewRejectedToken(rest::renewAccessToken)
                .reconnectDelay(Duration.ofMillis(20), Duration.ofMillis(200));
    }

    /** The first event received so far of {@code type} that matches, waiting up to 10 s for one. */
    private static <T> T await(List<Object> events, Class<T> type, Predicate<T> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        do {
            for (Object event : events) {
                if (type.isInstance(event) && wanted.test(type.cast(event))) {
                    return type.cast(event);
                }
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no matching " + type.getSimpleName() + " among " + events);
    }

    /** Calls the simulator's admin API over HTTP. */
    private String admin(String path, String json) throws Exception {
        OkHttpClient http = new OkHttpClient();
        try (Response response = http.newCall(new Request.Builder().url(sim.restUrl() + path)
                .post(RequestBody.create(json, MediaType.get("application/json"))).build()).execute()) {
            assertThat(response.code()).as("admin " + path).isEqualTo(200);
            return response.body().string();
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
