package riskguard.connectors.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway's REST surface over real sockets, with a plain OkHttp client. */
class RestEndpointsTest {

  private static final long ACCOUNT = 536;
  private static final String MNQ = ContractCatalogue.MNQ;

  private GatewaySimulator sim;
  private HttpCalls http;
  private String token;

  @BeforeEach
  void start() throws Exception {
    sim = GatewaySimulator.builder()
        .account(SimAccount.of(ACCOUNT, "50KTC-V2-536", 50_000))
        .account(new SimAccount(537, "150KTC-V2-537", 150_000, false))
        .user("trader1", "key-1")
        .quoteInterval(Duration.ZERO)
        .start();
    http = new HttpCalls(sim.restUrl());
    token = http.login("trader1", "key-1");
    sim.market().setQuote(MNQ, 21000.00, 21000.25, 21000.00);
  }

  @AfterEach
  void stop() {
    http.close();
    sim.close();
  }

  @Test
  void loginReturnsAJwtShapedTokenAndValidateAFreshOne() {
    assertThat(token.split("\\.")).hasSize(3);
    HttpCalls.Answer validate = http.post("/api/Auth/validate", "{}", token);
    assertThat(validate.status()).isEqualTo(200);
    assertThat(validate.json().path("success").asBoolean()).isTrue();
    String fresh = validate.json().path("newToken").asText();
    assertThat(fresh).isNotBlank().isNotEqualTo(token);
    assertThat(http.post("/api/Account/search", "{\"onlyActiveAccounts\":true}", fresh).status()).isEqualTo(200);
  }

  @Test
  void wrongKeyIsHttp200WithSuccessFalseAndAnErrorCode() {
    HttpCalls.Answer answer = http.post("/api/Auth/loginKey", "{\"userName\":\"trader1\",\"apiKey\":\"nope\"}", null);
    assertThat(answer.status()).isEqualTo(200);
    JsonNode body = answer.json();
    assertThat(body.path("success").asBoolean()).isFalse();
    assertThat(body.path("errorCode").asInt()).isNotZero();
    assertThat(body.path("token").isNull()).isTrue();
  }

  @Test
  void callsWithoutOrWithABadTokenAre401() {
    assertThat(http.post("/api/Account/search", "{\"onlyActiveAccounts\":true}", null).status()).isEqualTo(401);
    assertThat(http.post("/api/Account/search", "{\"onlyActiveAccounts\":true}", "forged.token.value").status())
        .isEqualTo(401);
    sim.revokeTokens();
    assertThat(http.post("/api/Account/search", "{\"onlyActiveAccounts\":true}", token).status()).isEqualTo(401);
  }

  @Test
  void accountSearchListsBalanceAndCanTrade() {
    JsonNode body = http.post("/api/Account/search", "{\"onlyActiveAccounts\":true}", token).json();
    assertThat(body.path("success").asBoolean()).isTrue();
    assertThat(body.path("errorCode").asInt()).isZero();
    assertThat(body.has("errorMessage")).isTrue();
    JsonNode first = body.path("accounts").get(0);
    assertThat(fieldNames(first)).containsExactly("id", "name", "balance", "canTrade", "isVisible", "simulated");
    assertThat(first.path("id").asLong()).isEqualTo(ACCOUNT);
    assertThat(first.path("balance").asDouble()).isEqualTo(50_000.0);
    assertThat(first.path("canTrade").asBoolean()).isTrue();
    assertThat(body.path("accounts").get(1).path("canTrade").asBoolean()).isFalse();
  }

