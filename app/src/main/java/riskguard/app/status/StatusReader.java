package riskguard.app.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import riskguard.config.TradingDay;
import riskguard.db.AuditLog;
import riskguard.db.AuditRow;
import riskguard.db.Database;
import riskguard.db.DayPnlRepository;
import riskguard.db.DayPnlRow;
import riskguard.db.LockoutRepository;
import riskguard.db.StoredAuditRow;

/** Reads every account's status from a database the daemon may be writing (read-only, no lock). */
final class StatusReader {

  /** Audit rows read per account; several rows make one decision. */
  private static final int AUDIT_ROWS = 200;

  private final Database database;
  private final TradingDay tradingDay;

  StatusReader(Database database, TradingDay tradingDay) {
    this.database = database;
    this.tradingDay = tradingDay;
  }

  List<AccountStatus> read(Instant now, int decisionsPerAccount) {
    LocalDate day = tradingDay.tradingDateOf(now);
    Map<Long, DayPnlRow> pnlByAccount = new LinkedHashMap<>();
    new DayPnlRepository(database).forDay(day).forEach(row -> pnlByAccount.put(row.accountId(), row));
    LockoutRepository lockouts = new LockoutRepository(database);
    AuditLog audit = new AuditLog(database);

    TreeSet<Long> accounts = new TreeSet<>(pnlByAccount.keySet());
    lockouts.allActive(now).forEach(stored -> accounts.add(stored.lockout().accountId()));
    audit.recent(AUDIT_ROWS).forEach(stored -> accounts.add(stored.row().accountId()));

    List<AccountStatus> statuses = new ArrayList<>();
    for (long account : accounts) {
      statuses.add(new AccountStatus(account, day, pnlByAccount.get(account), lockouts.active(account, now),
          latestSteps(audit.recent(account, AUDIT_ROWS), decisionsPerAccount)));
    }
    return statuses;
  }

  /** Newest decision first; each decision once, at the furthest phase it reached. */
  private static List<DecisionStep> latestSteps(List<StoredAuditRow> newestFirst, int limit) {
    Map<String, DecisionStep> byDecision = new LinkedHashMap<>();
    for (StoredAuditRow stored : newestFirst) {
      AuditRow row = stored.row();
      if (byDecision.size() == limit && !byDecision.containsKey(row.decisionId())) {
        break;
      }
      byDecision.putIfAbsent(row.decisionId(), new DecisionStep(row.ts(), row.rule(), row.action(), target(row),
          row.phase().name(), row.detail()));
    }
    return List.copyOf(byDecision.values());
  }

  private static String target(AuditRow row) {
    if (row.contractId() != null) {
      return row.contractId() + (row.size() != null ? " x" + row.size() : "");
    }
    if (row.orderId() != null) {
      return "order " + row.orderId();
    }
    return row.symbol() != null ? row.symbol() : "";
  }
}
