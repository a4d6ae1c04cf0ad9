package riskguard.engine.session;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import riskguard.engine.enforcement.EnforcementService;
import riskguard.engine.event.ClockTick;
import riskguard.engine.event.ContractEvent;
import riskguard.engine.event.InputEvent;
import riskguard.engine.event.PositionEvent;
import riskguard.engine.event.QuoteEvent;
import riskguard.engine.model.Contract;
import riskguard.engine.model.Lockout;

/**
 * The rule engine: one {@link AccountSession} per account, created on the account's first
 * event (or by {@link #open}). The daemon and {@code simulate} use the same engine; only the
 * dispatch differs: {@link #replay} runs each event to the end before {@link #apply}
 * returns, {@link #live} gives every account its own ordered queue.
 *
 * <p>{@link #apply} must be called from one thread (the event source): it routes account
 * events to their session, merges quotes into the {@link QuoteBook} and tells the sessions
 * holding the contract, and sends contract metadata and clock ticks to every session.
 *
 * <p>Quotes are snapshots, so a session does not need each one: it needs the latest. A quote
 * joins the session's queued {@link AccountSession#applyQuotes} step when one is waiting with
 * nothing queued behind it, else queues a new one; the step values the positions with its
 * latest quotes and fires once. In a replay the step runs at once, so every quote is applied
 * and fired as before; in the live daemon a session that falls behind (hundreds of accounts
 * on one contract) applies one batch of queued quotes at a time instead of every quote in
 * turn, and never a quote before an event that arrived ahead of it.
 *
 * <p>Likewise live, account events queued one behind the other (the order, trade, position
 * and account events of one fill) are applied together and the rules fire once for them
 * ({@link AccountSession#take}); a replay fires for each event.
 */
public final class Engine implements AutoCloseable {

  /** How long a rule swap waits for every account to finish the event it is working on. */
  private static final Duration HOLD_PATIENCE = Duration.ofSeconds(10);

  private volatile RulePackage rules;
  private volatile EngineSettings settings;
  private final EnforcementService enforcement;
  private final Dispatcher dispatcher;
  private final Supplier<String> decisionIds;
  private final Map<Long, AccountSession> sessions = new ConcurrentHashMap<>();
  private final Map<String, Contract> contracts = new ConcurrentHashMap<>();
  private final QuoteBook quotes = new QuoteBook();
  private final ContractHolders holders = new ContractHolders();
  /** Taken to create a session and to swap the rules, so no session is made from a half-swapped base. */
  private final Object sessionCreation = new Object();

  private Engine(RulePackage rules, EngineSettings settings, EnforcementService enforcement, Dispatcher dispatcher,
      Supplier<String> decisionIds) {
    if (rules.isTailored() && !rules.isTailoredTo(settings)) {
      throw new IllegalArgumentException("the rule package from " + rules.source() + " was compiled for another"
          + " config than the engine's: rules that this config needs may be left out");
    }
    this.rules = rules;
    this.settings = settings;
    this.enforcement = enforcement;
    this.dispatcher = dispatcher;
    this.decisionIds = decisionIds;
  }

  /** An engine that processes each event completely before {@link #apply} returns. */
  public static Engine replay(RulePackage rules, EngineSettings settings, EnforcementService enforcement) {
    return new Engine(rules, settings, enforcement, Dispatcher.synchronous(), Engine::randomId);
  }

  /** An engine with one ordered queue and thread per account, for the live daemon. */
  public static Engine live(RulePackage rules, EngineSettings settings, EnforcementService enforcement) {
    return new Engine(rules, settings, enforcement, new AccountQueues(), Engine::randomId);
  }

  /**
   * A replay engine on this engine's rule package and config, with its own sessions, quotes and
   * contracts and the given enforcement: a throwaway that shares only the rule base, so what
   * Drools and the JIT compile while it runs (the rules' network, their constraints) is what this
   * engine's sessions run next. It must not run while this engine swaps its rules
   * ({@link #replaceRules}, {@link #updateRuleSections}): the swap holds only this engine's sessions.
   */
  public Engine replica(EnforcementService replicaEnforcement) {
    return replay(rules, settings, replicaEnforcement);
  }

  private static String randomId() {
    return UUID.randomUUID().toString();
  }

