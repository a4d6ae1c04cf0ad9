package riskguard.app.daemon;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import riskguard.config.GatewayConfig;
import riskguard.config.RiskguardConfig;
import riskguard.connectors.projectx.hub.HubConnection;
import riskguard.connectors.projectx.hub.HubEvent;
import riskguard.connectors.projectx.hub.MarketHub;
import riskguard.connectors.projectx.hub.MarketHubListener;
import riskguard.connectors.projectx.hub.SubscriptionProblem;
import riskguard.connectors.projectx.hub.UserHub;
import riskguard.connectors.projectx.hub.UserHubListener;
import riskguard.connectors.projectx.model.Account;
import riskguard.connectors.projectx.rest.ProjectXApiException;
import riskguard.connectors.projectx.rest.ProjectXException;
import riskguard.connectors.projectx.rest.ProjectXRestClient;
import riskguard.connectors.projectx.rest.RetryPolicy;
import riskguard.db.AuditLog;
import riskguard.db.AuditPhase;
import riskguard.db.ContractRepository;
import riskguard.db.Database;
import riskguard.db.DatabaseException;
import riskguard.db.DatabaseLockedException;
import riskguard.db.DecisionRepository;
import riskguard.db.DecisionRow;
import riskguard.db.LockoutRepository;
import riskguard.db.PlacedOrderRepository;
import riskguard.db.ResetMarkRepository;
import riskguard.db.RulePackageRepository;
import riskguard.db.StoredAuditRow;
import riskguard.engine.clock.Heartbeat;
import riskguard.engine.enforcement.EnforcementService;
import riskguard.engine.event.ClockTick;
import riskguard.engine.model.Lockout;
import riskguard.engine.session.Engine;
import riskguard.engine.session.EngineSettings;
import riskguard.engine.session.RuleCompileException;
import riskguard.engine.session.RulePackage;

/**
 * The live riskguard daemon: guards the configured accounts on a ProjectX gateway with the
 * rule package. {@link #start} opens the database (refusing a second daemon), compiles the
 * rules and restores what was persisted, then connects in the background: log in (retrying
 * while the gateway is unreachable), find the guarded accounts, subscribe the hubs, reconcile
 * from REST, start the heartbeat. From then on hub events flow through the engine and its
 * decisions are carried out through the REST API. {@link #close} stops it gracefully.
 *
 * <pre>{@code
 * try (Daemon daemon = Daemon.start(DaemonOptions.of(ConfigLoader.load(file)))) {
 *   daemon.awaitReady(Duration.ofSeconds(30));
 *   DaemonSnapshot now = daemon.snapshot();
 * }
 * }</pre>
 */
