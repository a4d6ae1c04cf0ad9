package riskguard.app.daemon;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
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
 * thread of its own so the event path never waits for the disk. The gateway stays the truth
 * for trades (they are fetched again at every start); these rows are what {@code status}
 * shows and what an operator reads back.
 */
final class TradeLedger implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TradeLedger.class);

  private final Database database;
  private final TradeRepository trades;
  private final DayPnlRepository dayPnl;
  private final TradingDay tradingDay;
  private final Clock clock;
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(GatewaySink.daemonThread("riskguard-trade-ledger"));

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
    try {
      writer.execute(() -> store(row, totals));
    } catch (RejectedExecutionException stopping) {
      LOG.warn("account {}: trade {} not stored, the daemon is stopping", trade.accountId(), trade.tradeId());
    }
  }

  private void store(TradeRow row, AccountBook.DayTotals totals) {
    try {
      database.inTransaction("record trade " + row.tradeId() + " of account " + row.accountId(), () -> {
        if (!trades.recordIfNew(row) && row.voided()) {
          trades.markVoided(row.accountId(), row.tradeId());
        }
        dayPnl.upsert(new DayPnlRow(row.accountId(), totals.day(), totals.realized(), totals.fees(), totals.trades(),
            clock.instant()));
      });
    } catch (RuntimeException e) {
      LOG.error("account {}: trade {} could not be stored: {}", row.accountId(), row.tradeId(), e.getMessage());
    }
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
  }
}
