package riskguard.connectors.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import riskguard.connectors.projectx.model.AccountIdRequest;
import riskguard.connectors.projectx.model.AccountSearchResponse;
import riskguard.connectors.projectx.model.CancelOrderRequest;
import riskguard.connectors.projectx.model.CloseContractRequest;
import riskguard.connectors.projectx.model.Contract;
import riskguard.connectors.projectx.model.ContractByIdRequest;
import riskguard.connectors.projectx.model.ContractByIdResponse;
import riskguard.connectors.projectx.model.ContractSearchRequest;
import riskguard.connectors.projectx.model.ContractSearchResponse;
import riskguard.connectors.projectx.model.GatewayResponse;
import riskguard.connectors.projectx.model.HistorySearchRequest;
import riskguard.connectors.projectx.model.LoginKeyRequest;
import riskguard.connectors.projectx.model.LoginResponse;
import riskguard.connectors.projectx.model.ModifyOrderRequest;
import riskguard.connectors.projectx.model.Order;
import riskguard.connectors.projectx.model.OrderSide;
import riskguard.connectors.projectx.model.OrderStatus;
import riskguard.connectors.projectx.model.OrderType;
import riskguard.connectors.projectx.model.PartialCloseContractRequest;
import riskguard.connectors.projectx.model.PlaceOrderRequest;
import riskguard.connectors.projectx.model.PlaceOrderResponse;
import riskguard.connectors.projectx.model.PositionSearchResponse;
import riskguard.connectors.projectx.model.StatusResponse;
import riskguard.connectors.projectx.model.TradeSearchResponse;
import riskguard.connectors.projectx.model.ValidateResponse;

/**
 * The gateway's REST endpoints over the exchange, for an authenticated caller: parse the body
 * into the wire request record, act, answer the wire response record. Authentication, rate
 * limits and failure injection happen before this, in {@link GatewayHandler}.
 */
final class RestApi {

  static final String LOGIN = "/api/Auth/loginKey";

  /** LoginErrorCode.InvalidCredentials. */
  private static final int INVALID_CREDENTIALS = 3;
  /** SearchContractByIdErrorCode.ContractNotFound. */
  private static final int CONTRACT_NOT_FOUND = 1;

  /** Thrown for a body that does not fit the endpoint's request; answered with HTTP 400. */
  static final class BadRequest extends Exception {
    BadRequest(String message) {
      super(message);
    }
  }

  private interface Endpoint {
    Object serve(String body, String user) throws BadRequest;
  }

  private final JsonMapper json;
  private final Exchange exchange;
  private final TokenAuthority tokens;
  private final Map<String, String> apiKeysByUser;
  private final Map<String, Endpoint> endpoints;

  RestApi(JsonMapper json, Exchange exchange, TokenAuthority tokens, Map<String, String> apiKeysByUser) {
    this.json = json;
    this.exchange = exchange;
    this.tokens = tokens;
    this.apiKeysByUser = Map.copyOf(apiKeysByUser);
    this.endpoints = Map.ofEntries(
        Map.entry(LOGIN, (body, user) -> login(read(body, LoginKeyRequest.class, LOGIN))),
        Map.entry("/api/Auth/validate", (body, user) -> new ValidateResponse(tokens.issue(user), true, 0, null)),
        Map.entry("/api/Account/search", (body, user) -> new AccountSearchResponse(exchange.accounts(), true, 0, null)),
        Map.entry("/api/Contract/searchById", (body, user) -> contractById(body)),
        Map.entry("/api/Contract/search", (body, user) -> contractSearch(body)),
        Map.entry("/api/Position/searchOpen", (body, user) -> new PositionSearchResponse(
            exchange.openPositions(accountId(body, "/api/Position/searchOpen")), true, 0, null)),
        Map.entry("/api/Position/closeContract", (body, user) -> closeContract(body)),
        Map.entry("/api/Position/partialCloseContract", (body, user) -> partialClose(body)),
        Map.entry("/api/Order/searchOpen", (body, user) -> OrderSearchAnswer.of(
            exchange.openOrders(accountId(body, "/api/Order/searchOpen")))),
        Map.entry("/api/Order/search", (body, user) -> orderSearch(body)),
        Map.entry("/api/Order/place", (body, user) -> place(body)),
        Map.entry("/api/Order/modify", (body, user) -> modify(body)),
        Map.entry("/api/Order/cancel", (body, user) -> cancel(body)),
        Map.entry("/api/Trade/search", (body, user) -> tradeSearch(body)),
        Map.entry(RateLimiter.BARS_ENDPOINT, (body, user) -> bars()));
  }

  boolean knows(String endpoint) {
    return endpoints.containsKey(endpoint);
  }

  /** Serves a known endpoint: 200 with the response record, or 400 naming what is wrong. */
  RestAnswer serve(String endpoint, String body, String user) {
    try {
      Object answer = endpoints.get(endpoint).serve(body, user);
      boolean success = !(answer instanceof GatewayResponse envelope) || envelope.success();
      return RestAnswer.envelope(json.writeValueAsString(answer), success);
    } catch (BadRequest e) {
      ObjectNode problem = json.createObjectNode();
      problem.put("title", "One or more validation errors occurred.");
      problem.put("status", 400);
      problem.putObject("errors").putArray("$").add(e.getMessage());
      return RestAnswer.json(400, problem.toString());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("wire records always serialize", e);
    }
  }

  private LoginResponse login(LoginKeyRequest request) {
    String expectedKey = request.userName() == null ? null : apiKeysByUser.get(request.userName());
    if (expectedKey == null || !expectedKey.equals(request.apiKey())) {
      return new LoginResponse(null, false, INVALID_CREDENTIALS, "Invalid credentials");
    }
    return new LoginResponse(tokens.issue(request.userName()), true, 0, null);
  }

