package riskguard.connectors.projectx.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import riskguard.connectors.projectx.model.BarUnit;
import riskguard.connectors.projectx.model.ModifyOrderRequest;
import riskguard.connectors.projectx.model.OrderSide;
import riskguard.connectors.projectx.model.PlaceOrderRequest;
import riskguard.connectors.projectx.model.RetrieveBarsRequest;
import riskguard.connectors.testing.CapturedLogs;
import riskguard.connectors.testing.FakeTime;

/** The REST client against a scripted HTTP server on loopback. */
class ProjectXRestClientTest {

    private static final String API_KEY = "api-key-9f8e7d6c5b4a";
    private static final String TOKEN_1 = "eyJhbGciOi.token-one.sig1";
    private static final String TOKEN_2 = "eyJhbGciOi.token-two.sig2";
    private static final String OK = "\"success\":true,\"errorCode\":0,\"errorMessage\":null";

    private final ObjectMapper json = new ObjectMapper();
    private final FakeTime time = new FakeTime();
    private MockWebServer server;
    private ProjectXRestClient client;

    @BeforeEach
    void startServer() throws Exception {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        client = clientBuilder().build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private ProjectXRestClient.Builder clientBuilder() {
        return ProjectXRestClient.builder("http://127.0.0.1:" + server.getPort(), "trader", API_KEY)
                .timeSource(time)
                .random(new Random(7))
                .callTimeout(Duration.ofSeconds(5));
    }

    @Test
    void loginRefusedWithHttp200IsAnApiErrorWithoutTheKey() throws Exception {
        enqueue(200, "{\"token\":null,\"success\":false,\"errorCode\":3,\"errorMessage\":\"Invalid credentials\"}");

        assertThatThrownBy(() -> client.searchAccounts(true))
                .isInstanceOfSatisfying(ProjectXApiException.class, e -> {
                    assertThat(e.endpoint()).isEqualTo("/api/Auth/loginKey");
                    assertThat(e.errorCode()).isEqualTo(3);
                    assertThat(e.errorMessage()).isEqualTo("Invalid credentials");
                    assertThat(e.httpStatus()).isEqualTo(200);
                })
                .message().doesNotContain(API_KEY);
        RecordedRequest login = take();
        assertThat(login.getUrl().encodedPath()).isEqualTo("/api/Auth/loginKey");
        assertThat(login.getMethod()).isEqualTo("POST");
        assertThat(login.getHeaders().get("Authorization")).isNull();
        assertThat(body(login)).isEqualTo(json.readTree("{\"userName\":\"trader\",\"apiKey\":\"" + API_KEY + "\"}"));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void preparingTheCommandsSendsNothingAndTheFirstCloseStillGoesOut() throws Exception {
        client.prepareCommands();
        assertThat(server.getRequestCount()).isZero();

        login(TOKEN_1);
        enqueue(200, "{" + OK + "}");
        client.closePosition(536, "CON.F.US.MNQ.Z25");
        take();
        RecordedRequest close = take();
        assertThat(close.getUrl().encodedPath()).isEqualTo("/api/Position/closeContract");
        assertThat(body(close)).isEqualTo(json.readTree("{\"accountId\":536,\"contractId\":\"CON.F.US.MNQ.Z25\"}"));
    }

    @Test
    void sendsTheBearerTokenAndTypedBody() throws Exception {
        login(TOKEN_1);
        enqueue(200, "{\"accounts\":[{\"id\":536,\"name\":\"50K\",\"balance\":50000.0,\"canTrade\":true,"
                + "\"isVisible\":true,\"simulated\":false}]," + OK + "}");

        assertThat(client.searchAccounts(true)).singleElement()
                .satisfies(account -> assertThat(account.id()).isEqualTo(536));
        take();
        RecordedRequest search = take();
        assertThat(search.getUrl().encodedPath()).isEqualTo("/api/Account/search");
        assertThat(search.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN_1);
        assertThat(search.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(body(search)).isEqualTo(json.readTree("{\"onlyActiveAccounts\":true}"));
    }

    @Test
    void unauthorizedLogsInAgainOnceAndRepeats() throws Exception {
        login(TOKEN_1);
        enqueue(401, "");
        login(TOKEN_2);
        enqueue(200, "{\"positions\":[]," + OK + "}");

        assertThat(client.openPositions(536)).isEmpty();
        assertThat(paths()).containsExactly("/api/Auth/loginKey", "/api/Position/searchOpen",
                "/api/Auth/loginKey", "/api/Position/searchOpen");
    }

    @Test
    void unauthorizedTwiceIsAnApiErrorNamingEndpointAndAccount() {
        login(TOKEN_1);
        enqueue(401, "");
        login(TOKEN_2);
        enqueue(401, "");

        assertThatThrownBy(() -> client.openOrders(536))
                .isInstanceOfSatisfying(ProjectXApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.accountId()).hasValue(536);
                })
                .hasMessageContaining("/api/Order/searchOpen (account 536)")
                .message().doesNotContain(TOKEN_1).doesNotContain(TOKEN_2);
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void tooManyRequestsWaitsAsLongAsRetryAfterSays() throws Exception {
        login(TOKEN_1);
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
        enqueue(200, "{\"orders\":[]," + OK + "}");

        assertThat(client.openOrders(536)).isEmpty();
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
        assertThat(paths()).containsExactly("/api/Auth/loginKey", "/api/Order/searchOpen", "/api/Order/searchOpen");
    }

    @Test
    void retryAfterAsAnHttpDateIsHonouredToo() {
        login(TOKEN_1);
        server.enqueue(new MockResponse.Builder().code(429)
                .addHeader("Retry-After", "Tue, 21 Jan 2025 14:30:03 GMT").build());
        enqueue(200, "{\"orders\":[]," + OK + "}");

        client.openOrders(536);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void serverErrorsAreRetriedWithGrowingJitteredBackoff() throws Exception {
        login(TOKEN_1);
        enqueue(503, "");
        enqueue(502, "");
        enqueue(200, "{\"trades\":[]," + OK + "}");

        assertThat(client.searchTrades(536, OffsetDateTime.parse("2025-01-21T00:00:00Z"), null)).isEmpty();
        List<Duration> sleeps = time.sleeps();
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(125), Duration.ofMillis(250));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        take();
        assertThat(body(take())).isEqualTo(
                json.readTree("{\"accountId\":536,\"startTimestamp\":\"2025-01-21T00:00:00+00:00\"}"));
    }

    @Test
    void givesUpAfterTheLastAttemptWithATransportError() {
        client.close();
        client = clientBuilder()
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(60)))
                .build();
        login(TOKEN_1);
        enqueue(500, "");
        enqueue(500, "");
        enqueue(500, "");

        assertThatThrownBy(() -> client.searchContracts("NQ", false))
                .isInstanceOf(ProjectXTransportException.class)
                .hasMessageContaining("/api/Contract/search")
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("gave up after 3 attempts");
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void refusedCommandCarriesAccountAndErrorCode() {
        login(TOKEN_1);
        enqueue(200, "{\"orderId\":null,\"success\":false,\"errorCode\":2,\"errorMessage\":\"Invalid contract\"}");

        assertThatThrownBy(() -> client.placeOrder(PlaceOrderRequest.market(536, "CON.F.US.XX.H25", OrderSide.BID, 1)))
                .isInstanceOfSatisfying(ProjectXApiException.class, e -> {
                    assertThat(e.endpoint()).isEqualTo("/api/Order/place");
                    assertThat(e.accountId()).hasValue(536);
                    assertThat(e.errorCode()).isEqualTo(2);
                })
                .hasMessageContaining("Invalid contract");
    }

    @Test
    void tokenIsRefreshedThroughValidateOnceItIsOld() throws Exception {
        client.close();
        client = clientBuilder().tokenRefreshAfter(Duration.ofHours(1)).build();
        login(TOKEN_1);
        enqueue(200, "{\"accounts\":[]," + OK + "}");
        enqueue(200, "{\"newToken\":\"" + TOKEN_2 + "\"," + OK + "}");
        enqueue(200, "{\"accounts\":[]," + OK + "}");

        client.searchAccounts(true);
        time.advance(Duration.ofMinutes(61));
        client.searchAccounts(true);

        take();
        assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN_1);
        RecordedRequest validate = take();
        assertThat(validate.getUrl().encodedPath()).isEqualTo("/api/Auth/validate");
        assertThat(validate.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN_1);
        assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN_2);
        assertThat(client.accessToken()).isEqualTo(TOKEN_2);
    }

    @Test
    void refusedRefreshFallsBackToLogin() {
        client.close();
        client = clientBuilder().tokenRefreshAfter(Duration.ofHours(1)).build();
        login(TOKEN_1);
        enqueue(401, "");
        login(TOKEN_2);

        client.accessToken();
        time.advance(Duration.ofHours(2));
        assertThat(client.accessToken()).isEqualTo(TOKEN_2);
        assertThat(paths()).containsExactly("/api/Auth/loginKey", "/api/Auth/validate", "/api/Auth/loginKey");
    }

    @Test
    void limiterHoldsBackTheCallThatWouldExceedTheWindow() throws Exception {
        client.close();
        client = clientBuilder().rateLimit(3, Duration.ofSeconds(60)).barsRateLimit(1, Duration.ofSeconds(30)).build();
        login(TOKEN_1);
        for (int i = 0; i < 4; i++) {
            enqueue(200, "{\"accounts\":[]," + OK + "}");
        }
        enqueue(200, "{\"bars\":[]," + OK + "}");
        enqueue(200, "{\"bars\":[]," + OK + "}");

        client.searchAccounts(true);
        client.searchAccounts(true);
        assertThat(time.sleeps()).as("login and two searches fit in the budget of 3").isEmpty();
        client.searchAccounts(true);
        assertThat(time.sleeps()).as("the fourth call waits for the first to leave the window")
                .containsExactly(Duration.ofSeconds(60));
        RetrieveBarsRequest bars = new RetrieveBarsRequest("CON.F.US.EP.H25", false,
                OffsetDateTime.of(2025, 1, 20, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2025, 1, 21, 0, 0, 0, 0, ZoneOffset.UTC), BarUnit.HOUR, 1, 24, false);
        client.retrieveBars(bars);
        assertThat(time.sleeps()).as("bars have their own budget").hasSize(1);
        client.retrieveBars(bars);
        assertThat(time.sleeps()).as("second bars call waits out the bars window")
                .containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(30));
        assertThat(paths()).containsExactly("/api/Auth/loginKey", "/api/Account/search", "/api/Account/search",
                "/api/Account/search", "/api/History/retrieveBars", "/api/History/retrieveBars");
    }

    @Test
    void closeWhoseAnswerIsLostIsNotRepeatedWhenThePositionIsFlat() throws Exception {
        login(TOKEN_1);
        server.enqueue(new MockResponse.Builder().code(200).body("{" + OK + "}")
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        enqueue(200, "{\"positions\":[]," + OK + "}");

        client.closePosition(536, "CON.F.US.EP.H25");
        assertThat(paths()).containsExactly("/api/Auth/loginKey", "/api/Position/closeContract",
                "/api/Position/searchOpen");
    }

    @Test
    void closeIsRepeatedWhenThePositionIsStillOpen() throws Exception {
        login(TOKEN_1);
        enqueue(503, "");
        enqueue(200, "{\"positions\":[" + position("CON.F.US.EP.H25", 2) + "]," + OK + "}");
        enqueue(200, "{" + OK + "}");

        client.closePosition(536, "CON.F.US.EP.H25");
        assertThat(paths()).containsExactly("/api/Auth/loginKey", "/api/Position/closeContract",
                "/api/Position/searchOpen", "/api/Position/closeContract");
    }

    @Test
    void closeOfAFlatPositionThatTheGatewayRefusesCountsAsDone() {
        login(TOKEN_1);
        enqueue(200, "{\"success\":false,\"errorCode\":1,\"errorMessage\":\"No position\"}");
        enqueue(200, "{\"positions\":[]," + OK + "}");

        client.closePosition(536, "CON.F.US.EP.H25");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void partialCloseRepeatIsSkippedWhenTheSizeAlreadyDropped() throws Exception {
        login(TOKEN_1);
        enqueue(200, "{\"positions\":[" + position("CON.F.US.EP.H25", 3) + "]," + OK + "}");
        enqueue(500, "");
        enqueue(200, "{\"positions\":[" + position("CON.F.US.EP.H25", 2) + "]," + OK + "}");

        client.partialClosePosition(536, "CON.F.US.EP.H25", 1);
        take();
        take();
        assertThat(body(take())).isEqualTo(
                json.readTree("{\"accountId\":536,\"contractId\":\"CON.F.US.EP.H25\",\"size\":1}"));
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void cancelOfAnOrderThatIsGoneCountsAsDone() {
        login(TOKEN_1);
        enqueue(200, "{\"success\":false,\"errorCode\":2,\"errorMessage\":\"Order not found\"}");
        enqueue(200, "{\"orders\":[]," + OK + "}");

        client.cancelOrder(536, 9056);
        assertThat(paths()).containsExactly("/api/Auth/loginKey", "/api/Order/cancel", "/api/Order/searchOpen");
    }

    @Test
    void cancelRefusedWhileTheOrderIsStillOpenIsAnError() {
        login(TOKEN_1);
        enqueue(200, "{\"success\":false,\"errorCode\":5,\"errorMessage\":\"Account locked\"}");
        enqueue(200, "{\"orders\":[{\"id\":9056,\"accountId\":536,\"status\":1}]," + OK + "}");

        assertThatThrownBy(() -> client.cancelOrder(536, 9056))
                .isInstanceOfSatisfying(ProjectXApiException.class, e -> assertThat(e.errorCode()).isEqualTo(5));
    }

    @Test
    void placeWhoseAnswerIsLostFindsTheOrderByItsTagInsteadOfPlacingTwice() throws Exception {
        List<String> tags = new ArrayList<>();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.equals("/api/Auth/loginKey")) {
                    return response(200, "{\"token\":\"" + TOKEN_1 + "\"," + OK + "}");
                }
                if (path.equals("/api/Order/place")) {
                    tags.add(body(request).get("customTag").textValue());
                    return new MockResponse.Builder().code(200).body("{\"orderId\":77," + OK + "}")
                            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
                }
                return response(200, "{\"orders\":[{\"id\":77,\"accountId\":536,\"status\":1,\"customTag\":\""
                        + tags.get(0) + "\"}]," + OK + "}");
            }
        });

        long orderId = client.placeOrder(PlaceOrderRequest.stop(536, "CON.F.US.EP.H25", OrderSide.ASK, 1, 6050.25));

        assertThat(orderId).isEqualTo(77);
        assertThat(tags).singleElement().asString().startsWith("rg-");
        assertThat(paths()).containsExactly("/api/Auth/loginKey", "/api/Order/place", "/api/Order/search");
    }

    /**
     * The searches show no tag: the order is known by its fields, and one created well before the
     * attempt (the trader's identical stop of a minute ago) is not taken for it; the place is
     * repeated with the same tag, which the gateway would refuse had the first attempt placed it.
     */
    @Test
    void placeWhoseAnswerIsLostTakesNoOlderLookalikeAndRepeatsWithTheSameTag() throws Exception {
        List<String> tags = new ArrayList<>();
        String aMinuteAgo = time.now().minusSeconds(60).toString();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.equals("/api/Auth/loginKey")) {
                    return response(200, "{\"token\":\"" + TOKEN_1 + "\"," + OK + "}");
                }
                if (path.equals("/api/Order/place")) {
                    tags.add(body(request).get("customTag").textValue());
                    if (tags.size() == 1) {
                        return new MockResponse.Builder().code(200).body("{\"orderId\":78," + OK + "}")
                                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
                    }
                    return response(200, "{\"orderId\":79," + OK + "}");
                }
                return response(200, "{\"orders\":[{\"id\":12,\"accountId\":536,\"contractId\":\"CON.F.US.EP.H25\","
                        + "\"creationTimestamp\":\"" + aMinuteAgo + "\",\"status\":1,\"type\":4,\"side\":1,"
                        + "\"size\":1,\"stopPrice\":6050.25}]," + OK + "}");
            }
        });

        long orderId = client.placeOrder(PlaceOrderRequest.stop(536, "CON.F.US.EP.H25", OrderSide.ASK, 1, 6050.25));

        assertThat(orderId).isEqualTo(79);
        assertThat(tags).hasSize(2).allSatisfy(tag -> assertThat(tag).isEqualTo(tags.get(0)));
        assertThat(paths()).containsExactly("/api/Auth/loginKey", "/api/Order/place", "/api/Order/search",
                "/api/Order/place");
    }

    @Test
    void modifySendsOnlyTheFieldsThatChange() throws Exception {
        login(TOKEN_1);
        enqueue(200, "{" + OK + "}");

        client.modifyOrder(new ModifyOrderRequest(536, 9056, null, null, 6048.5, null));
        take();
        assertThat(body(take())).isEqualTo(json.readTree("{\"accountId\":536,\"orderId\":9056,\"stopPrice\":6048.5}"));
    }

    @Test
    void contractLookupsReadTheirAnswers() {
        login(TOKEN_1);
        enqueue(200, "{\"contract\":{\"id\":\"CON.F.US.ENQ.H25\",\"name\":\"NQH5\",\"tickSize\":0.25,"
                + "\"tickValue\":5.0,\"activeContract\":true,\"symbolId\":\"F.US.ENQ\"}," + OK + "}");
        enqueue(200, "{\"contract\":null," + OK + "}");
        enqueue(200, "{\"contracts\":[{\"id\":\"CON.F.US.ENQ.H25\"},{\"id\":\"CON.F.US.MNQ.H25\"}]," + OK + "}");

        assertThat(client.contractById("CON.F.US.ENQ.H25")).get()
                .satisfies(contract -> assertThat(contract.tickValue()).isEqualTo(5.0));
        assertThat(client.contractById("CON.F.US.NOPE")).isEmpty();
        assertThat(client.searchContracts("NQ", false)).hasSize(2);
    }

    @Test
    void unreadableAnswerIsATransportError() {
        login(TOKEN_1);
        enqueue(200, "<html>gateway maintenance</html>");

        assertThatThrownBy(() -> client.searchAccounts(true))
                .isInstanceOf(ProjectXTransportException.class)
                .hasMessageContaining("/api/Account/search")
                .hasMessageContaining("AccountSearchResponse");
    }

    @Test
    void secretsReachNeitherExceptionsNorLogs() {
        try (CapturedLogs logs = new CapturedLogs()) {
            login(TOKEN_1);
            enqueue(401, "");
            login(TOKEN_2);
            enqueue(503, "");
            enqueue(200, "{\"success\":false,\"errorCode\":9,\"errorMessage\":\"token " + TOKEN_2
                    + " is not allowed for key " + API_KEY + "\"}");

            assertThatThrownBy(() -> client.openPositions(536))
                    .isInstanceOf(ProjectXApiException.class)
                    .satisfies(e -> assertThat(e.toString())
                            .contains("errorCode 9").doesNotContain(TOKEN_1, TOKEN_2, API_KEY));

            List<String> lines = logs.lines();
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("logged in again"));
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("HTTP 503"));
            assertThat(lines).noneSatisfy(line -> assertThat(line).containsAnyOf(TOKEN_1, TOKEN_2, API_KEY));
        }
    }

    private void login(String token) {
        enqueue(200, "{\"token\":\"" + token + "\"," + OK + "}");
    }

    private void enqueue(int code, String body) {
        server.enqueue(response(code, body));
    }

    private static MockResponse response(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static String position(String contractId, int size) {
        return "{\"id\":1,\"accountId\":536,\"contractId\":\"" + contractId
                + "\",\"creationTimestamp\":\"2025-01-21T14:00:00+00:00\",\"type\":1,\"size\":" + size
                + ",\"averagePrice\":6060.0}";
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }

    private List<String> paths() {
        List<String> paths = new ArrayList<>();
        RecordedRequest request;
        try {
            while ((request = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
                paths.add(request.getUrl().encodedPath());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return paths;
    }

    private JsonNode body(RecordedRequest request) {
        try {
            return json.readTree(request.getBody().utf8());
        } catch (Exception e) {
            throw new AssertionError("request body is not JSON", e);
        }
    }
}
