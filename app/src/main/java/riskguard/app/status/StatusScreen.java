package riskguard.app.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import riskguard.config.RulesConfig;
import riskguard.db.DayPnlRow;
import riskguard.db.StoredLockout;

/** Renders the accounts' status as one plain, aligned screen of text. */
final class StatusScreen {

  private static final String LABEL = "  %-11s %s%n";

  private final RulesConfig limits;
  private final DateTimeFormatter clock;

  /** {@code limits} null: no config given, so the screen shows no limits. */
  StatusScreen(RulesConfig limits, ZoneId zone) {
    this.limits = limits;
    this.clock = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
  }

  String render(String source, List<AccountStatus> accounts, Instant now) {
    StringBuilder screen = new StringBuilder();
    screen.append(String.format("riskguard status  %s  at %s%n", source, clock.format(now)));
    screen.append(String.format(LABEL, "connection",
        "not in the database (the daemon does not publish it); this screen shows what it stored"));
    if (accounts.isEmpty()) {
      screen.append(String.format("%nno account has P&L, lockouts or decisions stored yet%n"));
    }
    for (AccountStatus account : accounts) {
      screen.append(String.format("%naccount %d  trading day %s%n", account.accountId(), account.tradingDay()));
      appendPnl(screen, account.pnl());
      appendLockouts(screen, account.lockouts(), now);
      appendDecisions(screen, account.decisions());
    }
    return screen.toString();
  }

  private void appendPnl(StringBuilder screen, DayPnlRow pnl) {
    double realized = pnl == null ? 0 : pnl.realized();
    String limit = "";
    if (limits != null && limits.dailyRealizedLoss() != null) {
      double allowed = limits.dailyRealizedLoss().limit();
      long used = Math.round(Math.max(0, -realized) / allowed * 100);
      limit = "   limit " + money(-allowed) + "   " + used + " % used";
    }
    screen.append(String.format(LABEL, "realized", money(realized) + limit));
    if (pnl != null) {
      screen.append(String.format(LABEL, "trades", pnl.tradeCount() + " fills, fees " + money(pnl.fees())));
    }
    screen.append(String.format(LABEL, "open", "positions and unrealized P&L are held by the running daemon only"));
  }

  private void appendLockouts(StringBuilder screen, List<StoredLockout> lockouts, Instant now) {
    if (lockouts.isEmpty()) {
      screen.append(String.format(LABEL, "lockout", "none"));
      return;
    }
    for (StoredLockout stored : lockouts) {
      var lockout = stored.lockout();
      String scope = lockout.symbol() != null ? lockout.symbol() + " only, " : "";
      String end = lockout.until() == null
          ? "until lifted"
          : "until " + clock.format(lockout.until()) + " (" + left(Duration.between(now, lockout.until())) + " left)";
      screen.append(String.format(LABEL, "LOCKED OUT", lockout.rule() + " " + scope + end + ": " + lockout.reason()));
    }
  }

  private void appendDecisions(StringBuilder screen, List<DecisionStep> decisions) {
    screen.append(String.format(LABEL, "decisions", decisions.isEmpty() ? "none" : "latest first"));
    for (DecisionStep step : decisions) {
      screen.append(String.format("    %s  %-9s %-16s %-14s %-9s %s%n", clock.format(step.at()), step.rule(),
          step.action(), step.target(), step.phase(), step.detail() == null ? "" : step.detail()));
    }
  }

  static String left(Duration duration) {
    long minutes = Math.max(0, duration.toMinutes());
    return minutes >= 60 ? minutes / 60 + " h " + minutes % 60 + " min" : minutes + " min";
  }

  static String money(double dollars) {
    return (dollars < 0 ? "-$" : "$") + String.format("%,.2f", Math.abs(dollars));
  }
}
