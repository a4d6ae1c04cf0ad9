package riskguard.app.status;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import riskguard.app.daemon.StatusDocument;
import riskguard.config.RulesConfig;
import riskguard.config.TradingDay;
import riskguard.db.Database;
import riskguard.db.StoredLockout;

/**
 * The status the database alone can give, in the daemon's {@link StatusDocument} shape: day
 * P&amp;L, lockouts and decisions; the connection, positions, orders and unrealized P&amp;L are
 * left unknown (null) since only a running daemon holds them.
 */
final class StoredStatus {

  private final Path databaseFile;
  private final TradingDay tradingDay;
  private final RulesConfig limits;

  /** {@code limits} null: no config given, no limits shown. */
  StoredStatus(Path databaseFile, TradingDay tradingDay, RulesConfig limits) {
    this.databaseFile = databaseFile;
    this.tradingDay = tradingDay;
    this.limits = limits;
  }

  StatusDocument read(Instant now, int decisionsPerAccount) {
    List<AccountStatus> stored;
    try (Database database = Database.openReadOnly(databaseFile)) {
      stored = new StatusReader(database, tradingDay).read(now, decisionsPerAccount);
    }
    List<StatusDocument.Account> accounts = new ArrayList<>();
    for (AccountStatus account : stored) {
      accounts.add(account(account, now));
    }
    return new StatusDocument(databaseFile.toString(), false, null, null, null, null, now, null, accounts, null);
  }

  private StatusDocument.Account account(AccountStatus account, Instant now) {
    double realized = account.pnl() == null ? 0 : account.pnl().realized();
    List<StatusDocument.LimitUse> uses = limits != null && limits.dailyRealizedLoss() != null
        ? List.of(StatusDocument.LimitUse.ofLoss("RULE-003", "realized loss", realized,
            limits.dailyRealizedLoss().limit()))
        : List.of();
    List<StatusDocument.ActiveLockout> lockouts = account.lockouts().stream().map(stored -> lockout(stored, now))
        .toList();
    List<StatusDocument.DecisionStep> decisions = account.decisions().stream()
        .map(step -> new StatusDocument.DecisionStep(step.at(), step.rule(), step.action(), step.target(),
            step.phase(), step.detail()))
        .toList();
    return new StatusDocument.Account(account.accountId(), null, null, account.tradingDay(), null, realized, null,
        account.pnl() == null ? 0 : account.pnl().fees(), account.pnl() == null ? 0 : account.pnl().tradeCount(),
        uses, null, null, lockouts, decisions);
  }

  private static StatusDocument.ActiveLockout lockout(StoredLockout stored, Instant now) {
    var lockout = stored.lockout();
    Long left = lockout.until() == null ? null : Math.max(0, Duration.between(now, lockout.until()).toSeconds());
    return new StatusDocument.ActiveLockout(lockout.rule(), lockout.symbol(), lockout.until(), left,
        lockout.reason());
  }
}
