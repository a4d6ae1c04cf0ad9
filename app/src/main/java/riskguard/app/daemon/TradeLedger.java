package riskguard.app.daemon;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import riskguard.config.TradingDay;
import riskguard.db.Database;
import riskguard.db.DayPnlRepository;
import riskguard.db.DayPnlRow;
import riskguard.db.TradeRepository;
import riskguard.db.TradeRow;
import riskguard.engine.event.TradeEvent;

/**
 * Stores every trade seen and the day's P&amp;L it moves, together in one transaction, on a
 * thread of its own so the event path never waits for the disk. Trades are written in small
 * batches a moment after they arrive: a fill that breaches a limit arrives together with the
 * position event that the enforcement must claim at once, and the claim should not queue behind
 * the bookkeeping of the same fill for the database's one connection. Losing a batch to a kill
 * loses nothing that was acknowledged: the gateway stays the truth for trades, fetched again at
 * every start; these rows are what {@code status} shows and what an operator reads back.
 */
final class TradeLedger implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TradeLedger.class);
  private static final long BATCH_DELAY_MILLIS = 200;

  private final Database database;
  private final TradeRepository trades;
  private final DayPnlRepository dayPnl;
  private final TradingDay tradingDay;
  private final Clock clock;
  private final ScheduledExecutorService writer =
      Executors.newSingleThreadScheduledExecutor(GatewaySink.daemonThread("riskguard-trade-ledger"));
  private final List<Entry> queued = new ArrayList<>();

  private record Entry(TradeRow trade, AccountBook.DayTotals totals) {}

  TradeLedger(Database database, TradingDay tradingDay, Clock clock) {
    this.database = database;
    this.trades = new TradeRepository(database);
    this.dayPnl = new DayPnlRepository(database);
    this.tradingDay = tradingDay;
    this.clock = clock;
  }

  /** A new (or newly voided) trade and the account's totals for its trading day after it. */
  void record(TradeEvent trade, AccountBook.DayTotals totals) {
    LocalDate day = tradingDay.tradingDateOf(trade.time());
    TradeRow row = new TradeRow(trade.accountId(), trade.tradeId(), day, trade.time(), trade.contractId(),
        trade.pnl(), trade.fees(), trade.voided());
    boolean first;
    synchronized (queued) {
      first = queued.isEmpty();
      queued.add(new Entry(row, totals));
    }
    if (first) {
      try {
        writer.schedule(this::writeQueued, BATCH_DELAY_MILLIS, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException stopping) {
        LOG.warn("account {}: trade {} not stored, the daemon is stopping", trade.accountId(), trade.tradeId());
      }
    }
  }

  private void writeQueued() {
    List<Entry> batch;
    synchronized (queued) {
      batch = List.copyOf(queued);
      queued.clear();
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      database.inTransaction("record " + batch.size() + " trade(s)", () -> batch.forEach(this::store));
    } catch (RuntimeException e) {
      LOG.error("{} trade(s) could not be stored: {}", batch.size(), e.getMessage());
    }
  }

  private void store(Entry entry) {
    TradeRow row = entry.trade();
    if (!trades.recordIfNew(row) && row.voided()) {
      trades.markVoided(row.accountId(), row.tradeId());
    }
    AccountBook.DayTotals totals = entry.totals();
    dayPnl.upsert(new DayPnlRow(row.accountId(), totals.day(), totals.realized(), totals.fees(), totals.trades(),
        clock.instant()));
  }

  /** Writes what is queued, then stops. */
  @Override
  public void close() {
    writer.shutdown();
    try {
      writer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writeQueued();
  }
}
