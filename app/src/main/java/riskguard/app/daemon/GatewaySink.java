package riskguard.app.daemon;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import riskguard.connectors.projectx.rest.ProjectXException;
import riskguard.connectors.projectx.rest.ProjectXTransportException;
import riskguard.db.AuditLog;
import riskguard.db.AuditPhase;
import riskguard.db.AuditRow;
import riskguard.db.Database;
import riskguard.db.DecisionRepository;
import riskguard.engine.enforcement.Action;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.enforcement.EnforcementSink;
import riskguard.engine.model.Lockout;
import riskguard.engine.session.Engine;

/**
 * The daemon's {@link EnforcementSink}: carries out the merged actions of an event through
 * the gateway, off the engine's thread (one ordered executor per account), with an audit
 * trail. For each event it first commits, in one transaction, the audit rows of every
 * decision ({@code DECIDED}, {@code SKIPPED} for those merged away), the lockouts set or
 * lifted, and the claim and {@code SENT} row of every gateway action; then it calls the
 * gateway and commits {@code SUCCEEDED} / {@code RETRY} / {@code FAILED}, and tells the
 * engine. A claimed decision is executed once: a {@code DONE} decision is never claimed again.
 *
 * <p>Actions that take positions off are retried with backoff until they succeed, the
 * position is flat, or (for the lockout guard) the lockout has ended; other actions are
 * retried a few times after a transport failure and fail on a refusal, so the rule that
 * decided them may decide again.
 */
