package riskguard.connectors.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.util.Fields;
import riskguard.connectors.projectx.model.PlaceOrderRequest;

/**
 * The admin surface under {@code /sim/}: JSON over HTTP, no token, loopback only. It lets a test
 * or the demo act as the trader and as the venue, with the same powers as the Java API.
 *
 * <pre>
 * GET    /sim/state                      accounts, open positions and orders per account, quotes
 * POST   /sim/order                      body as /api/Order/place, placed as the trader → {"orderId":…}
 * POST   /sim/cancel                     {"accountId","orderId"}
 * POST   /sim/close                      {"accountId","contractId","size"?} (no size: flatten)
 * POST   /sim/market/price               {"contractId","price"} | {"contractId","bid","ask","last"} | {"contractId","ticks"}
 * POST   /sim/market/pause | resume | step
 * POST   /sim/account                    {"accountId","canTrade"}
 * POST   /sim/hubs/drop                  {"hub"?: "user"|"market", "abrupt"?: false} → {"dropped":n}
 * POST   /sim/hubs/refuse              {"target","argument"?,"message"?}: refuse that subscription   DELETE accepts all again
 * POST   /sim/failures                   {"count","status","endpoint"?}   DELETE /sim/failures clears
 * GET    /sim/calls?endpoint=/api/…      the REST calls received          DELETE /sim/calls clears
 * POST   /sim/tokens/revoke              every token becomes invalid (401 until the next login)
 * </pre>
 *
 * A refused trading action answers 409 with the gateway's errorCode; a malformed request 400.
 */
final class AdminApi {

  private final JsonMapper json;
  private final GatewaySimulator simulator;

  AdminApi(JsonMapper json, GatewaySimulator simulator) {
    this.json = json;
    this.simulator = simulator;
  }

