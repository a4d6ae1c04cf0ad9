package riskguard.connectors.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import riskguard.connectors.signalr.Completion;
import riskguard.connectors.signalr.Invocation;

/**
 * The server methods a client may invoke on each hub. User hub: {@code SubscribeAccounts()},
 * {@code SubscribeOrders/Positions/Trades(accountId)} and their {@code Unsubscribe…}. Market hub:
 * {@code SubscribeContractQuotes/Trades/MarketDepth(contractId)} and their {@code Unsubscribe…}.
 * Errors are worded like ASP.NET Core SignalR's. A new quote subscriber gets the current quote
 * at once, so it has a mark before the market next moves. A subscription a test asked to refuse
 * ({@link GatewaySimulator#refuseSubscription}) is answered with an error, as a gateway refusing it.
 */
final class HubMethods {

  /** A method's topic and the kind of its one argument (none, account id or contract id). */
  private record Method(Hub hub, String topic, Argument argument, boolean subscribe) {}

  private enum Argument { NONE, ACCOUNT, CONTRACT }

  private static final Map<String, Method> METHODS = Map.ofEntries(
      Map.entry("SubscribeAccounts", new Method(Hub.USER, HubBroadcaster.ACCOUNTS, Argument.NONE, true)),
      Map.entry("UnsubscribeAccounts", new Method(Hub.USER, HubBroadcaster.ACCOUNTS, Argument.NONE, false)),
      Map.entry("SubscribeOrders", new Method(Hub.USER, HubBroadcaster.ORDERS, Argument.ACCOUNT, true)),
      Map.entry("UnsubscribeOrders", new Method(Hub.USER, HubBroadcaster.ORDERS, Argument.ACCOUNT, false)),
      Map.entry("SubscribePositions", new Method(Hub.USER, HubBroadcaster.POSITIONS, Argument.ACCOUNT, true)),
      Map.entry("UnsubscribePositions", new Method(Hub.USER, HubBroadcaster.POSITIONS, Argument.ACCOUNT, false)),
      Map.entry("SubscribeTrades", new Method(Hub.USER, HubBroadcaster.TRADES, Argument.ACCOUNT, true)),
      Map.entry("UnsubscribeTrades", new Method(Hub.USER, HubBroadcaster.TRADES, Argument.ACCOUNT, false)),
      Map.entry("SubscribeContractQuotes", new Method(Hub.MARKET, HubBroadcaster.QUOTES, Argument.CONTRACT, true)),
      Map.entry("UnsubscribeContractQuotes", new Method(Hub.MARKET, HubBroadcaster.QUOTES, Argument.CONTRACT, false)),
      Map.entry("SubscribeContractTrades", new Method(Hub.MARKET, HubBroadcaster.MARKET_TRADES, Argument.CONTRACT, true)),
      Map.entry("UnsubscribeContractTrades", new Method(Hub.MARKET, HubBroadcaster.MARKET_TRADES, Argument.CONTRACT, false)),
      Map.entry("SubscribeContractMarketDepth", new Method(Hub.MARKET, HubBroadcaster.DEPTH, Argument.CONTRACT, true)),
      Map.entry("UnsubscribeContractMarketDepth", new Method(Hub.MARKET, HubBroadcaster.DEPTH, Argument.CONTRACT, false)));

  private final Exchange exchange;
  private final HubBroadcaster broadcaster;
  private final SubscriptionRefusals refusals;

  HubMethods(Exchange exchange, HubBroadcaster broadcaster, SubscriptionRefusals refusals) {
    this.exchange = exchange;
    this.broadcaster = broadcaster;
    this.refusals = refusals;
  }

  /** Runs an invocation; the completion says how it went (sent only when the client asked). */
  Completion invoke(HubSession connection, Invocation invocation) {
    String id = invocation.invocationId() == null ? "-" : invocation.invocationId();
    Method method = METHODS.get(invocation.target());
    if (method == null || method.hub() != connection.hub) {
      return Completion.ofError(id, "Unknown hub method '" + invocation.target() + "'");
    }
    int expected = method.argument() == Argument.NONE ? 0 : 1;
    if (invocation.arguments().size() != expected) {
      return Completion.ofError(id, failure(invocation, "InvalidDataException: Invocation provides "
          + invocation.arguments().size() + " argument(s) but target expects " + expected + "."));
    }
    String topic = method.topic();
    if (method.argument() != Argument.NONE) {
      JsonNode argument = invocation.arguments().get(0);
      String key;
      if (method.argument() == Argument.ACCOUNT) {
        if (!argument.isIntegralNumber()) {
          return Completion.ofError(id, failure(invocation, "InvalidDataException: accountId must be an integer, got " + argument));
        }
        long accountId = argument.asLong();
        if (!exchange.hasAccount(accountId)) {
          return Completion.ofError(id, failure(invocation, "HubException: account " + accountId + " not found"));
        }
        key = Long.toString(accountId);
      } else {
        if (!argument.isTextual() || exchange.catalogue().byId(argument.textValue()).isEmpty()) {
          return Completion.ofError(id, failure(invocation, "HubException: contract " + argument + " not found"));
        }
        key = argument.textValue();
      }
      topic = HubBroadcaster.topic(topic, key);
    }
    if (method.subscribe()) {
      Optional<String> refused = refusals.refusal(invocation.target(), invocation.arguments());
      if (refused.isPresent()) {
        return Completion.ofError(id, failure(invocation, "HubException: " + refused.get()));
      }
    }
    if (method.subscribe() && method.topic().equals(HubBroadcaster.QUOTES)) {
      // Subscribed and sent the current quote in one step: a quote published in between would
      // otherwise reach the connection before the older one read here, which then stood as the last.
      String contractId = invocation.arguments().get(0).textValue();
      String quotes = topic;
      exchange.withCurrentQuote(contractId, quote -> {
        connection.subscribe(quotes);
        broadcaster.sendQuote(connection, contractId, quote);
      });
    } else if (method.subscribe()) {
      connection.subscribe(topic);
    } else {
      connection.unsubscribe(topic);
    }
    return Completion.empty(id);
  }

  private static String failure(Invocation invocation, String detail) {
    return "Failed to invoke '" + invocation.target() + "' due to an error on the server. " + detail;
  }
}