  @Test
  void contractsCarryTheGatewaysNamingQuirks() {
    JsonNode es = http.post("/api/Contract/searchById", "{\"contractId\":\"CON.F.US.EP.Z25\"}", token)
        .json().path("contract");
    assertThat(es.path("name").asText()).isEqualTo("ESZ5");
    assertThat(es.path("symbolId").asText()).isEqualTo("F.US.EP");
    assertThat(es.path("tickSize").asDouble()).isEqualTo(0.25);
    assertThat(es.path("tickValue").asDouble()).isEqualTo(12.50);
    assertThat(es.path("activeContract").asBoolean()).isTrue();

    JsonNode nq = http.post("/api/Contract/searchById", "{\"contractId\":\"CON.F.US.ENQ.H25\"}", token)
        .json().path("contract");
    assertThat(nq.path("name").asText()).isEqualTo("NQH5");
    assertThat(nq.path("symbolId").asText()).isEqualTo("F.US.ENQ");
    assertThat(nq.path("tickValue").asDouble()).isEqualTo(5.00);

    JsonNode missing = http.post("/api/Contract/searchById", "{\"contractId\":\"CON.F.US.XX.Z25\"}", token).json();
    assertThat(missing.path("success").asBoolean()).isFalse();
    assertThat(missing.path("contract").isNull()).isTrue();

    JsonNode search = http.post("/api/Contract/search", "{\"searchText\":\"NQ\",\"live\":false}", token).json();
    assertThat(search.path("contracts").size()).isBetween(1, 20);
    assertThat(search.path("contracts").findValuesAsText("name")).containsExactlyInAnyOrder("MNQH5", "NQH5");
    JsonNode all = http.post("/api/Contract/search", "{\"searchText\":\"\",\"live\":false}", token).json();
    assertThat(all.path("contracts").findValuesAsText("tickSize"))
        .containsExactly("0.25", "0.25", "0.25", "0.25", "0.1", "0.01", "0.1");
  }

