package riskguard.engine.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import riskguard.engine.enforcement.Action;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.model.Enforcement;
import riskguard.engine.model.Lockout;
import riskguard.engine.model.LockoutKind;
import riskguard.engine.model.Position;

/**
 * How a rule says what must happen: the global {@code decisions} of every rule package
 * ({@code global riskguard.engine.session.DecisionChannel decisions;}). A consequence calls
 * one method per action; nothing is done here except recording the {@link Decision} (at the
 * session-clock time) and keeping working memory honest about it: position and order
 * actions insert a pending {@link Enforcement}, lockouts insert or remove the
 * {@link Lockout} fact. The engine hands the recorded decisions to the enforcement service
 * after the rules have fired.
 */
public final class DecisionChannel {

  static final String GLOBAL = "decisions";

  /** Where rules log what they could not judge (no quote yet, a stale quote): not decisions. */
  static final Logger RULE_LOG = LoggerFactory.getLogger("riskguard.rules");

  private final long accountId;
  private final SessionFacts facts;
  private final SessionTime time;
  private final Supplier<String> ids;
  private final List<Decision> recorded;

  /** The parts of the session the channel reads: clock and trading day. */
  interface SessionTime {
    Instant now();

    Instant nextReset();
  }

  DecisionChannel(long accountId, SessionFacts facts, SessionTime time, Supplier<String> ids) {
    this(accountId, facts, time, ids, new ArrayList<>());
  }

  private DecisionChannel(
      long accountId, SessionFacts facts, SessionTime time, Supplier<String> ids, List<Decision> recorded) {
    this.accountId = accountId;
    this.facts = facts;
    this.time = time;
    this.ids = ids;
    this.recorded = recorded;
  }

  /**
   * This channel, deciding as of {@code ts}: for a boundary the clock has already passed (a
   * session that ended at 16:00 noticed by the 16:00:00.4 heartbeat), so the decisions and
   * the lockouts they set carry the boundary's time, as they would in a replay.
   */
  public DecisionChannel asOf(Instant ts) {
    SessionTime fixed = new SessionTime() {
      @Override
      public Instant now() {
        return ts;
      }

      @Override
      public Instant nextReset() {
        return time.nextReset();
      }
    };
    return new DecisionChannel(accountId, facts, fixed, ids, recorded);
  }

  public void closePosition(String rule, String contractId, String reason) {
    Decision decision = decide(rule, Action.CLOSE_POSITION, reason).withContract(contractId);
    pending(decision, contractId, null, 0);
  }

  /** Closes {@code contracts} of the position (a partial close). */
  public void reducePosition(String rule, String contractId, int contracts, String reason) {
    Position position = facts.position(contractId);
    int remaining = position == null ? 0 : Math.max(position.getSize() - contracts, 0);
    Decision decision = decide(rule, Action.REDUCE_POSITION, reason).withContract(contractId).withSize(contracts);
    pending(decision, contractId, null, remaining);
  }

  public void closeAll(String rule, String reason) {
    pending(decide(rule, Action.CLOSE_ALL, reason), null, null, 0);
  }

  public void cancelOrder(String rule, long orderId, String reason) {
    Decision decision = decide(rule, Action.CANCEL_ORDER, reason).withOrder(orderId);
    pending(decision, null, orderId, 0);
  }

  public void cancelAllOrders(String rule, String reason) {
    pending(decide(rule, Action.CANCEL_ALL_ORDERS, reason), null, null, 0);
  }

  /** Locks the account out until the next daily reset. */
  public void lockOutUntilReset(String rule, String reason) {
    lockOut(rule, LockoutKind.UNTIL_RESET, null, time.nextReset(), reason);
  }

  /** Locks the account out until {@code until} (e.g. the next session start). */
  public void lockOutUntil(String rule, Instant until, String reason) {
    lockOut(rule, LockoutKind.UNTIL_TIME, null, until, reason);
  }

  /** Locks the account out until the rule lifts the lockout. */
  public void lockOutIndefinitely(String rule, String reason) {
    lockOut(rule, LockoutKind.INDEFINITE, null, null, reason);
  }

  /** Locks one symbol root out until the rule lifts it; other roots stay tradable. */
  public void lockOutSymbol(String rule, String symbol, String reason) {
    lockOut(rule, LockoutKind.INDEFINITE, symbol, null, reason);
  }

  /**
   * Locks one symbol root out until {@code until} (e.g. its next session start); other roots
   * stay tradable. Nothing is decided when {@code until} is not ahead of the clock, or when
   * the same rule already locks that root at least as long, so a rule may call this for
   * every position it closes.
   */
  public void lockOutSymbolUntil(String rule, String symbol, Instant until, String reason) {
    if (!until.isAfter(time.now())) {
      return;
    }
    for (Lockout held : facts.lockouts()) {
      if (held.rule().equals(rule) && symbol.equals(held.symbol()) && !held.endsBefore(until)) {
        return;
      }
    }
    lockOut(rule, LockoutKind.UNTIL_TIME, symbol, until, reason);
  }

