package riskguard.connectors.sim;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import riskguard.connectors.projectx.model.Account;
import riskguard.connectors.projectx.model.ProjectXJson;

/**
 * A local ProjectX Gateway: the REST API, the user and market SignalR hubs over WebSocket, a
 * market that moves and a matching engine, all on 127.0.0.1. It is the demo's venue, the tests'
 * peer and a paper-trading venue. Besides the gateway's own wire, it offers an admin surface
 * ({@code /sim/…}, see {@link AdminApi}) and the same powers in Java: {@link #trader(long)},
 * {@link #market()}, {@link #calls()}, {@link #failNext(int, int, String)}, …
 *
 * <pre>{@code
 * try (GatewaySimulator sim = GatewaySimulator.builder().account(SimAccount.of(536, "50K", 50_000)).start()) {
 *   sim.market().setPrice(ContractCatalogue.MNQ, 21000.00);
 *   sim.trader(536).buyMarket(ContractCatalogue.MNQ, 2);
 * }
 * }</pre>
 */
public final class GatewaySimulator implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GatewaySimulator.class);

  /** The user name of the default login. */
  public static final String DEMO_USER = "demo";
  /** The API key of the default login (a well-known demo value, not a secret). */
  public static final String DEMO_API_KEY = "demo-api-key";
  /** Transport-level backstop only; SignalR's own client timeout is checked with the pings. */
  private static final Duration SOCKET_IDLE_TIMEOUT = Duration.ofMinutes(2);

  private final Options options;
  private final Exchange exchange;
  private final SimMarket market;
  private final HubBroadcaster broadcaster;
  private final TokenAuthority tokens;
  private final FailureInjector failures = new FailureInjector();
  private final SubscriptionRefusals refusals = new SubscriptionRefusals();
  private final CallLog calls = new CallLog();
  private final RecordingTap recording;
  private final Server server;
  private final ScheduledExecutorService timer;

  private record Options(int port, List<SimAccount> accounts, Map<String, String> users, long seed,
      Duration quoteInterval, boolean startPaused, boolean rateLimit, Clock clock, Duration tokenLifetime,
      Duration pingInterval, Duration clientTimeout, Path recordTo, PublishWatch publishWatch) {}

  private GatewaySimulator(Options options) throws IOException {
    this.options = options;
    JsonMapper json = ProjectXJson.newMapper();
    this.recording = options.recordTo() == null
        ? RecordingTap.none()
        : RecordingTap.toFile(options.recordTo(), json, options.clock(), options.accounts());
    this.broadcaster = new HubBroadcaster(json, recording, options.publishWatch());
    this.exchange = new Exchange(ContractCatalogue.standard(), options.accounts(), options.clock(),
        options.seed(), broadcaster);
    this.market = new SimMarket(exchange, options.startPaused());
    this.tokens = new TokenAuthority(options.clock(), options.tokenLifetime());
    RestApi rest = new RestApi(json, exchange, tokens, options.users());
    AdminApi admin = new AdminApi(json, this);
    RateLimiter limiter = options.rateLimit() ? new RateLimiter(options.clock()) : null;
    GatewayHandler gateway = new GatewayHandler(rest, admin, tokens, limiter, failures, calls, options.clock(),
        exchange.lock());
    HubMethods methods = new HubMethods(exchange, broadcaster, refusals);

    QueuedThreadPool threads = new QueuedThreadPool(32, 4);
    threads.setName("gateway-sim");
    threads.setDaemon(true);
    this.server = new Server(threads);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
    connector.setPort(options.port());
    server.addConnector(connector);
    WebSocketUpgradeHandler hubs = WebSocketUpgradeHandler.from(server, container -> {
      container.setIdleTimeout(SOCKET_IDLE_TIMEOUT);
      for (Hub hub : Hub.values()) {
        container.addMapping(hub.path(), hubCreator(hub, methods));
      }
    });
    hubs.setHandler(gateway);
    server.setHandler(hubs);
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "gateway-sim-timer");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Refuses the upgrade with 401 unless {@code access_token} (or a bearer header) holds a valid token. */
  private WebSocketCreator hubCreator(Hub hub, HubMethods methods) {
    return (ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) -> {
      String token = Request.extractQueryParameters(request).getValue("access_token");
      if (token == null) {
        token = GatewayHandler.bearer(request.getHeaders().get("Authorization"));
      }
      Optional<String> user = tokens.userOf(token);
      if (user.isEmpty()) {
        log.info("hub {}: refused a connection without a valid access_token", hub.path());
        Response.writeError(request, response, callback, 401, "a valid access_token is required");
        return null;
      }
      // Declines permessage-deflate, which OkHttp offers: an ASP.NET Core SignalR hub such as
      // the gateway's does not negotiate it by default, and deflating every small event costs
      // both ends CPU on the path from a fill to the guard's close call.
      response.setExtensions(List.of());
      return new HubSession(hub, user.get(), methods, broadcaster);
    };
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Binds the port, starts the market timer and the hub pings. */
  public GatewaySimulator start() throws Exception {
    server.start();
    if (!options.quoteInterval().isZero()) {
      long millis = options.quoteInterval().toMillis();
      timer.scheduleAtFixedRate(this::tickMarket, millis, millis, TimeUnit.MILLISECONDS);
    }
    long ping = options.pingInterval().toMillis();
    timer.scheduleAtFixedRate(() -> broadcaster.keepAlive(options.clientTimeout()), ping, ping, TimeUnit.MILLISECONDS);
    log.info("gateway simulator listening on {}", restUrl());
    return this;
  }

  private void tickMarket() {
    try {
      market.tick();
    } catch (RuntimeException e) {
      log.error("market step failed; the walk goes on", e);
    }
  }

  /** The bound port (the real one when 0 was asked for). */
  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  /** Base URL of the REST API, e.g. {@code http://127.0.0.1:18080}. */
  public String restUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** URL of a hub as clients configure it (the SignalR client switches http to ws itself). */
  public String hubUrl(Hub hub) {
    return restUrl() + hub.path();
  }

  /** Base URL of the admin surface. */
  public String adminUrl() {
    return restUrl() + "/sim";
  }

  /** The logins the gateway accepts: user name to API key. */
  public Map<String, String> users() {
    return options.users();
  }

  public List<Account> accounts() {
    return exchange.accounts();
  }

  /** Acts as the trader of an account. */
  public SimTrader trader(long accountId) {
    if (!exchange.hasAccount(accountId)) {
      throw new IllegalArgumentException("unknown account " + accountId + "; the simulator has "
          + exchange.accounts().stream().map(Account::id).toList());
    }
    return new SimTrader(exchange, accountId);
  }

  public SimMarket market() {
    return market;
  }

  /** Flips {@code canTrade}; published as GatewayUserAccount. */
  public void setCanTrade(long accountId, boolean canTrade) {
    exchange.setCanTrade(accountId, canTrade);
  }

  /** Every REST call received so far, oldest first. */
  public List<RecordedCall> calls() {
    return calls.all();
  }

  /** The REST calls to one endpoint, e.g. {@code /api/Position/closeContract}. */
  public List<RecordedCall> calls(String endpoint) {
    return calls.all().stream().filter(c -> c.endpoint().equalsIgnoreCase(endpoint)).toList();
  }

  public void clearCalls() {
    calls.clear();
  }

  /**
   * Answers the next {@code count} REST calls (to {@code endpoint}, or to any when null) with
   * HTTP {@code status} (e.g. 500, 503, 429) instead of serving them.
   */
  public void failNext(int count, int status, String endpoint) {
    failures.inject(count, status, endpoint);
  }

  /**
   * Serves the next {@code count} REST calls (to {@code endpoint}, or to any when null) and then
   * loses their answers: the caller gets HTTP 504 although the call took effect (an order placed,
   * a position closed), as when a proxy gives up on a slow gateway.
   */
  public void loseAnswerOfNext(int count, String endpoint) {
    failures.loseAnswers(count, endpoint);
  }

  public void clearFailures() {
    failures.clear();
  }

  /** Invalidates every token, so the next call answers 401 and clients must log in again. */
  public void revokeTokens() {
    tokens.revokeAll();
  }

  /**
   * Fault injection: sends {@code target} with {@code arguments} as they are to every client of
   * {@code hub} (a malformed or unexpected event, as a misbehaving gateway would send it). The
   * simulator's own state and recording are not touched.
   */
  public void sendHubEvent(Hub hub, String target, Object... arguments) {
    broadcaster.sendAsIs(hub, target, arguments);
  }

  /**
   * Fault injection: from now on the hubs answer every invocation of the subscribe method {@code
   * target} (e.g. {@code SubscribeTrades}, {@code SubscribeContractQuotes}) for {@code argument}
   * (an account id or contract id as text; null for any) with an error completion carrying
   * {@code message}, worded as the gateway's ({@code Failed to invoke '…' due to an error on the
   * server. HubException: message}), until {@link #acceptSubscriptions}. Nothing is subscribed
   * meanwhile: the client gets none of the events the subscription would carry.
   */
  public void refuseSubscription(String target, String argument, String message) {
    refusals.refuse(target, argument, message);
    log.info("refusing {}({}) from now on", target, argument == null ? "any" : argument);
  }

  /** Lifts every {@link #refuseSubscription}: the next invocations subscribe again. */
  public void acceptSubscriptions() {
    refusals.acceptAll();
    log.info("accepting every subscription again");
  }

  /** How many subscribe invocations were refused so far (a client's retries count). */
  public long refusedSubscriptions() {
    return refusals.refusedCount();
  }

  /** Open hub connections of one hub, or of both when null. */
  public int hubConnections(Hub hub) {
    return broadcaster.connections(hub).size();
  }

  /**
   * Drops hub connections (of one hub, or both when null): with a SignalR close message that
   * allows reconnecting, or abruptly by cutting the socket. Returns how many were dropped.
   */
  public int dropHubConnections(Hub hub, boolean abrupt) {
    List<HubSession> dropped = new ArrayList<>(broadcaster.connections(hub));
    dropped.forEach(c -> c.drop(abrupt));
    log.info("dropped {} hub connection(s) ({})", dropped.size(), abrupt ? "abruptly" : "with a close message");
    return dropped.size();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      server.stop();
    } catch (Exception e) {
      log.warn("gateway simulator did not stop cleanly: {}", e.toString());
    }
    recording.close();
  }

  /** Options of a simulator; every one has a default that suits the demo. */
  public static final class Builder {
    private int port;
    private final List<SimAccount> accounts = new ArrayList<>();
    private final Map<String, String> users = new LinkedHashMap<>();
    private long seed = 42;
    private Duration quoteInterval = Duration.ofMillis(500);
    private boolean startPaused;
    private boolean rateLimit = true;
    private Clock clock = Clock.systemUTC();
    private Duration tokenLifetime = Duration.ofHours(24);
    private Duration pingInterval = Duration.ofSeconds(15);
    private Duration clientTimeout = Duration.ofSeconds(30);
    private Path recordTo;
    private PublishWatch publishWatch = PublishWatch.NONE;

    private Builder() {}

    /** 0 (the default) binds an ephemeral port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Adds an account; without any, the simulator has account 536 "50KTC-SIM-536" with $50,000. */
    public Builder account(SimAccount account) {
      accounts.add(Objects.requireNonNull(account));
      return this;
    }

    /** Adds a login; without any, {@link #DEMO_USER} / {@link #DEMO_API_KEY} is accepted. */
    public Builder user(String userName, String apiKey) {
      users.put(Objects.requireNonNull(userName), Objects.requireNonNull(apiKey));
      return this;
    }

    /** Seed of the random walk and the synthetic depth (default 42): same seed, same market. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** How often the random walk steps (default 500 ms); zero disables the timer. */
    public Builder quoteInterval(Duration interval) {
      if (interval.isNegative()) {
        throw new IllegalArgumentException("quote interval must not be negative, got " + interval);
      }
      this.quoteInterval = interval;
      return this;
    }

    /** Starts with the random walk paused (prices move only when set or stepped). */
    public Builder startPaused(boolean paused) {
      this.startPaused = paused;
      return this;
    }

    /** Enforces the gateway's rate limits (default on). */
    public Builder rateLimit(boolean enabled) {
      this.rateLimit = enabled;
      return this;
    }

    /** The clock of timestamps, token expiry and rate windows (default the system UTC clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Builder tokenLifetime(Duration lifetime) {
      this.tokenLifetime = lifetime;
      return this;
    }

    /** How often the hubs send a SignalR ping to every client (default 15 s, as the gateway). */
    public Builder hubPingInterval(Duration interval) {
      if (interval.isZero() || interval.isNegative()) {
        throw new IllegalArgumentException("hub ping interval must be positive, got " + interval);
      }
      this.pingInterval = interval;
      return this;
    }

    /**
     * A hub client that sends nothing (not even a ping) for this long is gone and its socket is
     * cut (default 30 s, as the gateway). Checked at every ping.
     */
    public Builder hubClientTimeout(Duration timeout) {
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("hub client timeout must be positive, got " + timeout);
      }
      this.clientTimeout = timeout;
      return this;
    }

    /** Writes every published hub event to this file in the recording format. */
    public Builder recordTo(Path file) {
      this.recordTo = file;
      return this;
    }

    /** Told of every hub event just before it is sent (a benchmark's clock). */
    public Builder publishWatch(PublishWatch watch) {
      this.publishWatch = Objects.requireNonNull(watch, "watch");
      return this;
    }

    /** Builds and starts the simulator. */
    public GatewaySimulator start() throws Exception {
      return build().start();
    }

    public GatewaySimulator build() throws IOException {
      List<SimAccount> chosenAccounts = accounts.isEmpty()
          ? List.of(SimAccount.of(536, "50KTC-SIM-536", 50_000))
          : List.copyOf(accounts);
      Map<String, String> chosenUsers = users.isEmpty()
          ? Map.of(DEMO_USER, DEMO_API_KEY)
          : Collections.unmodifiableMap(new LinkedHashMap<>(users));
      return new GatewaySimulator(new Options(port, chosenAccounts, chosenUsers, seed, quoteInterval,
          startPaused, rateLimit, clock, tokenLifetime, pingInterval, clientTimeout, recordTo, publishWatch));
    }
  }
}