  /** Feeds one event. */
  public void apply(InputEvent event) {
    if (event instanceof InputEvent.AccountScoped scoped) {
      AccountSession session = sessionFor(scoped.accountId());
      session.stepQueued();
      if (event instanceof PositionEvent position) {
        followQuotes(position, session);
      }
      QuoteEvent quote = quoteNow(event);
      dispatcher.submit(new Arrival(session, event, quote));
    } else if (event instanceof QuoteEvent quote) {
      QuoteEvent merged = quotes.merge(quote);
      for (AccountSession session : holders.of(quote.contractId())) {
        Runnable step = session.quoteArrived(merged);
        if (step != null) {
          dispatcher.submit(session.accountId(), step);
        }
      }
    } else if (event instanceof ContractEvent metadata) {
      contracts.put(metadata.contract().id(), metadata.contract());
      toEverySession(event);
    } else if (event instanceof ClockTick) {
      toEverySession(event);
    }
  }

  /** The book's quote of the event's contract as the event arrives; null when none. */
  private QuoteEvent quoteNow(InputEvent event) {
    return event.contractId() == null ? null : quotes.last(event.contractId());
  }

  /**
   * A session holds a contract's quotes from the moment its position event arrives (not when
   * its thread gets to it), so every quote after that event reaches it, queued behind it.
   */
  private void followQuotes(PositionEvent position, AccountSession session) {
    if (position.size() > 0) {
      holders.hold(position.contractId(), session);
    } else {
      holders.release(position.contractId(), session);
    }
  }

  /** Contract metadata known before any event (REST lookups, a recording's contract lines). */
  public void addContract(Contract contract) {
    contracts.put(contract.id(), contract);
  }

  /** True when metadata for {@code contractId} is known. */
  public boolean knowsContract(String contractId) {
    return contracts.containsKey(contractId);
  }

  /** Starts guarding an account before its first event (e.g. from the config's account list). */
  public void open(long accountId) {
    sessionFor(accountId);
  }

  /**
   * Puts an account's persisted state back at start, before its first event: the last daily
   * reset performed (a reset missed meanwhile is caught up at the first event) and the
   * lockouts and cooldowns that were holding.
   */
  public void restore(long accountId, Instant lastReset, List<Lockout> lockouts) {
    AccountSession session = sessionFor(accountId);
    List<Lockout> copy = List.copyOf(lockouts);
    dispatcher.submit(accountId, () -> session.restore(lastReset, copy));
  }

  /**
   * The config's rule sections changed (a reload): every session swaps in the sections that
   * differ and looks again; sessions opened later start with the new ones. When the running
   * package is tailored to the config ({@link RulePackage#compile(Path, EngineSettings)})
   * and the change alters which rules can fire, the package is first recompiled for the new
   * sections (on the caller's thread) and swapped in as {@link #replaceRules} does, each
   * session taking the new rules and sections in one step.
   *
   * @throws RuleCompileException when the rules cannot be tailored to the new sections (the
   *     running rules and sections stay)
   * @throws IllegalStateException as {@link #replaceRules}
   */
  public void updateRuleSections(List<Object> ruleSections) throws InterruptedException {
    EngineSettings next = settings.withRuleSections(ruleSections);
    List<Object> sections = next.ruleSections();
    RulePackage.Build tailored = rules.prepareTailoring(next);
    if (tailored == null) {
      settings = next;
      for (AccountSession session : sessions.values()) {
        dispatcher.submit(session.accountId(), () -> session.updateRuleSections(sections));
      }
      return;
    }
    swap(tailored, next, (session, replaced) -> session.rulesAndSectionsReplaced(replaced, sections));
  }

  /**
   * Compiles the version of {@code dir} that is to replace the running rules (off the event
   * path), tailored to the engine's config as the running package is.
   *
   * @throws RuleCompileException as {@link RulePackage#prepareUpdate}
   */
  public RulePackage.Build prepareRules(Path dir) {
    return rules.prepareUpdate(dir, rules.isTailored() ? settings : null);
  }

  /**
   * Replaces the running rules with {@code next} (compiled beforehand, off the event path).
   * Every account is held between two events while the rule base is updated in place, so each
   * session keeps all its facts, lockouts, windows and timers and decides its next event with
   * the new rules; then every session looks again at what it holds. Events arriving meanwhile
   * wait in their account's queue: none is lost or applied twice.
   *
   * @return the package now running
   * @throws RuleCompileException when the update cannot be applied (the running rules stay)
   * @throws IllegalStateException when an account stays busy too long (the running rules stay)
   */
  public RulePackage replaceRules(RulePackage.Build next) throws InterruptedException {
    return swap(next, settings, AccountSession::rulesReplaced);
  }