  @Test
  void placeSearchModifyCancelAndCloseAnswerWithTheApiShapes() {
    JsonNode placed = http.post("/api/Order/place",
        "{\"accountId\":536,\"contractId\":\"" + MNQ + "\",\"type\":2,\"side\":0,\"size\":2,\"customTag\":\"entry-1\"}",
        token).json();
    assertThat(placed.path("success").asBoolean()).isTrue();
    long entryId = placed.path("orderId").asLong();

    JsonNode positions = http.post("/api/Position/searchOpen", "{\"accountId\":536}", token).json();
    JsonNode position = positions.path("positions").get(0);
    assertThat(fieldNames(position))
        .containsExactly("id", "accountId", "contractId", "creationTimestamp", "type", "size", "averagePrice");
    assertThat(position.path("type").asInt()).isEqualTo(1);
    assertThat(position.path("size").asInt()).isEqualTo(2);
    assertThat(position.path("averagePrice").asDouble()).isEqualTo(21000.25);
    assertThat(position.path("creationTimestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+\\+00:00");

    long stopId = http.post("/api/Order/place", "{\"accountId\":536,\"contractId\":\"" + MNQ
        + "\",\"type\":4,\"side\":1,\"size\":2,\"stopPrice\":20990.00}", token).json().path("orderId").asLong();
    JsonNode open = http.post("/api/Order/searchOpen", "{\"accountId\":536}", token).json().path("orders");
    assertThat(open.size()).isEqualTo(1);
    assertThat(open.get(0).path("id").asLong()).isEqualTo(stopId);
    assertThat(open.get(0).path("status").asInt()).isEqualTo(1);
    assertThat(open.get(0).path("type").asInt()).isEqualTo(4);
    assertThat(open.get(0).path("stopPrice").asDouble()).isEqualTo(20990.00);
    assertThat(open.get(0).has("limitPrice")).isTrue();

    JsonNode modified = http.post("/api/Order/modify",
        "{\"accountId\":536,\"orderId\":" + stopId + ",\"stopPrice\":20992.50}", token).json();
    assertThat(modified.path("success").asBoolean()).isTrue();
    assertThat(sim.trader(ACCOUNT).order(stopId).orElseThrow().stopPrice()).isEqualTo(20992.50);

    JsonNode cancelled = http.post("/api/Order/cancel", "{\"accountId\":536,\"orderId\":" + stopId + "}", token).json();
    assertThat(cancelled.path("success").asBoolean()).isTrue();
    JsonNode again = http.post("/api/Order/cancel", "{\"accountId\":536,\"orderId\":" + stopId + "}", token).json();
    assertThat(again.path("success").asBoolean()).isFalse();
    assertThat(again.path("errorCode").asInt()).isEqualTo(2);

    JsonNode partial = http.post("/api/Position/partialCloseContract",
        "{\"accountId\":536,\"contractId\":\"" + MNQ + "\",\"size\":1}", token).json();
    assertThat(partial.path("success").asBoolean()).isTrue();
    JsonNode close = http.post("/api/Position/closeContract",
        "{\"accountId\":536,\"contractId\":\"" + MNQ + "\"}", token).json();
    assertThat(close.path("success").asBoolean()).isTrue();
    JsonNode closeFlat = http.post("/api/Position/closeContract",
        "{\"accountId\":536,\"contractId\":\"" + MNQ + "\"}", token).json();
    assertThat(closeFlat.path("success").asBoolean()).isFalse();
    assertThat(closeFlat.path("errorCode").asInt()).isEqualTo(2);

    String since = "{\"accountId\":536,\"startTimestamp\":\"" + Instant.now().minusSeconds(60) + "\"}";
    JsonNode orders = http.post("/api/Order/search", since, token).json().path("orders");
    assertThat(orders.size()).isEqualTo(4);
    assertThat(orders.get(0).path("id").asLong()).isEqualTo(entryId);
    assertThat(fieldNames(orders.get(0))).as("the API's fields of a searched order: no customTag, symbolId or fillVolume")
        .containsExactly("id", "accountId", "contractId", "creationTimestamp", "updateTimestamp", "status", "type",
            "side", "size", "limitPrice", "stopPrice", "filledPrice");
    assertThat(orders.get(0).path("status").asInt()).isEqualTo(2);
    assertThat(orders.get(0).path("filledPrice").asDouble()).isEqualTo(21000.25);

    JsonNode trades = http.post("/api/Trade/search", since, token).json().path("trades");
    assertThat(trades.size()).isEqualTo(3);
    assertThat(fieldNames(trades.get(0))).containsExactly("id", "accountId", "contractId", "creationTimestamp",
        "price", "profitAndLoss", "fees", "side", "size", "voided", "orderId");
    assertThat(trades.get(0).path("profitAndLoss").isNull()).isTrue();
    assertThat(trades.get(0).path("fees").asDouble()).isEqualTo(0.74);
    assertThat(trades.get(1).path("profitAndLoss").asDouble()).as("1 tick against, $0.50").isEqualTo(-0.50);
    assertThat(trades.get(1).path("side").asInt()).isEqualTo(1);
    assertThat(trades.get(2).path("voided").asBoolean()).isFalse();

    String future = "{\"accountId\":536,\"startTimestamp\":\"" + Instant.now().plusSeconds(60) + "\"}";
    assertThat(http.post("/api/Trade/search", future, token).json().path("trades").size()).isZero();
  }

  @Test
  void duplicateCustomTagAndNonTradingAccountAreRejected() {
    String order = "{\"accountId\":536,\"contractId\":\"" + MNQ + "\",\"type\":1,\"side\":0,\"size\":1,"
        + "\"limitPrice\":20900.00,\"customTag\":\"same\"}";
    assertThat(http.post("/api/Order/place", order, token).json().path("success").asBoolean()).isTrue();
    JsonNode duplicate = http.post("/api/Order/place", order, token).json();
    assertThat(duplicate.path("success").asBoolean()).isFalse();
    assertThat(duplicate.path("errorMessage").asText()).contains("customTag");

    JsonNode locked = http.post("/api/Order/place", "{\"accountId\":537,\"contractId\":\"" + MNQ
        + "\",\"type\":2,\"side\":0,\"size\":1}", token).json();
    assertThat(locked.path("success").asBoolean()).isFalse();
    assertThat(locked.path("orderId").isNull()).isTrue();
    assertThat(locked.path("errorMessage").asText()).contains("537");
  }

  @Test
  void malformedBodyIs400NamingTheEndpoint() {
    HttpCalls.Answer answer = http.post("/api/Order/place", "{\"accountId\": 536, \"type\": ", token);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text()).contains("/api/Order/place");
    assertThat(http.post("/api/Order/cancel", "[1,2]", token).status()).isEqualTo(400);
    assertThat(http.post("/api/Nope/none", "{}", token).status()).isEqualTo(404);
  }

