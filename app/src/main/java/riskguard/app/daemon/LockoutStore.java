package riskguard.app.daemon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import riskguard.config.TradingDay;
import riskguard.db.LockoutKind;
import riskguard.db.LockoutRepository;
import riskguard.db.LockoutRow;
import riskguard.db.StoredLockout;
import riskguard.engine.model.Lockout;

/**
 * Keeps the {@code lockouts} table in step with the lockouts the engine holds: a lockout or
 * cooldown a rule sets is stored, one the engine no longer holds (lifted by its rule, by the
 * daily reset, or ended) is marked lifted. At start it gives the engine back what was active.
 * A lockout is matched to its row by the id of the decision that set it.
 *
 * <p>The engine's kinds map onto the table's: until reset and until a time are stored as
 * {@code UNTIL_TIME} (a lockout until the reset is one whose end is the reset after its
 * start, which is how it is recognised again), a cooldown as {@code DURATION}, a symbol
 * lockout as {@code SYMBOL}.
 */
final class LockoutStore {

  private final LockoutRepository repository;
  private final TradingDay tradingDay;
  /** Stored and not lifted: decision id of the lockout → row id, per account. */
  private final Map<Long, Map<String, Long>> stored = new ConcurrentHashMap<>();

  LockoutStore(LockoutRepository repository, TradingDay tradingDay) {
    this.repository = repository;
    this.tradingDay = tradingDay;
  }

  /** The account's lockouts active at {@code now}, as the engine's facts, to restore at start. */
  List<Lockout> active(long accountId, Instant now) {
    List<Lockout> lockouts = new ArrayList<>();
    Map<String, Long> rows = rowsOf(accountId);
    for (StoredLockout row : repository.active(accountId, now)) {
      Lockout lockout = toEngine(row);
      rows.put(lockout.id(), row.id());
      lockouts.add(lockout);
    }
    return lockouts;
  }

  /**
   * Stores the lockouts the engine holds that are not stored yet and lifts the stored ones it
   * no longer holds. Returns what changed, for the log.
   */
  synchronized Changes sync(long accountId, List<Lockout> held, Instant now, String liftedBy) {
    Map<String, Long> rows = rowsOf(accountId);
    List<Lockout> added = new ArrayList<>();
    Set<String> heldIds = new HashSet<>();
    for (Lockout lockout : held) {
      heldIds.add(lockout.id());
      if (!rows.containsKey(lockout.id())) {
        StoredLockout row = repository.insert(toRow(accountId, lockout));
        rows.put(lockout.id(), row.id());
        added.add(lockout);
      }
    }
    int lifted = 0;
    for (Map.Entry<String, Long> row : List.copyOf(rows.entrySet())) {
      if (!heldIds.contains(row.getKey())) {
        repository.lift(row.getValue(), liftedBy, now);
        rows.remove(row.getKey());
        lifted++;
      }
    }
    return new Changes(added, lifted);
  }

  record Changes(List<Lockout> added, int lifted) {}

  private Map<String, Long> rowsOf(long accountId) {
    return stored.computeIfAbsent(accountId, id -> new ConcurrentHashMap<>());
  }

  private LockoutRow toRow(long accountId, Lockout lockout) {
    LockoutKind kind;
    if (lockout.symbol() != null) {
      kind = LockoutKind.SYMBOL;
    } else {
      kind = switch (lockout.kind()) {
        case UNTIL_RESET, UNTIL_TIME -> LockoutKind.UNTIL_TIME;
        case COOLDOWN -> LockoutKind.DURATION;
        case INDEFINITE -> LockoutKind.INDEFINITE;
      };
    }
    return new LockoutRow(accountId, kind, lockout.rule(), lockout.symbol(), lockout.since(), lockout.endsAt(),
        lockout.reason(), lockout.id());
  }

  private Lockout toEngine(StoredLockout stored) {
    LockoutRow row = stored.lockout();
    String id = row.decisionId() != null ? row.decisionId() : "lockout-" + stored.id();
    riskguard.engine.model.LockoutKind kind = switch (row.kind()) {
      case UNTIL_TIME -> row.until().equals(tradingDay.nextResetAfter(row.startsAt()))
          ? riskguard.engine.model.LockoutKind.UNTIL_RESET
          : riskguard.engine.model.LockoutKind.UNTIL_TIME;
      case DURATION -> riskguard.engine.model.LockoutKind.COOLDOWN;
      case INDEFINITE, SYMBOL -> row.until() == null
          ? riskguard.engine.model.LockoutKind.INDEFINITE
          : riskguard.engine.model.LockoutKind.UNTIL_TIME;
    };
    return new Lockout(id, row.rule(), kind, row.symbol(), row.startsAt(), row.until(), row.reason());
  }
}
