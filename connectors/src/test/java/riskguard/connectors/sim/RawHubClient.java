package riskguard.connectors.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A WebSocket client that speaks the SignalR JSON protocol by hand, for tests: it sends raw text
 * and splits what it receives at the record separator. Waits are bounded; they fail the test
 * rather than hang.
 */
final class RawHubClient extends WebSocketListener implements AutoCloseable {

  static final char RS = '\u001e';
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long WAIT_SECONDS = 10;

  private final OkHttpClient client = new OkHttpClient();
  private final BlockingQueue<String> records = new LinkedBlockingQueue<>();
  private final StringBuilder partial = new StringBuilder();
  private final List<JsonNode> passedOver = new ArrayList<>();
  final CompletableFuture<Response> opened = new CompletableFuture<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final WebSocket socket;

  RawHubClient(String url) {
    socket = client.newWebSocket(new Request.Builder().url(url).build(), this);
  }

  /** Connects, handshakes and checks the server accepted ({@code {}}). */
  static RawHubClient connected(String url) {
    RawHubClient hub = new RawHubClient(url);
    hub.send("{\"protocol\":\"json\",\"version\":1}" + RS);
    String answer = hub.nextRecord();
    if (!answer.equals("{}")) {
      throw new AssertionError("handshake refused: " + answer);
    }
    return hub;
  }

  void send(String text) {
    if (!socket.send(text)) {
      throw new IllegalStateException("socket is closed");
    }
  }

  /** Invokes a hub method with an id and returns its completion. */
  JsonNode invoke(String invocationId, String target, String argumentsJson) {
    send("{\"type\":1,\"invocationId\":\"" + invocationId + "\",\"target\":\"" + target + "\",\"arguments\":"
        + argumentsJson + "}" + RS);
    return next(m -> m.path("type").asInt() == 3 && invocationId.equals(m.path("invocationId").asText()));
  }

  String nextRecord() {
    try {
      String record = records.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      if (record == null) {
        throw new AssertionError("no record within " + WAIT_SECONDS + " s");
      }
      return record;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  JsonNode nextMessage() {
    try {
      return JSON.readTree(nextRecord());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The first message that matches, oldest first. Messages passed over are kept for later
   * lookups, so waiting for a completion does not lose the events that came before it.
   */
  JsonNode next(Predicate<JsonNode> wanted) {
    for (Iterator<JsonNode> it = passedOver.iterator(); it.hasNext(); ) {
      JsonNode message = it.next();
      if (wanted.test(message)) {
        it.remove();
        return message;
      }
    }
    while (true) {
      JsonNode message = nextMessage();
      if (wanted.test(message)) {
        return message;
      }
      passedOver.add(message);
    }
  }

  /** The next server event (invocation) with this target. */
  JsonNode nextEvent(String target) {
    return next(m -> m.path("type").asInt() == 1 && target.equals(m.path("target").asText()));
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    opened.complete(response);
  }

  @Override
  public synchronized void onMessage(WebSocket webSocket, String text) {
    for (char c : text.toCharArray()) {
      if (c == RS) {
        records.add(partial.toString());
        partial.setLength(0);
      } else {
        partial.append(c);
      }
    }
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    webSocket.close(1000, null);
    closed.complete(code);
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable t, Response response) {
    opened.completeExceptionally(new FailedUpgrade(response == null ? -1 : response.code(), t));
    closed.complete(-1);
  }

  /** The upgrade failed; {@code status} is the HTTP answer (-1 when there was none). */
  static final class FailedUpgrade extends RuntimeException {
    final int status;

    FailedUpgrade(int status, Throwable cause) {
      super("upgrade failed with HTTP " + status, cause);
      this.status = status;
    }
  }

  @Override
  public void close() {
    socket.close(1000, "test done");
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
