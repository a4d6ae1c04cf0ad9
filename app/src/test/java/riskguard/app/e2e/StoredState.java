package riskguard.app.e2e;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import riskguard.config.TradingDay;
import riskguard.connectors.sim.SimTrader;
import riskguard.db.AuditLog;
import riskguard.db.AuditPhase;
import riskguard.db.Database;
import riskguard.db.DayPnlRepository;
import riskguard.db.LockoutRepository;
import riskguard.db.StoredLockout;

/** Reads what a (possibly running) daemon stored, read-only, the way {@code riskguard status} does. */
final class StoredState {

  private final Path databaseFile;

  StoredState(Path databaseFile) {
    this.databaseFile = databaseFile;
  }

  List<StoredLockout> activeLockouts() {
    if (!databaseFile.toFile().isFile()) {
      return List.of();
    }
    try (Database database = Database.openReadOnly(databaseFile)) {
      return new LockoutRepository(database).active(Gateway.ACCOUNT, Instant.now());
    }
  }

  double realized() {
    try (Database database = Database.openReadOnly(databaseFile)) {
      return new DayPnlRepository(database)
          .get(Gateway.ACCOUNT, TradingDay.defaults().tradingDateOf(Instant.now()))
          .map(row -> row.realized())
          .orElse(Double.NaN);
    }
  }

  /** The ids of the decisions sent to the gateway, one entry per send. */
  List<String> sentDecisionIds() {
    try (Database database = Database.openReadOnly(databaseFile)) {
      return new AuditLog(database).recent(Gateway.ACCOUNT, 1_000).stream()
          .map(stored -> stored.row())
          .filter(row -> row.phase() == AuditPhase.SENT)
          .map(row -> row.decisionId())
          .toList();
    }
  }

  /** The day's net realized P&amp;L as the simulator booked it, in cents. */
  static double realizedAtTheGateway(SimTrader trader) {
    double sum = trader.trades().stream()
        .filter(trade -> trade.profitAndLoss() != null)
        .mapToDouble(trade -> trade.profitAndLoss() - trade.fees())
        .sum();
    return Math.round(sum * 100) / 100.0;
  }
}
