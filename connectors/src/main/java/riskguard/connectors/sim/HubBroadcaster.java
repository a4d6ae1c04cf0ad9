package riskguard.connectors.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import riskguard.connectors.projectx.model.Account;
import riskguard.connectors.projectx.model.DepthEntry;
import riskguard.connectors.projectx.model.MarketTrade;
import riskguard.connectors.projectx.model.Order;
import riskguard.connectors.projectx.model.Position;
import riskguard.connectors.projectx.model.Quote;
import riskguard.connectors.projectx.model.Trade;
import riskguard.connectors.signalr.HubProtocol;
import riskguard.connectors.signalr.Invocation;

/**
 * Sends what the exchange publishes to the hub connections that subscribed to it, as SignalR
 * invocations without an id: {@code GatewayUserAccount/Order/Position/Trade(payload)} on the user
 * hub, {@code GatewayQuote/GatewayTrade/GatewayDepth(contractId, payload)} on the market hub.
 * Each event is encoded once, straight from its payload (no JSON tree in between: the simulator
 * shares the cores with the daemon it serves in the bench), and queued on every matching socket.
 */
final class HubBroadcaster implements VenueListener {

  private static final Logger log = LoggerFactory.getLogger(HubBroadcaster.class);

  static final String ACCOUNTS = "Accounts";
  static final String ORDERS = "Orders";
  static final String POSITIONS = "Positions";
  static final String TRADES = "Trades";
  static final String QUOTES = "Quotes";
  static final String MARKET_TRADES = "MarketTrades";
  static final String DEPTH = "Depth";

  private final JsonMapper json;
  private final Set<HubSession> connections = new CopyOnWriteArraySet<>();
  private final EventTap tap;
  private final PublishWatch watch;

  /** Sees every event the venue publishes, subscribed to or not (the recording hook). */
  interface EventTap {
    void published(Hub hub, String target, String contractId, Object payload);
  }

  HubBroadcaster(JsonMapper json, EventTap tap, PublishWatch watch) {
    this.json = json;
    this.tap = tap;
    this.watch = watch;
  }

  static String topic(String kind, String key) {
    return kind + "|" + key;
  }

  void register(HubSession connection) {
    connections.add(connection);
  }

  void unregister(HubSession connection) {
    connections.remove(connection);
  }

  /** Open connections, optionally of one hub (null = both). */
  List<HubSession> connections(Hub hub) {
    return connections.stream().filter(c -> hub == null || c.hub == hub).toList();
  }

  /**
   * Pings every client, and drops those that have sent nothing (not even a ping) for longer
   * than the client timeout, as a SignalR server does.
   */
  void keepAlive(Duration clientTimeout) {
    for (HubSession session : connections) {
      if (session.silentFor().compareTo(clientTimeout) > 0) {
        log.info("hub {}: {} sent nothing for {} s; dropping it", session.hub.path(), session.user,
            clientTimeout.toSeconds());
        session.drop(true);
      } else {
        session.ping();
      }
    }
  }

  @Override
  public void account(Account account) {
    userEvent("GatewayUserAccount", account, c -> c.subscribedTo(ACCOUNTS));
  }

  @Override
  public void order(Order order) {
    userEvent("GatewayUserOrder", order,
        c -> c.subscribedTo(topic(ORDERS, Long.toString(order.accountId()))));
  }

  @Override
  public void position(Position position) {
    userEvent("GatewayUserPosition", position,
        c -> c.subscribedTo(topic(POSITIONS, Long.toString(position.accountId()))));
  }

  @Override
  public void trade(Trade trade) {
    userEvent("GatewayUserTrade", trade,
        c -> c.subscribedTo(topic(TRADES, Long.toString(trade.accountId()))));
  }

  @Override
  public void quote(String contractId, Quote quote) {
    marketEvent("GatewayQuote", contractId, quote, QUOTES);
  }

  @Override
  public void marketTrades(String contractId, List<MarketTrade> trades) {
    marketEvent("GatewayTrade", contractId, trades, MARKET_TRADES);
  }

  @Override
  public void depth(String contractId, List<DepthEntry> depth) {
    marketEvent("GatewayDepth", contractId, depth, DEPTH);
  }

  /** The current quote to one connection that just subscribed. */
  void sendQuote(HubSession connection, String contractId, Quote quote) {
    connection.send(eventRecord("GatewayQuote", contractId, quote));
  }

  /**
   * {@code target} with {@code arguments} exactly as given, to every ready connection of
   * {@code hub} whatever it subscribed to, and not recorded: a gateway misbehaving.
   */
  void sendAsIs(Hub hub, String target, Object... arguments) {
    String text = eventRecord(target, arguments);
    for (HubSession connection : connections) {
      if (connection.hub == hub && connection.ready()) {
        connection.send(text);
      }
    }
  }

  /** The SignalR record of an event that wants no answer, as {@link HubProtocol#encode} writes it. */
  String eventRecord(String target, Object... arguments) {
    try {
      return json.writeValueAsString(new Event(Invocation.TYPE, target, arguments)) + HubProtocol.RECORD_SEPARATOR;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An invocation without an id, in the protocol's field order. */
  record Event(int type, String target, Object[] arguments) {}

  private void userEvent(String target, Object payload, Predicate<HubSession> subscribed) {
    broadcast(Hub.USER, target, null, eventRecord(target, payload), payload, subscribed);
  }

  private void marketEvent(String target, String contractId, Object payload, String kind) {
    String topic = topic(kind, contractId);
    broadcast(Hub.MARKET, target, contractId, eventRecord(target, contractId, payload), payload,
        c -> c.subscribedTo(topic));
  }

  private void broadcast(Hub hub, String target, String contractId, String text, Object payload,
      Predicate<HubSession> subscribed) {
    watch.publishing(target);
    for (HubSession connection : connections) {
      if (connection.hub == hub && connection.ready() && subscribed.test(connection)) {
        connection.send(text);
      }
    }
    tap.published(hub, target, contractId, payload);
  }
}
