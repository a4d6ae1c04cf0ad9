package riskguard.connectors.sim;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import riskguard.connectors.signalr.Close;
import riskguard.connectors.signalr.Completion;
import riskguard.connectors.signalr.HandshakeRequest;
import riskguard.connectors.signalr.HandshakeResponse;
import riskguard.connectors.signalr.HubMessage;
import riskguard.connectors.signalr.HubProtocol;
import riskguard.connectors.signalr.HubProtocolException;
import riskguard.connectors.signalr.Invocation;
import riskguard.connectors.signalr.Ping;
import riskguard.connectors.signalr.RecordBuffer;

/**
 * One client's WebSocket on a hub, speaking the SignalR JSON protocol: the handshake first, then
 * invocations answered with completions, pings and a close. A record that cannot be decoded is
 * logged and skipped; the connection stays up (the real server would drop it, but the guard must
 * be able to test that its own client survives its peer's garbage, and the simulator must survive
 * a broken client).
 *
 * <p>Public only because Jetty calls the listener methods through method handles, which needs a
 * public class; its constructor and everything else stay package-private.
 */
public final class HubSession implements Session.Listener.AutoDemanding {

  private static final Logger log = LoggerFactory.getLogger(HubSession.class);

  final Hub hub;
  final String user;
  private final HubMethods methods;
  private final HubBroadcaster broadcaster;
  private final RecordBuffer buffer = new RecordBuffer();
  /** What this connection has subscribed to: "Orders|536", "Quotes|CON.F.US.EP.Z25", "Accounts". */
  private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
  private volatile Session session;
  private volatile boolean handshakeDone;
  private volatile long lastHeardNanos = System.nanoTime();

  HubSession(Hub hub, String user, HubMethods methods, HubBroadcaster broadcaster) {
    this.hub = hub;
    this.user = user;
    this.methods = methods;
    this.broadcaster = broadcaster;
  }

  @Override
  public void onWebSocketOpen(Session session) {
    this.session = session;
    broadcaster.register(this);
    log.info("hub {}: {} connected from {}", hub.path(), user, session.getRemoteSocketAddress());
  }

  @Override
  public void onWebSocketText(String frame) {
    lastHeardNanos = System.nanoTime();
    List<String> records;
    try {
      records = buffer.append(frame);
    } catch (HubProtocolException e) {
      log.warn("hub {}: {}: skipped {}", hub.path(), user, e.getMessage());
      return;
    }
    for (String record : records) {
      if (handshakeDone) {
        receive(record);
      } else {
        handshake(record);
      }
    }
  }

  private void handshake(String record) {
    HandshakeRequest request;
    try {
      request = HubProtocol.decodeHandshakeRequest(record);
    } catch (HubProtocolException e) {
      log.warn("hub {}: {}: bad handshake, closing: {}", hub.path(), user, e.getMessage());
      refuseHandshake("Handshake request is not valid JSON: " + e.getMessage());
      return;
    }
    if (!request.isJsonV1()) {
      refuseHandshake("The protocol '" + request.protocol() + "' version " + request.version()
          + " is not supported; use json version 1.");
      return;
    }
    // The answer is queued before the session counts as ready, so no ping or event can overtake it.
    send(HubProtocol.encodeHandshakeResponse(HandshakeResponse.ACCEPTED));
    handshakeDone = true;
  }

  private void refuseHandshake(String error) {
    send(HubProtocol.encodeHandshakeResponse(new HandshakeResponse(error)));
    session.close(StatusCode.NORMAL, "handshake refused", Callback.NOOP);
  }

  private void receive(String record) {
    HubMessage message;
    try {
      message = HubProtocol.decode(record);
    } catch (HubProtocolException e) {
      log.warn("hub {}: {}: skipped {}", hub.path(), user, e.getMessage());
      return;
    }
    if (message instanceof Invocation invocation) {
      Completion completion = methods.invoke(this, invocation);
      if (invocation.expectsCompletion()) {
        send(HubProtocol.encode(completion));
      } else if (completion.failed()) {
        log.warn("hub {}: {}: {}", hub.path(), user, completion.error());
      }
    } else if (message instanceof Close) {
      session.close(StatusCode.NORMAL, "client closed", Callback.NOOP);
    } else if (!(message instanceof Ping)) {
      log.warn("hub {}: {}: ignored an unexpected message of type {}", hub.path(), user, message.type());
    }
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    broadcaster.unregister(this);
    log.info("hub {}: {} disconnected ({} {})", hub.path(), user, statusCode, reason);
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    log.debug("hub {}: {}: socket error: {}", hub.path(), user, cause.toString());
  }

  /** How long since the client last sent anything. */
  Duration silentFor() {
    return Duration.ofNanos(System.nanoTime() - lastHeardNanos);
  }

  boolean ready() {
    return handshakeDone && session != null && session.isOpen();
  }

  boolean subscribedTo(String topic) {
    return subscriptions.contains(topic);
  }

  void subscribe(String topic) {
    subscriptions.add(topic);
  }

  void unsubscribe(String topic) {
    subscriptions.remove(topic);
  }

  /** Queues text on the socket; Jetty keeps the order of queued frames. */
  void send(String text) {
    Session current = session;
    if (current != null && current.isOpen()) {
      current.sendText(text, Callback.NOOP);
    }
  }

  void ping() {
    if (ready()) {
      send(HubProtocol.encode(new Ping()));
    }
  }

  /** Ends the connection: politely with a SignalR close message, or by cutting the socket. */
  void drop(boolean abrupt) {
    Session current = session;
    if (current == null) {
      return;
    }
    if (abrupt) {
      current.disconnect();
    } else {
      send(HubProtocol.encode(new Close("Connection dropped by the gateway simulator.", true)));
      current.close(StatusCode.NORMAL, "dropped", Callback.NOOP);
    }
  }
}