  private ContractByIdResponse contractById(String body) throws BadRequest {
    ContractByIdRequest request = read(body, ContractByIdRequest.class, "/api/Contract/searchById");
    Optional<SimContract> contract = exchange.catalogue().byId(request.contractId());
    return contract
        .map(c -> new ContractByIdResponse(wire(c), true, 0, null))
        .orElseGet(() -> new ContractByIdResponse(null, false, CONTRACT_NOT_FOUND,
            "Contract " + request.contractId() + " not found"));
  }

  private ContractSearchResponse contractSearch(String body) throws BadRequest {
    ContractSearchRequest request = read(body, ContractSearchRequest.class, "/api/Contract/search");
    List<Contract> found = exchange.catalogue().search(request.searchText()).stream().map(RestApi::wire).toList();
    return new ContractSearchResponse(found, true, 0, null);
  }

  static Contract wire(SimContract c) {
    return new Contract(c.id(), c.name(), c.description(), c.tickSize().doubleValue(),
        c.tickValue().doubleValue(), true, c.symbolId());
  }

  private StatusResponse closeContract(String body) throws BadRequest {
    CloseContractRequest request = read(body, CloseContractRequest.class, "/api/Position/closeContract");
    return status(exchange.closeContract(request.accountId(), request.contractId()));
  }

  private StatusResponse partialClose(String body) throws BadRequest {
    PartialCloseContractRequest request =
        read(body, PartialCloseContractRequest.class, "/api/Position/partialCloseContract");
    return status(exchange.partialClose(request.accountId(), request.contractId(), request.size()));
  }

  private OrderSearchAnswer orderSearch(String body) throws BadRequest {
    HistorySearchRequest request = read(body, HistorySearchRequest.class, "/api/Order/search");
    return OrderSearchAnswer.of(
        exchange.orders(request.accountId(), requireStart(request, "/api/Order/search"), request.endTimestamp()));
  }

  /**
   * An order as the REST order searches show it: exactly the fields the API lists for them.
   * The {@code GatewayUserOrder} event also carries {@code symbolId}, {@code fillVolume} and
   * {@code customTag}; REST does not, so a client cannot tell its own orders by their tag there.
   */
  record RestOrder(long id, long accountId, String contractId, OffsetDateTime creationTimestamp,
      OffsetDateTime updateTimestamp, OrderStatus status, OrderType type, OrderSide side, int size,
      Double limitPrice, Double stopPrice, Double filledPrice) {

    static RestOrder of(Order o) {
      return new RestOrder(o.id(), o.accountId(), o.contractId(), o.creationTimestamp(), o.updateTimestamp(),
          o.status(), o.type(), o.side(), o.size(), o.limitPrice(), o.stopPrice(), o.filledPrice());
    }
  }

  /** Answer of {@code /api/Order/searchOpen} and {@code /api/Order/search}. */
  record OrderSearchAnswer(List<RestOrder> orders, boolean success, int errorCode, String errorMessage)
      implements GatewayResponse {

    static OrderSearchAnswer of(List<Order> orders) {
      return new OrderSearchAnswer(orders.stream().map(RestOrder::of).toList(), true, 0, null);
    }
  }

  private TradeSearchResponse tradeSearch(String body) throws BadRequest {
    HistorySearchRequest request = read(body, HistorySearchRequest.class, "/api/Trade/search");
    return new TradeSearchResponse(
        exchange.trades(request.accountId(), requireStart(request, "/api/Trade/search"), request.endTimestamp()),
        true, 0, null);
  }

  private static OffsetDateTime requireStart(HistorySearchRequest request, String endpoint) throws BadRequest {
    if (request.startTimestamp() == null) {
      throw new BadRequest(endpoint + ": startTimestamp is required");
    }
    return request.startTimestamp();
  }

  private PlaceOrderResponse place(String body) throws BadRequest {
    Outcome outcome = exchange.place(read(body, PlaceOrderRequest.class, "/api/Order/place"));
    return new PlaceOrderResponse(outcome.orderId(), outcome.success(), outcome.errorCode(), outcome.errorMessage());
  }

  private StatusResponse modify(String body) throws BadRequest {
    ModifyOrderRequest r = read(body, ModifyOrderRequest.class, "/api/Order/modify");
    return status(exchange.modify(r.accountId(), r.orderId(), r.size(), r.limitPrice(), r.stopPrice(), r.trailPrice()));
  }

  private StatusResponse cancel(String body) throws BadRequest {
    CancelOrderRequest request = read(body, CancelOrderRequest.class, "/api/Order/cancel");
    return status(exchange.cancel(request.accountId(), request.orderId()));
  }

  /** Bars are not simulated: the guard never asks for them; the answer is a valid empty list. */
  private ObjectNode bars() {
    ObjectNode answer = json.createObjectNode();
    answer.putArray("bars");
    answer.put("success", true);
    answer.put("errorCode", 0);
    answer.putNull("errorMessage");
    return answer;
  }

  private long accountId(String body, String endpoint) throws BadRequest {
    return read(body, AccountIdRequest.class, endpoint).accountId();
  }

  private static StatusResponse status(Outcome outcome) {
    return outcome.success() ? StatusResponse.ok() : StatusResponse.failed(outcome.errorCode(), outcome.errorMessage());
  }

  private <T> T read(String body, Class<T> type, String endpoint) throws BadRequest {
    if (body == null || body.isBlank()) {
      throw new BadRequest(endpoint + ": a JSON body is required");
    }
    try {
      JsonNode tree = json.readTree(body);
      if (!tree.isObject()) {
        throw new BadRequest(endpoint + ": the body must be a JSON object");
      }
      return json.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new BadRequest(endpoint + ": " + e.getOriginalMessage());
    }
  }
}