  /**
   * A cooldown of {@code seconds} from now. It replaces a running cooldown only if it ends
   * later; otherwise nothing is decided (cooldowns never add up).
   */
  public void coolDown(String rule, long seconds, String reason) {
    coolDown(rule, time.now(), seconds, reason);
  }

  /**
   * A cooldown of {@code seconds} counted from {@code from} (the trade that caused it), so
   * deciding again for the same cause decides nothing, and a cause seen late (a trade
   * replayed at reconnect) gets only what is left of its cooldown, or nothing once it is over.
   * Replaces a running cooldown only if it ends later. A shorter cooldown that another rule's
   * longer one, decided on this same event, keeps from replacing anything is still recorded
   * (RULES.md "Rule precedence": every enforcement of an event is recorded, and the merge hands
   * over the later-ending one).
   */
  public void coolDown(String rule, Instant from, long seconds, String reason) {
    Instant until = from.plusSeconds(seconds);
    if (!until.isAfter(time.now())) {
      return;
    }
    List<Lockout> running = facts.cooldowns();
    for (Lockout cooldown : running) {
      if (!cooldown.endsAt().isBefore(until)) {
        if (!cooldown.rule().equals(rule) && decidedOnThisEvent(cooldown.id())) {
          recorded.add(decide(rule, Action.COOLDOWN, reason).withUntil(until));
        }
        return;
      }
    }
    Decision decision = decide(rule, Action.COOLDOWN, reason).withUntil(until);
    Instant since = decision.ts();
    for (Lockout replaced : running) {
      // The account has been cooling down without a break since the first cooldown began, so
      // the lockout guard still treats everything opened since then as opened while locked.
      since = replaced.since().isBefore(since) ? replaced.since() : since;
      facts.removeLockout(replaced);
    }
    recorded.add(decision);
    facts.insertLockout(new Lockout(decision.id(), rule, LockoutKind.COOLDOWN, null, since, until, reason));
  }

  private boolean decidedOnThisEvent(String decisionId) {
    for (Decision decision : recorded) {
      if (decision.id().equals(decisionId)) {
        return true;
      }
    }
    return false;
  }

  /** Lifts {@code lockout}; {@code rule} is the rule that lifts it (its own, or DAILY-RESET). */
  public void lift(String rule, Lockout lockout, String reason) {
    if (facts.removeLockout(lockout)) {
      recorded.add(decide(rule, Action.UNLOCK, reason).withSymbol(lockout.symbol()));
    }
  }

  /**
   * Places a protective stop for the whole position in {@code contractId} (on the closing
   * side, for the position's size). Returns the decision id: its pending enforcement stays
   * while the position is open, and goes only if the action fails.
   */
  public String placeStop(String rule, String contractId, double stopPrice, String reason) {
    Position position = facts.position(contractId);
    Decision decision = decide(rule, Action.PLACE_STOP, reason).withContract(contractId).withStopPrice(stopPrice);
    if (position != null) {
      decision = decision.withSize(position.getSize());
    }
    pending(decision, contractId, null, 0);
    return decision.id();
  }

  /**
   * Moves the working stop order {@code orderId} to {@code stopPrice}. Returns the decision
   * id, as {@link #placeStop} does.
   */
  public String moveStop(String rule, String contractId, long orderId, double stopPrice, String reason) {
    Decision decision = decide(rule, Action.MOVE_STOP, reason)
        .withContract(contractId).withOrder(orderId).withStopPrice(stopPrice);
    pending(decision, contractId, orderId, 0);
    return decision.id();
  }

  /** Nothing is done; tells the trader {@code level} percent of a limit is used. */
  public void warn(String rule, int level, String reason) {
    recorded.add(decide(rule, Action.WARNING, reason).withLevel(level));
  }

  /**
   * Logs a warning that decides nothing, such as a position a rule cannot value yet. The
   * rule arranges to say it once per cause, not on every event.
   */
  public void logWarning(String rule, String message) {
    RULE_LOG.warn("account {} {}: {}", accountId, rule, message);
  }

  /** The decisions recorded since the last call, in order. */
  List<Decision> drain() {
    if (recorded.isEmpty()) {
      return List.of();
    }
    List<Decision> drained = List.copyOf(recorded);
    recorded.clear();
    return drained;
  }

  private void lockOut(String rule, LockoutKind kind, String symbol, Instant until, String reason) {
    Decision decision = decide(rule, Action.LOCKOUT, reason).withUntil(until).withSymbol(symbol);
    recorded.add(decision);
    facts.insertLockout(new Lockout(decision.id(), rule, kind, symbol, decision.ts(), until, reason));
  }

  private void pending(Decision decision, String contractId, Long orderId, int targetSize) {
    recorded.add(decision);
    facts.insertEnforcement(
        new Enforcement(decision.id(), decision.rule(), decision.action(), contractId, orderId, targetSize));
  }

  private Decision decide(String rule, Action action, String reason) {
    return Decision.of(ids.get(), time.now(), accountId, rule, action, reason);
  }
}
