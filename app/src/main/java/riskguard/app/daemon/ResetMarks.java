package riskguard.app.daemon;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import riskguard.config.TradingDay;
import riskguard.db.ResetMarkRepository;

/**
 * The daily reset happens once per trading day, across restarts: at start the engine gets
 * the last reset performed (so one missed while the daemon was down is caught up at the first
 * event), and every reset the engine performs is marked in the database.
 */
final class ResetMarks {

  private static final Logger LOG = LoggerFactory.getLogger(ResetMarks.class);

  private final ResetMarkRepository repository;
  private final TradingDay tradingDay;
  private final Map<Long, LocalDate> marked = new ConcurrentHashMap<>();

  ResetMarks(ResetMarkRepository repository, TradingDay tradingDay) {
    this.repository = repository;
    this.tradingDay = tradingDay;
  }

  /** The instant of the last reset performed for the account, or null if none was ever marked. */
  Instant lastReset(long accountId) {
    return repository.lastResetDay(accountId).map(day -> {
      marked.put(accountId, day);
      return startOf(day);
    }).orElse(null);
  }

  /** Marks the reset the engine last performed, if it began a trading day not marked yet. */
  void mark(long accountId, Instant lastReset) {
    if (lastReset == null) {
      return;
    }
    LocalDate day = tradingDay.tradingDateOf(lastReset);
    if (day.equals(marked.get(accountId))) {
      return;
    }
    marked.put(accountId, day);
    if (repository.markIfFirst(accountId, day, lastReset)) {
      LOG.info("account {}: daily reset done, trading day {} began at {}", accountId, day, lastReset);
    }
  }

  /** The reset that began trading day {@code day} (which ends at the reset dated {@code day}). */
  private Instant startOf(LocalDate day) {
    Instant end = ZonedDateTime.of(day, tradingDay.reset(), tradingDay.timezone()).toInstant();
    return tradingDay.currentDayStart(end.minusSeconds(1));
  }
}