  RestAnswer handle(String method, String path, Fields query, String body) {
    try {
      return route(method.toUpperCase(Locale.ROOT) + " " + path, query, body);
    } catch (SimRejectedException e) {
      ObjectNode answer = json.createObjectNode();
      answer.put("error", e.getMessage());
      answer.put("errorCode", e.errorCode());
      return RestAnswer.json(409, answer.toString());
    } catch (IllegalArgumentException | JsonProcessingException e) {
      return error(400, path + ": " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
    }
  }

  private RestAnswer route(String route, Fields query, String body) throws JsonProcessingException {
    switch (route) {
      case "GET /sim/state" -> {
        return ok(state());
      }
      case "POST /sim/order" -> {
        PlaceOrderRequest request = json.treeToValue(object(body), PlaceOrderRequest.class);
        long orderId = simulator.trader(request.accountId()).place(request);
        return ok(json.createObjectNode().put("orderId", orderId));
      }
      case "POST /sim/cancel" -> {
        JsonNode request = object(body);
        simulator.trader(requiredLong(request, "accountId")).cancel(requiredLong(request, "orderId"));
        return ok(done());
      }
      case "POST /sim/close" -> {
        JsonNode request = object(body);
        SimTrader trader = simulator.trader(requiredLong(request, "accountId"));
        String contractId = requiredText(request, "contractId");
        if (request.hasNonNull("size")) {
          trader.partialClose(contractId, request.get("size").asInt());
        } else {
          trader.closePosition(contractId);
        }
        return ok(done());
      }
      case "POST /sim/market/price" -> {
        setPrice(object(body));
        return ok(done());
      }
      case "POST /sim/market/pause" -> {
        simulator.market().pause();
        return ok(done());
      }
      case "POST /sim/market/resume" -> {
        simulator.market().resume();
        return ok(done());
      }
      case "POST /sim/market/step" -> {
        simulator.market().step();
        return ok(done());
      }
      case "POST /sim/account" -> {
        JsonNode request = object(body);
        if (!request.path("canTrade").isBoolean()) {
          throw new IllegalArgumentException("canTrade (true or false) is required");
        }
        simulator.setCanTrade(requiredLong(request, "accountId"), request.get("canTrade").booleanValue());
        return ok(done());
      }
      case "POST /sim/hubs/drop" -> {
        JsonNode request = body.isBlank() ? json.createObjectNode() : object(body);
        Hub hub = request.hasNonNull("hub") ? Hub.valueOf(request.get("hub").asText().toUpperCase(Locale.ROOT)) : null;
        int dropped = simulator.dropHubConnections(hub, request.path("abrupt").asBoolean(false));
        return ok(json.createObjectNode().put("dropped", dropped));
      }
      case "POST /sim/hubs/refuse" -> {
        JsonNode request = object(body);
        simulator.refuseSubscription(requiredText(request, "target"),
            request.hasNonNull("argument") ? request.get("argument").asText() : null,
            request.hasNonNull("message") ? request.get("message").asText() : null);
        return ok(done());
      }
      case "DELETE /sim/hubs/refuse" -> {
        simulator.acceptSubscriptions();
        return ok(done());
      }
      case "POST /sim/failures" -> {
        JsonNode request = object(body);
        simulator.failNext((int) requiredLong(request, "count"), (int) requiredLong(request, "status"),
            request.hasNonNull("endpoint") ? request.get("endpoint").asText() : null);
        return ok(done());
      }
      case "DELETE /sim/failures" -> {
        simulator.clearFailures();
        return ok(done());
      }
      case "GET /sim/calls" -> {
        String endpoint = query.getValue("endpoint");
        List<RecordedCall> calls = endpoint == null ? simulator.calls() : simulator.calls(endpoint);
        ObjectNode answer = json.createObjectNode();
        answer.set("calls", json.valueToTree(calls));
        return ok(answer);
      }
      case "DELETE /sim/calls" -> {
        simulator.clearCalls();
        return ok(done());
      }
      case "POST /sim/tokens/revoke" -> {
        simulator.revokeTokens();
        return ok(done());
      }
      default -> {
        return error(404, "no admin route " + route + "; see GET /sim/state, POST /sim/order, /sim/close, "
            + "/sim/cancel, /sim/market/{price,pause,resume,step}, /sim/account, /sim/hubs/drop, /sim/failures, "
            + "/sim/calls, /sim/tokens/revoke");
      }
    }
  }

  private void setPrice(JsonNode request) {
    String contractId = requiredText(request, "contractId");
    if (request.hasNonNull("price")) {
      simulator.market().setPrice(contractId, request.get("price").asDouble());
    } else if (request.hasNonNull("bid") && request.hasNonNull("ask")) {
      double bid = request.get("bid").asDouble();
      simulator.market().setQuote(contractId, bid, request.get("ask").asDouble(),
          request.hasNonNull("last") ? request.get("last").asDouble() : bid);
    } else if (request.hasNonNull("ticks")) {
      simulator.market().move(contractId, request.get("ticks").asLong());
    } else {
      throw new IllegalArgumentException("give price, or bid and ask (and last), or ticks");
    }
  }

  private ObjectNode state() {
    ObjectNode state = json.createObjectNode();
    state.put("paused", simulator.market().paused());
    state.set("accounts", json.valueToTree(simulator.accounts()));
    ObjectNode positions = state.putObject("positions");
    ObjectNode orders = state.putObject("openOrders");
    simulator.accounts().forEach(a -> {
      SimTrader trader = simulator.trader(a.id());
      positions.set(Long.toString(a.id()), json.valueToTree(trader.positions()));
      orders.set(Long.toString(a.id()), json.valueToTree(trader.openOrders()));
    });
    state.set("quotes", json.valueToTree(simulator.market().quotes()));
    state.put("userHubConnections", simulator.hubConnections(Hub.USER));
    state.put("marketHubConnections", simulator.hubConnections(Hub.MARKET));
    return state;
  }

  private JsonNode object(String body) throws JsonProcessingException {
    JsonNode node = json.readTree(body == null || body.isBlank() ? "null" : body);
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("the body must be a JSON object");
    }
    return node;
  }

  private static long requiredLong(JsonNode request, String field) {
    if (!request.path(field).canConvertToLong()) {
      throw new IllegalArgumentException(field + " (an integer) is required");
    }
    return request.get(field).asLong();
  }

  private static String requiredText(JsonNode request, String field) {
    if (!request.path(field).isTextual()) {
      throw new IllegalArgumentException(field + " (a string) is required");
    }
    return request.get(field).asText();
  }

  private ObjectNode done() {
    return json.createObjectNode().put("ok", true);
  }

  private static RestAnswer ok(JsonNode body) {
    return RestAnswer.envelope(body.toString(), true);
  }

  private RestAnswer error(int status, String message) {
    return RestAnswer.json(status, json.createObjectNode().put("error", message).toString());
  }
}
