package riskguard.app.status;

import java.time.LocalDate;
import java.util.List;
import riskguard.db.DayPnlRow;
import riskguard.db.StoredLockout;

/**
 * What the database knows about one guarded account: the day's P&amp;L row (absent before the
 * first trade of the day), the lockouts in force and the latest step of each recent decision.
 */
record AccountStatus(long accountId, LocalDate tradingDay, DayPnlRow pnl, List<StoredLockout> lockouts,
    List<DecisionStep> decisions) {

  AccountStatus {
    lockouts = List.copyOf(lockouts);
    decisions = List.copyOf(decisions);
  }
}