final class GatewaySink implements EnforcementSink, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("riskguard.enforcement");
  private static final int MAX_ATTEMPTS_OTHER_ACTIONS = 5;

  private final Database database;
  private final AuditLog audit;
  private final DecisionRepository claims;
  private final LockoutStore lockouts;
  private final DecisionRecorder recorder;
  private final AccountBook book;
  private final GatewayActions gateway;
  private final DaemonListener listener;
  private final Backoff backoff;
  private final Clock clock;
  /** The version of the rule package that decided each decision still being carried out. */
  private final Map<String, String> deciders = new ConcurrentHashMap<>();
  private final Map<Long, ExecutorService> executors = new ConcurrentHashMap<>();
  private final ScheduledExecutorService retryTimer;
  private volatile Engine engine;
  private volatile boolean closing;

  GatewaySink(Database database, LockoutStore lockouts, DecisionRecorder recorder, AccountBook book,
      GatewayActions gateway, DaemonListener listener, Backoff backoff, Clock clock) {
    this.database = database;
    this.audit = new AuditLog(database, clock);
    this.claims = new DecisionRepository(database);
    this.lockouts = lockouts;
    this.recorder = recorder;
    this.book = book;
    this.gateway = gateway;
    this.listener = listener;
    this.backoff = backoff;
    this.clock = clock;
    this.retryTimer = Executors.newSingleThreadScheduledExecutor(daemonThread("riskguard-enforcement-retry"));
  }

  /**
   * Readies the enforcement path before a decision needs it (the daemon's start-up): the claim's
   * and the audit log's statements compiled, the JSON of the gateway commands built. Nothing is
   * written or sent. A fresh daemon's first close otherwise paid for these on its way to the
   * gateway.
   */
  void prepare() {
    claims.prepare();
    audit.prepare();
    gateway.prepare();
  }

  /** The engine to report results to; set once it exists (it is built with this sink). */
  void reportTo(Engine resultsEngine) {
    this.engine = resultsEngine;
  }

  /** Called on the account's thread, right after the recorder saw the event's decisions. */
  @Override
  public void execute(List<Decision> actions) {
    long accountId = actions.get(0).accountId();
    List<Decision> decided = recorder.take(accountId);
    String deciding = engine.rules().version();
    decided.forEach(decision -> deciders.put(decision.id(), deciding));
    actions.forEach(action -> deciders.put(action.id(), deciding));
    boolean lockoutsChanged = actions.stream().anyMatch(action -> changesLockouts(action.action()));
    List<Lockout> held = lockoutsChanged ? engine.lockouts(accountId) : null;
    submit(accountId, () -> begin(accountId, decided, actions, held));
  }

  private static boolean changesLockouts(Action action) {
    return action == Action.LOCKOUT || action == Action.COOLDOWN || action == Action.UNLOCK;
  }

  /** The first transaction of an event's decisions, then the gateway calls. */
  private void begin(long accountId, List<Decision> decided, List<Decision> actions, List<Lockout> held) {
    List<Decision> toSend = new ArrayList<>();
    database.inTransaction("record the decisions of account " + accountId, () -> {
      Set<String> actionIds = new HashSet<>();
      actions.forEach(action -> actionIds.add(action.id()));
      for (Decision decision : decided) {
        audit.append(row(decision, AuditPhase.DECIDED, null));
        if (!actionIds.contains(decision.id())) {
          audit.append(row(decision, AuditPhase.SKIPPED, "merged into a stronger action of the same event"));
        }
      }
      if (held != null) {
        LockoutStore.Changes changes = lockouts.sync(accountId, held, clock.instant(), "rules");
        if (!changes.added().isEmpty() || changes.lifted() > 0) {
          LOG.info("account {}: lockouts stored {}, lifted {}", accountId, changes.added().size(), changes.lifted());
        }
      }
      for (Decision action : actions) {
        if (!GatewayActions.callsGateway(action.action())) {
          audit.append(row(action, AuditPhase.SUCCEEDED, recordedOnly(action)));
        } else if (claims.claim(action.id(), accountId, action.action().name(), DecisionText.claimTarget(action),
            clock.instant())) {
          audit.append(row(action, AuditPhase.SENT, null));
          toSend.add(action);
        } else {
          audit.append(row(action, AuditPhase.SKIPPED, "already executed"));
        }
      }
    });
    for (Decision action : actions) {
      if (!GatewayActions.callsGateway(action.action())) {
        String outcome = recordedOnly(action);
        book.noteDecision(action, "SUCCEEDED", outcome);
        listener.executed(action, outcome);
      }
    }
    decided.forEach(decision -> forgetDecider(decision, toSend));
    actions.forEach(action -> forgetDecider(action, toSend));
    for (Decision action : toSend) {
      attempt(action, 1);
    }
  }

  /** A decision with no gateway call to make has all its audit rows. */
  private void forgetDecider(Decision decision, List<Decision> toSend) {
    if (toSend.stream().noneMatch(sent -> sent.id().equals(decision.id()))) {
      deciders.remove(decision.id());
    }
  }

  private static String recordedOnly(Decision decision) {
    return switch (decision.action()) {
      case LOCKOUT, COOLDOWN -> "stored";
      case UNLOCK -> "lifted";
      default -> "nothing to send";
    };
  }

  private void attempt(Decision action, int attempt) {
    long started = System.nanoTime();
    String outcome;
    try {
      book.noteDecision(action, "SENT", null);
      outcome = gateway.perform(action);
    } catch (ProjectXException e) {
      failed(action, attempt, e);
      return;
    } catch (RuntimeException e) {
      LOG.error("account {}: {} of {} failed unexpectedly", action.accountId(), action.action(), action.rule(), e);
      failed(action, attempt, e);
      return;
    }
    long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - started);
    succeeded(action, outcome + " (" + micros / 1000.0 + " ms)");
  }

  private void succeeded(Decision action, String outcome) {
    database.inTransaction("record the success of decision " + action.id(), () -> {
      audit.append(row(action, AuditPhase.SUCCEEDED, outcome));
      claims.markDone(action.id(), clock.instant());
    });
    deciders.remove(action.id());
    LOG.info("account {} {} {}{} done: {}", action.accountId(), action.rule(), action.action(),
        DecisionText.target(action), outcome);
    book.noteDecision(action, "SUCCEEDED", outcome);
    listener.executed(action, outcome);
    engine.enforcementResult(action.accountId(), action.id(), true);
  }

  private void failed(Decision action, int attempt, RuntimeException problem) {
    String detail = problem.getMessage();
    boolean retry = !closing && (GatewayActions.closesPositions(action.action())
        || (problem instanceof ProjectXTransportException && attempt < MAX_ATTEMPTS_OTHER_ACTIONS));
    if (retry) {
      Duration wait = backoff.delay(attempt);
      audit.append(row(action, AuditPhase.RETRY, detail + "; attempt " + (attempt + 1) + " in " + wait.toMillis() + " ms"));
      LOG.warn("account {} {} {}{} failed (attempt {}): {}; retrying in {} ms", action.accountId(), action.rule(),
          action.action(), DecisionText.target(action), attempt, detail, wait.toMillis());
      book.noteDecision(action, "RETRY", detail);
      listener.failed(action, detail, true);
      scheduleRetry(action, attempt + 1, wait);
      return;
    }
    giveUp(action, detail);
  }

  private void giveUp(Decision action, String detail) {
    database.inTransaction("record the failure of decision " + action.id(), () -> {
      audit.append(row(action, AuditPhase.FAILED, detail));
      claims.markFailed(action.id(), clock.instant());
    });
    deciders.remove(action.id());
    LOG.error("account {} {} {}{} FAILED: {}", action.accountId(), action.rule(), action.action(),
        DecisionText.target(action), detail);
    book.noteDecision(action, "FAILED", detail);
    listener.failed(action, detail, false);
    engine.enforcementResult(action.accountId(), action.id(), false);
  }

  private void scheduleRetry(Decision action, int attempt, Duration wait) {
    try {
      retryTimer.schedule(() -> submit(action.accountId(), () -> retry(action, attempt)),
          wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      LOG.info("account {}: {} {} left pending at shutdown", action.accountId(), action.rule(), action.action());
    }
  }

  /** A later attempt: only if something is left to do (the lockout guard's only while locked out). */
  private void retry(Decision action, int attempt) {
    boolean lockoutOver = action.rule().equals("LOCKOUT-GUARD") && engine.lockouts(action.accountId()).isEmpty();
    if (!gateway.stillNeeded(action) || lockoutOver) {
      succeeded(action, lockoutOver ? "lockout ended; nothing left to do" : "nothing left to do (already in effect)");
      return;
    }
    if (!claims.claim(action.id(), action.accountId(), action.action().name(), DecisionText.claimTarget(action),
        clock.instant())) {
      return;
    }
    audit.append(row(action, AuditPhase.SENT, "attempt " + attempt));
    attempt(action, attempt);
  }

  private void submit(long accountId, Runnable work) {
    if (closing) {
      return;
    }
    try {
      executors.computeIfAbsent(accountId, id -> Executors.newSingleThreadExecutor(
          daemonThread("riskguard-enforcement-" + id))).execute(() -> {
            try {
              work.run();
            } catch (RuntimeException e) {
              LOG.error("account {}: enforcement step failed", accountId, e);
            }
          });
    } catch (RejectedExecutionException stopping) {
      LOG.info("account {}: enforcement not started, the daemon is stopping", accountId);
    }
  }

  private AuditRow row(Decision decision, AuditPhase phase, String detail) {
    return new AuditRow(decision.id(), decision.ts(), decision.accountId(), decision.rule(), decision.action().name(),
        decision.contractId(), decision.orderId(), decision.size(), decision.until(), decision.symbol(),
        decision.stopPrice(), decision.reason(), null, phase, detail,
        deciders.getOrDefault(decision.id(), engine.rules().version()));
  }

  /**
   * Stops taking new work, lets the running steps finish (a gateway call in flight ends with
   * its answer or its timeout) and drops scheduled retries: their decisions stay PENDING in
   * the database, where the next start finds them.
   */
  @Override
  public void close() {
    closing = true;
    retryTimer.shutdownNow();
    executors.values().forEach(ExecutorService::shutdown);
    for (ExecutorService executor : executors.values()) {
      try {
        if (!executor.awaitTermination(20, TimeUnit.SECONDS)) {
          LOG.warn("enforcement still running after 20 s; stopping it");
          executor.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  static java.util.concurrent.ThreadFactory daemonThread(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