  @Test
  void the201stCallInAMinuteIs429WithRetryAfter() {
    int served = 1; // the login in start()
    HttpCalls.Answer answer = null;
    while (served < 200) {
      answer = http.post("/api/Order/searchOpen", "{\"accountId\":536}", token);
      assertThat(answer.status()).as("call %d", served + 1).isEqualTo(200);
      served++;
    }
    answer = http.post("/api/Order/searchOpen", "{\"accountId\":536}", token);
    assertThat(answer.status()).isEqualTo(429);
    assertThat(Integer.parseInt(answer.retryAfter())).isBetween(1, 60);
    assertThat(http.post("/api/History/retrieveBars", "{}", token).status())
        .as("bars have their own window").isEqualTo(200);
  }

  @Test
  void rateLimitCanBeSwitchedOff() throws Exception {
    try (GatewaySimulator unlimited = GatewaySimulator.builder().rateLimit(false).quoteInterval(Duration.ZERO).start();
        HttpCalls calls = new HttpCalls(unlimited.restUrl())) {
      String demo = calls.login(GatewaySimulator.DEMO_USER, GatewaySimulator.DEMO_API_KEY);
      for (int i = 0; i < 205; i++) {
        assertThat(calls.post("/api/Position/searchOpen", "{\"accountId\":536}", demo).status()).isEqualTo(200);
      }
    }
  }

  @Test
  void injectedFailuresHitTheNamedEndpointThenStop() {
    sim.failNext(2, 503, "/api/Position/closeContract");
    String close = "{\"accountId\":536,\"contractId\":\"" + MNQ + "\"}";
    assertThat(http.post("/api/Account/search", "{\"onlyActiveAccounts\":true}", token).status()).isEqualTo(200);
    assertThat(http.post("/api/Position/closeContract", close, token).status()).isEqualTo(503);
    assertThat(http.post("/api/Position/closeContract", close, token).status()).isEqualTo(503);
    assertThat(http.post("/api/Position/closeContract", close, token).status()).isEqualTo(200);

    sim.failNext(1, 429, null);
    HttpCalls.Answer limited = http.post("/api/Order/searchOpen", "{\"accountId\":536}", token);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.retryAfter()).isEqualTo("1");
  }

  @Test
  void everyCallIsLoggedWithItsStatusAndNoApiKey() {
    http.post("/api/Position/closeContract", "{\"accountId\":536,\"contractId\":\"" + MNQ + "\"}", token);
    List<RecordedCall> calls = sim.calls();
    assertThat(calls).extracting(RecordedCall::endpoint)
        .containsExactly("/api/Auth/loginKey", "/api/Position/closeContract");
    assertThat(calls.get(0).body()).contains("\"apiKey\":\"***\"").doesNotContain("key-1");
    assertThat(calls.get(0).success()).isTrue();
    assertThat(calls.get(1).status()).isEqualTo(200);
    assertThat(calls.get(1).success()).isFalse();
    assertThat(calls.get(1).body()).contains(MNQ);
    sim.clearCalls();
    assertThat(sim.calls()).isEmpty();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
