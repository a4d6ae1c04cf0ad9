package riskguard.app.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon's small HTTP endpoint, bound to 127.0.0.1 only: {@code GET /status} (and
 * whatever else the daemon routes) answered as JSON. No authentication: only local processes
 * can reach it, and nothing it serves is a secret. Handlers run one at a time on one thread.
 */
final class StatusEndpoint implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StatusEndpoint.class);
  private static final byte[] LOOPBACK = {127, 0, 0, 1};

  private final HttpServer server;
  private final ExecutorService handlers;
  private final ObjectMapper json = StatusJson.mapper();
  /** path → method → what to answer with. */
  private final Map<String, Map<String, Supplier<Object>>> routes = new ConcurrentHashMap<>();

  private StatusEndpoint(HttpServer server) {
    this.server = server;
    this.handlers = Executors.newSingleThreadExecutor(GatewaySink.daemonThread("riskguard-status-endpoint"));
    server.setExecutor(handlers);
  }

  /**
   * Binds 127.0.0.1:{@code port} (0: any free port) and starts serving. A port in use (another
   * daemon on this machine) falls back to a free port with a warning: {@code riskguard status}
   * finds the daemon through its {@link DaemonEndpoint} file, not the configured number.
   *
   * @throws IOException when not even a free port can be bound
   */
  static StatusEndpoint open(int port) throws IOException {
    InetAddress loopback = InetAddress.getByAddress(LOOPBACK);
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(loopback, port), 0);
    } catch (BindException e) {
      LOG.warn("status endpoint: port {} on 127.0.0.1 is in use ({}); using a free port instead", port,
          e.getMessage());
      server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
    }
    StatusEndpoint endpoint = new StatusEndpoint(server);
    server.start();
    return endpoint;
  }

  /** Answers {@code GET path} with {@code answer} as JSON. */
  void get(String path, Supplier<Object> answer) {
    route("GET", path, answer);
  }

  /** Answers {@code POST path} with {@code answer} as JSON (the request body is not read). */
  void post(String path, Supplier<Object> answer) {
    route("POST", path, answer);
  }

  private void route(String method, String path, Supplier<Object> answer) {
    Map<String, Supplier<Object>> methods = routes.computeIfAbsent(path, p -> {
      server.createContext(p, this::handle);
      return new ConcurrentHashMap<>();
    });
    methods.put(method, answer);
  }

  /** {@code http://127.0.0.1:PORT}, the root the routes hang from. */
  URI root() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      Map<String, Supplier<Object>> methods = routes.get(path);
      if (methods == null) {
        answer(exchange, 404, Map.of("error", "no such endpoint: " + path));
        return;
      }
      Supplier<Object> answer = methods.get(exchange.getRequestMethod());
      if (answer == null) {
        exchange.getResponseHeaders().set("Allow", String.join(", ", methods.keySet()));
        answer(exchange, 405, Map.of("error", exchange.getRequestMethod() + " " + path + " is not supported; use "
            + String.join(" or ", methods.keySet())));
        return;
      }
      Object body;
      try {
        body = answer.get();
      } catch (RuntimeException e) {
        LOG.warn("status endpoint: {} {} failed", exchange.getRequestMethod(), path, e);
        answer(exchange, 500, Map.of("error", exchange.getRequestMethod() + " " + path + " failed: " + e.getMessage()));
        return;
      }
      answer(exchange, 200, body);
    }
  }

  private void answer(HttpExchange exchange, int code, Object body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Stops answering at once; a request being answered is cut off. */
  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