public final class Daemon implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
  private static final RetryPolicy REST_RETRIES =
      new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(2), Duration.ofSeconds(65));
  /** How long a hub may leave a subscription unanswered before it counts as refused. */
  private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(10);
  /** How often the gateway thread looks whether a refused user-hub subscription was accepted. */
  private static final Duration SUBSCRIPTION_CHECK = Duration.ofMillis(250);

  private final RiskguardConfig config;
  private final DaemonListener listener;
  private final Clock clock = Clock.systemUTC();
  private final Instant startedAt = clock.instant();
  private final Database database;
  private final AccountBook book;
  private final LockoutStore lockouts;
  private final ResetMarks resetMarks;
  private final ProjectXRestClient rest;
  private final GatewaySink sink;
  private final Engine engine;
  private final TradeLedger ledger;
  private final EventRecording recording;
  private final EventIntake intake;
  private final ContractCache contracts;
  private final Reconciler reconciler;
  private final LiveStatus liveStatus;
  private final HotReload reload;
  private final ScheduledExecutorService gatewayWork =
      Executors.newSingleThreadScheduledExecutor(GatewaySink.daemonThread("riskguard-gateway"));

  private final CountDownLatch ready = new CountDownLatch(1);
  private final CountDownLatch closing = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile DaemonException failure;
  private volatile List<Long> guarded = List.of();
  private volatile UserHub userHub;
  private volatile MarketHub marketHub;
  private volatile Heartbeat heartbeat;
  private volatile StatusEndpoint endpoint;
  /**
   * True while the user hub has refused a subscription since the last reconciliation: the daemon
   * does not claim to guard (log, {@link #connectionState}, status) and reconciles once the hub
   * accepts. Only the gateway thread changes it.
   */
  private volatile boolean userHubRefusing;
  private List<Account> accountsToGuard = List.of();

  /**
   * How many REST calls the client starts per window. The gateway allows 200 a minute; the
   * daemon keeps under that. A simulator without rate limits can be driven harder (benchmarks).
   */
  public record RestBudget(int requests, Duration window) {
    static final RestBudget GATEWAY = new RestBudget(190, Duration.ofMinutes(1));
  }

  private Daemon(DaemonOptions options, Database database, RulePackage rules, RestBudget budget) {
    this.config = options.config();
    this.listener = options.listener();
    this.database = database;
    this.book = new AccountBook(config.tradingDay(), config.pnlBasis());
    this.lockouts = new LockoutStore(new LockoutRepository(database), config.tradingDay());
    this.resetMarks = new ResetMarks(new ResetMarkRepository(database), config.tradingDay());
    GatewayConfig gateway = config.gateway();
    this.rest = ProjectXRestClient.builder(gateway.restUrl().toString(), gateway.username(), gateway.apiKey().reveal())
        .retryPolicy(REST_RETRIES)
        .rateLimit(budget.requests(), budget.window())
        .build();
    DecisionRecorder recorder = new DecisionRecorder(book, listener);
    PlacedOrderRepository placedOrders = new PlacedOrderRepository(database);
    this.sink = new GatewaySink(database, lockouts, recorder, book, new GatewayActions(rest, book, placedOrders, clock), listener,
        Backoff.ENFORCEMENT, clock);
    this.engine = Engine.live(rules, EngineSettings.from(config), new EnforcementService(recorder, sink));
    sink.reportTo(engine);
    this.ledger = new TradeLedger(database, config.tradingDay(), clock);
    this.recording = SessionRecording.open(options.effectiveRecordDir(), clock);
    this.intake = new EventIntake(engine, book, ledger, recording, clock);
    this.contracts = new ContractCache(rest, new ContractRepository(database), book, intake, recording, clock);
    this.reconciler = new Reconciler(rest, intake, book, contracts, placedOrders, config.tradingDay(), clock);
    this.reload = new HotReload(engine, options.effectiveRulesDir(), config, new RulePackageRepository(database)::record, clock,
        listener, options.warmup() ? new Warmup(Warmup.Budget.DEFAULT) : null);
    this.liveStatus = new LiveStatus(reload::runningRules, startedAt);
  }

  /**
   * Opens the database, compiles the rules and starts connecting in the background.
   *
   * @throws DaemonException when the config lacks credentials, the database is locked by
   *     another daemon or unusable, or the rules do not compile
   */
  public static Daemon start(DaemonOptions options) {
    return start(options, RestBudget.GATEWAY);
  }

  /** Starts with a REST budget other than the gateway's (a simulator without rate limits: benchmarks). */
  public static Daemon start(DaemonOptions options, RestBudget budget) {
    RiskguardConfig config = options.config();
    LOG.info("riskguard starting with config {}", config.source());
    config.warnings().forEach(warning -> LOG.warn("config warning: {}", warning));
    if (!config.gateway().hasCredentials()) {
      throw new DaemonException(DaemonException.Step.CONFIG, config.source()
          + ": gateway.username and gateway.api_key are needed to run the daemon");
    }
    Database database = openDatabase(config.database());
    Daemon daemon;
    try {
      RulePackage rules = compileRules(options.effectiveRulesDir(), EngineSettings.from(config));
      daemon = new Daemon(options, database, rules, budget);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    daemon.begin();
    return daemon;
  }

  private static Database openDatabase(Path file) {
    LOG.info("opening database {}", file);
    try {
      return Database.openForDaemon(file);
    } catch (DatabaseLockedException e) {
      throw new DaemonException(DaemonException.Step.DATABASE, e.getMessage(), e);
    } catch (DatabaseException e) {
      throw new DaemonException(DaemonException.Step.DATABASE, "cannot open database " + file + ": " + e.getMessage(), e);
    }
  }

  private static RulePackage compileRules(Path dir, EngineSettings settings) {
    LOG.info("compiling rules from {}", dir == null ? "the shipped package" : dir);
    try {
      RulePackage rules = dir == null ? RulePackage.shipped(settings) : RulePackage.compile(dir, settings);
      List<String> idle = rules.build().idleRules();
      LOG.info("rules compiled: {} rules running from {}, version {}{}", rules.ruleCount(), rules.source(),
          rules.version(), idle.isEmpty() ? "" : "; " + idle.size() + " left out, as this config cannot fire them");
      LOG.debug("rules left out: {}", idle);
      return rules;
    } catch (RuleCompileException e) {
      throw new DaemonException(DaemonException.Step.RULES, e.getMessage(), e);
    }
  }

  private void begin() {
    settleLeftoverDecisions();
    sink.prepare();
    openEndpoint();
    listener.started(engine.rules().source(), engine.rules().ruleCount());
    reload.start();
    reload.warmUp("at start");
    gatewayWork.execute(this::connect);
  }

  /**
   * Serves {@code GET /status} on loopback and advertises it next to the database for {@code
   * riskguard status}. Without it the daemon still guards; status then reads the database.
   */
  private void openEndpoint() {
    try {
      endpoint = StatusEndpoint.open(config.statusPort());
      endpoint.get("/status", this::status);
      new DaemonEndpoint(ProcessHandle.current().pid(), endpoint.root(), startedAt).write(database.file());
      LOG.info("status endpoint {}/status", endpoint.root());
    } catch (IOException e) {
      LOG.warn("status endpoint not started: {}; `riskguard status` will show what the database holds",
          e.getMessage());
      if (endpoint != null) {
        endpoint.close();
        endpoint = null;
      }
    }
  }

  /**
   * Decisions claimed but not finished when the last run ended are not executed again: the
   * gateway is the truth, and the reconciliation that follows lets the rules decide afresh on
   * what is there now. They are closed in the audit log and the idempotency record.
   */
  private void settleLeftoverDecisions() {
    DecisionRepository claims = new DecisionRepository(database);
    AuditLog audit = new AuditLog(database, clock);
    List<DecisionRow> pending = claims.pending();
    for (DecisionRow row : pending) {
      database.inTransaction("settle decision " + row.decisionId() + " left over from the last run", () -> {
        List<StoredAuditRow> trail = audit.forDecision(row.decisionId());
        if (!trail.isEmpty()) {
          audit.append(trail.get(0).row().at(AuditPhase.SKIPPED,
              "left unfinished by the last run; superseded by the reconciliation at start"));
        }
        claims.markFailed(row.decisionId(), clock.instant());
      });
    }
    if (!pending.isEmpty()) {
      LOG.info("{} decision(s) left unfinished by the last run were settled; the rules look again after reconciling",
          pending.size());
    }
  }

  /** Log in, find the accounts, subscribe, reconcile, tick: retried from the top while the gateway fails. */
  private void connect() {
    int attempt = 0;
    while (!closed.get()) {
      try {
        LOG.info("logging in to {} as {}", config.gateway().restUrl(), config.gateway().username());
        rest.accessToken();
        List<Account> accounts = findGuardedAccounts();
        if (guarded.isEmpty()) {
          restore(accounts);
          recording.begin(List.copyOf(guarded), "live session on " + config.gateway().restUrl());
        }
        startHubs(accounts);
        reconcile(accounts);
        if (heartbeat == null) {
          heartbeat = Heartbeat.start(clock, this::tick);
        }
        accountsToGuard = accounts;
        List<SubscriptionProblem> refused = userHub.connection().subscriptionProblems();
        if (refused.isEmpty() && userHub.connection().subscriptionsConfirmed()) {
          announceGuarding();
        } else {
          notGuarding(refused, "at start");
        }
        gatewayWork.scheduleWithFixedDelay(this::checkSubscriptions, SUBSCRIPTION_CHECK.toMillis(),
            SUBSCRIPTION_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        return;
      } catch (ProjectXApiException e) {
        if (e.endpoint().equals("/api/Auth/loginKey")) {
          fail(new DaemonException(DaemonException.Step.LOGIN, "login to " + config.gateway().restUrl() + " as "
              + config.gateway().username() + " refused: " + e.getMessage(), e));
          return;
        }
        attempt = waitBeforeRetry(++attempt, e.getMessage());
      } catch (ProjectXException e) {
        attempt = waitBeforeRetry(++attempt, e.getMessage());
      } catch (DaemonException e) {
        fail(e);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (!closed.get()) {
          fail(new DaemonException(DaemonException.Step.INTERNAL, "start-up failed: " + e, e));
        }
        return;
      }
    }
  }

  private void announceGuarding() {
    LOG.info("guarding {} account(s): {}", accountsToGuard.size(),
        accountsToGuard.stream().map(a -> a.id() + " (" + a.name() + ")").collect(Collectors.joining(", ")));
    ready.countDown();
    listener.connected(Set.copyOf(guarded));
  }

  /** Once per episode: the user hub refuses (or has not answered) a subscription; on the gateway thread. */
  private void notGuarding(List<SubscriptionProblem> refused, String when) {
    userHubRefusing = true;
    String what = refused.isEmpty()
        ? "the user hub has not confirmed every subscription"
        : refused.stream().map(SubscriptionProblem::describe).collect(Collectors.joining("; "));
    LOG.error("NOT guarding account(s) {} fully {}: {}; events of a refused subscription do not arrive, so no rule"
        + " fires on them. Invoking it again with backoff; reconciling from REST once the hub accepts",
        guarded, when, what);
    listener.subscriptionsRefused(refused.stream().map(SubscriptionProblem::describe).toList());
  }

  /**
   * On the gateway thread, every {@link #SUBSCRIPTION_CHECK}: a user-hub subscription refused
   * starts an episode; once the hub accepts every one again, what it missed comes from REST and
   * the accounts are guarded (again).
   */
  private void checkSubscriptions() {
    if (closed.get() || userHub == null) {
      return;
    }
    try {
      HubConnection connection = userHub.connection();
      List<SubscriptionProblem> refused = connection.subscriptionProblems();
      if (!refused.isEmpty()) {
        if (!userHubRefusing) {
          notGuarding(refused, "since the hub refused a subscription");
        }
        return;
      }
      if (!userHubRefusing || !connection.subscriptionsConfirmed()) {
        return;
      }
      LOG.info("user hub accepted every subscription; reconciling from REST what it did not send meanwhile");
      reconcile(findGuardedAccounts().stream().filter(account -> guarded.contains(account.id())).toList());
      userHubRefusing = false;
      if (ready.getCount() > 0) {
        announceGuarding();
      } else {
        LOG.info("guarding account(s) {} fully again", guarded);
        listener.connected(Set.copyOf(guarded));
      }
    } catch (ProjectXException | DaemonException e) {
      LOG.warn("reconciling after the user hub accepted its subscriptions failed: {}; trying again", e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("checking the hub subscriptions failed", e);
    }
  }

  private int waitBeforeRetry(int attempt, String problem) {
    Duration wait = Backoff.CONNECT.delay(attempt);
    LOG.warn("gateway {} unreachable (attempt {}): {}; retrying in {} s", config.gateway().restUrl(), attempt,
        problem, wait.toSeconds());
    listener.gatewayUnreachable(attempt, problem, wait.toSeconds());
    try {
      closing.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return attempt;
  }

  private List<Account> findGuardedAccounts() {
    List<Account> visible = rest.searchAccounts(true);
    List<Account> accounts = visible.stream()
        .filter(account -> config.accounts().matches(account.id(), account.name()))
        .sorted(Comparator.comparingLong(Account::id))
        .toList();
    if (accounts.isEmpty()) {
      throw new DaemonException(DaemonException.Step.ACCOUNTS, "no account to guard: accounts "
          + (config.accounts().all() ? "[all]" : config.accounts().idsOrNames()) + " in " + config.source()
          + " match none of the login's active accounts "
          + visible.stream().map(a -> a.id() + " (" + a.name() + ")").toList());
    }
    return accounts;
  }

  /** Persisted state back into the engine, before the account's first event. */
  private void restore(List<Account> accounts) {
    Instant now = clock.instant();
    List<Long> ids = new ArrayList<>();
    for (Account account : accounts) {
      book.guard(account.id(), account.name());
      List<Lockout> active = lockouts.active(account.id(), now);
      engine.restore(account.id(), resetMarks.lastReset(account.id()), active);
      if (!active.isEmpty()) {
        LOG.info("account {}: restored {} active lockout(s): {}", account.id(), active.size(),
            active.stream().map(l -> l.rule() + " until " + (l.endsAt() == null ? "lifted" : l.endsAt())).toList());
      }
      ids.add(account.id());
    }
    guarded = List.copyOf(ids);
  }

  private void startHubs(List<Account> accounts) throws InterruptedException {
    if (userHub != null) {
      return;
    }
    GatewayConfig gateway = config.gateway();
    LOG.info("connecting to the user hub {} and the market hub {}", gateway.userHubUrl(), gateway.marketHubUrl());
    // the engine's decoder reads the raw events: the hubs need not decode them a second time
    marketHub = new MarketHub(hubConnection(gateway.marketHubUrl().toString()), new MarketHubListener() {
      @Override
      public void onEvent(HubEvent event) {
        intake.hubEvent(event);
      }

      @Override
      public boolean wantsTyped() {
        return false;
      }

      @Override
      public void onReconnected() {
        LOG.info("market hub reconnected; quote subscriptions renewed");
        listener.reconnected(MarketHub.HUB);
      }
    });
    userHub = new UserHub(hubConnection(gateway.userHubUrl().toString()), new UserHubListener() {
      @Override
      public void onEvent(HubEvent event) {
        intake.hubEvent(event);
      }

      @Override
      public boolean wantsTyped() {
        return false;
      }

      @Override
      public void onReconnected() {
        submitGatewayWork(Daemon.this::reconcileAfterReconnect);
      }
    });
    intake.connect(marketHub, contractId -> submitGatewayWork(() -> contracts.ensure(contractId)));
    marketHub.start();
    userHub.start();
    List<CompletableFuture<?>> answers = new ArrayList<>();
    answers.add(userHub.subscribeAccounts());
    accounts.forEach(account -> answers.add(userHub.subscribeAccount(account.id())));
    awaitFirstConnection(userHub.start(), "user hub");
    awaitAnswers(answers);
  }

  /**
   * Waits for the hub's answers to the subscriptions, bounded: an unanswered one times out in
   * the connection after {@link #SUBSCRIBE_TIMEOUT} and counts as refused.
   */
  private void awaitAnswers(List<CompletableFuture<?>> answers) throws InterruptedException {
    try {
      CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
          .get(SUBSCRIBE_TIMEOUT.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException refusedOrSlow) {
      LOG.debug("user hub subscriptions not all accepted: {}", refusedOrSlow.toString());
    }
  }

  private HubConnection.Builder hubConnection(String url) {
    return HubConnection.builder(url, rest::accessToken).renewRejectedToken(rest::renewAccessToken)
        .reconnectDelay(Duration.ofSeconds(1), Duration.ofSeconds(30))
        .subscribeTimeout(SUBSCRIBE_TIMEOUT);
  }

  private void awaitFirstConnection(CompletableFuture<Void> connected, String hub)
      throws InterruptedException {
    while (!closed.get()) {
      try {
        connected.get(10, TimeUnit.SECONDS);
        return;
      } catch (TimeoutException e) {
        LOG.warn("{} not connected yet; still trying", hub);
      } catch (ExecutionException e) {
        throw new IllegalStateException(hub + " closed before it connected", e.getCause());
      }
    }
  }

  private void reconcile(List<Account> accounts) {
    for (Account account : accounts) {
      reconciler.reconcile(account);
    }
  }

  private void reconcileAfterReconnect() {
    LOG.info("user hub reconnected; reconciling from REST");
    contracts.retryUnknown();
    try {
      reconcile(findGuardedAccounts().stream().filter(account -> guarded.contains(account.id())).toList());
      listener.reconnected(UserHub.HUB);
    } catch (ProjectXException | DaemonException e) {
      Duration wait = Backoff.CONNECT.initial().multipliedBy(5);
      LOG.warn("reconciling after the reconnect failed: {}; trying again in {} s", e.getMessage(), wait.toSeconds());
      try {
        gatewayWork.schedule(this::reconcileAfterReconnect, wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException stopping) {
        LOG.debug("not reconciling again, stopping");
      }
    }
  }

  private void submitGatewayWork(Runnable work) {
    try {
      gatewayWork.execute(() -> {
        try {
          work.run();
        } catch (RuntimeException e) {
          LOG.error("gateway work failed", e);
        }
      });
    } catch (RejectedExecutionException stopping) {
      LOG.debug("gateway work dropped, stopping");
    }
  }

  private void tick(ClockTick tick) {
    intake.tick(tick);
    recording.flush();
    for (long account : guarded) {
      resetMarks.mark(account, engine.lastReset(account));
    }
  }

  private void fail(DaemonException problem) {
    if (closed.get()) {
      return;
    }
    failure = problem;
    LOG.error("{}", problem.getMessage());
    ready.countDown();
    Thread stopper = new Thread(this::close, "riskguard-stop");
    stopper.start();
  }

  /**
   * Waits until the accounts are guarded (logged in, reconciled, subscribed).
   *
   * @return false when {@code timeout} passed first (e.g. the gateway is still unreachable)
   * @throws DaemonException when the daemon failed meanwhile (e.g. the login was refused)
   */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    boolean done = ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (failure != null) {
      throw failure;
    }
    return done && !closed.get();
  }

  /** Blocks until the daemon has stopped; returns why it failed, or empty after a normal stop. */
  public Optional<DaemonException> awaitStopped() throws InterruptedException {
    stopped.await();
    return Optional.ofNullable(failure);
  }

  /** Why the daemon failed, if it did. */
  public Optional<DaemonException> failure() {
    return Optional.ofNullable(failure);
  }

  public ConnectionState connectionState() {
    if (closed.get()) {
      return ConnectionState.STOPPED;
    }
    boolean up = userHub != null && userHub.connection().isConnected()
        && marketHub != null && marketHub.connection().isConnected();
    if (ready.getCount() == 0 && !up) {
      return ConnectionState.RECONNECTING;
    }
    if (!subscriptionProblems().isEmpty()) {
      return ConnectionState.DEGRADED;
    }
    if (ready.getCount() > 0) {
      return ConnectionState.CONNECTING;
    }
    return ConnectionState.CONNECTED;
  }

  /** The subscriptions the hubs refused or did not answer (user hub first), until they accept them. */
  public List<SubscriptionProblem> subscriptionProblems() {
    List<SubscriptionProblem> problems = new ArrayList<>();
    UserHub user = userHub;
    MarketHub market = marketHub;
    if (user != null) {
      problems.addAll(user.connection().subscriptionProblems());
    }
    if (market != null) {
      problems.addAll(market.connection().subscriptionProblems());
    }
    return problems;
  }

  /** The guarded accounts' ids (empty until connected). */
  public List<Long> guardedAccounts() {
    return guarded;
  }

  /** Connection, and per guarded account P&amp;L, positions, lockouts and recent decisions. */
  public DaemonSnapshot snapshot() {
    Instant now = clock.instant();
    List<DaemonSnapshot.AccountSnapshot> accounts = new ArrayList<>();
    for (long account : guarded) {
      accounts.add(book.snapshot(account, now, engine.lockouts(account)));
    }
    return new DaemonSnapshot(now, connectionState(), engine.rules().source(), accounts);
  }

  /**
   * Reloads the rule directory and the config file now, as if they had changed (SIGHUP,
   * {@code riskguard reload}); returns at once, {@link DaemonListener#reloaded} tells the outcome.
   */
  public void reload() {
    reload.request(true);
  }

  /** The running rule package's version and how the last reload went. */
  public ReloadState reloadState() {
    return reload.state();
  }

  /** What {@code GET /status} answers: the snapshot with both hubs' states and the limits' % used. */
  public StatusDocument status() {
    String source = endpoint == null ? "daemon pid " + ProcessHandle.current().pid() : endpoint.root() + "/status";
    return liveStatus.document(source, snapshot(),
        LiveStatus.hubState(userHub == null ? null : userHub.connection()),
        LiveStatus.hubState(marketHub == null ? null : marketHub.connection()), subscriptionProblems(),
        reloadState());
  }

  /** Where the status endpoint answers ({@code http://127.0.0.1:PORT}); empty if it could not start. */
  public Optional<URI> statusEndpoint() {
    return endpoint == null ? Optional.empty() : Optional.of(endpoint.root());
  }

  /** The database file the daemon holds. */
  public Path databaseFile() {
    return database.file();
  }

  /**
   * Stops gracefully: no more events, the heartbeat and hubs closed, in-flight enforcement
   * finished (scheduled retries stay PENDING in the database), the database closed last.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    LOG.info("riskguard stopping");
    if (endpoint != null) {
      DaemonEndpoint.remove(database.file());
      endpoint.close();
    }
    closing.countDown();
    reload.close();
    intake.stop();
    if (heartbeat != null) {
      heartbeat.close();
    }
    if (userHub != null) {
      userHub.close();
    }
    if (marketHub != null) {
      marketHub.close();
    }
    gatewayWork.shutdownNow();
    awaitQuietly(gatewayWork);
    sink.close();
    engine.close();
    ledger.close();
    recording.close();
    rest.close();
    database.close();
    LOG.info("riskguard stopped{}", failure == null ? "" : " after a failure: " + failure.getMessage());
    listener.stopped(failure);
    stopped.countDown();
  }

  private static void awaitQuietly(ScheduledExecutorService executor) {
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