  private RulePackage swap(RulePackage.Build next, EngineSettings nextSettings,
      BiConsumer<AccountSession, RulePackage> then) throws InterruptedException {
    synchronized (sessionCreation) {
      RulePackage replaced;
      try (Dispatcher.Hold held = dispatcher.holdBetweenSteps(sessions.keySet(), HOLD_PATIENCE)) {
        replaced = rules.replaceWith(next);
        rules = replaced;
        settings = nextSettings;
      }
      for (AccountSession session : sessions.values()) {
        dispatcher.submit(session.accountId(), () -> then.accept(session, replaced));
      }
      return replaced;
    }
  }

  /** The daemon reports whether the action of decision {@code decisionId} succeeded. */
  public void enforcementResult(long accountId, String decisionId, boolean success) {
    AccountSession session = sessions.get(accountId);
    if (session != null) {
      dispatcher.submit(accountId, () -> session.enforcementResult(decisionId, success));
    }
  }

  /** The last daily reset the account's session performed, to persist; null if none yet. */
  public Instant lastReset(long accountId) {
    AccountSession session = sessions.get(accountId);
    return session == null ? null : session.lastReset();
  }

  /** The lockouts holding for the account, to persist and to show. */
  public List<Lockout> lockouts(long accountId) {
    AccountSession session = sessions.get(accountId);
    return session == null ? List.of() : session.lockouts();
  }

  /**
   * The earliest time a session waits for: a deadline its rules stated, its daily reset, or
   * one of Drools' own timers; {@link Instant#MIN} when a session has not seen its first event;
   * null when there is no session. A replay's heartbeat ({@code ReplayTicker}) ticks only when
   * this falls due, instead of every second. Each session's answer is as of its last step.
   */
  public Instant nextDeadline() {
    Instant earliest = null;
    for (AccountSession session : sessions.values()) {
      Instant wake = session.wakeAt();
      if (wake != null && (earliest == null || wake.isBefore(earliest))) {
        earliest = wake;
      }
    }
    return earliest;
  }

  /**
   * How many times the sessions have fired their rules: once per event (live: once per burst
   * of account events queued one behind the other, see {@link AccountQueue}), per heartbeat tick
   * with something due, per daily reset and per look after a reload. A tick with nothing due
   * is not counted: it costs no Drools work.
   */
  public long firings() {
    long total = 0;
    for (AccountSession session : sessions.values()) {
      total += session.firings();
    }
    return total;
  }

  /** The accounts with a session. */
  public Set<Long> accounts() {
    return Set.copyOf(sessions.keySet());
  }

  /** The rule package the sessions run. */
  public RulePackage rules() {
    return rules;
  }

  /**
   * Events the sessions have processed to the end since they opened (an event sent to every
   * session counts once per session; quotes are counted by {@link #positionsBehindQuotes}).
   * With the events fed, it shows that none was lost or applied twice, e.g. across a rule swap.
   */
  public long eventsApplied() {
    return sessions.values().stream().mapToLong(AccountSession::eventsApplied).sum();
  }

  /**
   * Waits until idle, then counts the positions not valued with their contract's latest quote:
   * 0 shows that no quote was lost (a quote superseded before its session got to it is not
   * lost; the latest one counts). Only meaningful while no event is being fed.
   */
  public long positionsBehindQuotes() throws InterruptedException {
    dispatcher.awaitIdle();
    return sessions.values().stream().mapToLong(session -> session.positionsBehindTheBook(quotes::last)).sum();
  }

  /** Waits until every event applied so far has been processed (immediate for replay). */
  public void awaitIdle() throws InterruptedException {
    dispatcher.awaitIdle();
  }

  private void toEverySession(InputEvent event) {
    QuoteEvent quote = quoteNow(event);
    for (AccountSession session : sessions.values()) {
      session.stepQueued();
      dispatcher.submit(session.accountId(), () -> session.process(event, quote));
    }
  }

  private AccountSession sessionFor(long accountId) {
    AccountSession existing = sessions.get(accountId);
    if (existing != null) {
      return existing;
    }
    synchronized (sessionCreation) {
      return sessions.computeIfAbsent(accountId, id ->
          new AccountSession(id, rules, settings, contracts::get, enforcement, decisionIds));
    }
  }

  @Override
  public void close() {
    dispatcher.close();
    sessions.values().forEach(AccountSession::close);
    sessions.clear();
  }
}
