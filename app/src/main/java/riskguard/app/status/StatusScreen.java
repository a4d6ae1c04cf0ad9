package riskguard.app.status;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import riskguard.app.daemon.ReloadState;
import riskguard.app.daemon.StatusDocument;

/** Renders a {@link StatusDocument} as one short, aligned screen per account. */
final class StatusScreen {

  private static final String LABEL = "  %-11s %s%n";

  private final DateTimeFormatter clock;
  private final int decisionsShown;

  StatusScreen(ZoneId zone, int decisionsShown) {
    this.clock = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
    this.decisionsShown = decisionsShown;
  }

  /** @param notLive why the figures come from the database, or null when the daemon answered */
  String render(StatusDocument status, String notLive) {
    StringBuilder screen = new StringBuilder();
    if (status.live()) {
      screen.append(String.format("riskguard status  daemon pid %d  up %s  %s  at %s%n", status.pid(),
          left(Duration.ofSeconds(status.uptimeSeconds())), status.connection(), clock.format(status.takenAt())));
      appendRules(screen, status);
    } else {
      screen.append(String.format("riskguard status  %s  at %s%n", notLive, clock.format(status.takenAt())));
      screen.append(String.format(LABEL, "database", status.source()));
    }
    if (status.accounts().isEmpty()) {
      screen.append(String.format("%n%s%n", status.live()
          ? "no account guarded yet (the daemon is still connecting)"
          : "no account has P&L, lockouts or decisions stored yet"));
    }
    for (StatusDocument.Account account : status.accounts()) {
      appendAccount(screen, account, status);
    }
    return screen.toString();
  }

  /** The running rules, and a rejected reload or a config change waiting for a restart. */
  private void appendRules(StringBuilder screen, StatusDocument status) {
    ReloadState reload = status.reload();
    if (reload == null) {
      screen.append(String.format(LABEL, "rules", status.rulePackage()));
      return;
    }
    screen.append(String.format(LABEL, "rules", "version " + reload.rulesVersion() + " from " + reload.rulesSource()));
    if (reload.outcome() == ReloadState.Outcome.REJECTED) {
      String first = reload.errors().isEmpty() ? "" : ": " + reload.errors().get(0);
      String more = reload.errors().size() > 1 ? " (+" + (reload.errors().size() - 1) + " more in the log)" : "";
      screen.append(String.format(LABEL, "reload", "REJECTED" + (reload.lastAttemptAt() == null ? "" : " at " + clock.format(reload.lastAttemptAt()))
          + ", the version above still runs" + first + more));
    }
    if (!reload.needsRestart().isEmpty()) {
      screen.append(String.format(LABEL, "restart", "needed for config changes to: "
          + String.join(", ", reload.needsRestart())));
    }
  }

  private void appendAccount(StringBuilder screen, StatusDocument.Account account, StatusDocument status) {
    String name = account.name() == null || account.name().equals(Long.toString(account.id()))
        ? "" : " (" + account.name() + ")";
    screen.append(String.format("%naccount %d%s  trading day %s%n", account.id(), name, account.tradingDay()));
    if (account.hubs() != null) {
      screen.append(String.format(LABEL, "connection", "user hub " + account.hubs().user() + ", market hub "
          + account.hubs().market() + (Boolean.FALSE.equals(account.canTrade()) ? ", CANNOT TRADE" : ", can trade")));
      for (String refused : account.hubs().refused()) {
        screen.append(String.format(LABEL, "REFUSED", refused + " (its events do not arrive; retrying)"));
      }
    }
    screen.append(String.format(LABEL, "realized", money(account.realizedPnl())
        + "   " + account.tradeCount() + " fills, fees " + money(account.fees())));
    screen.append(String.format(LABEL, "unrealized", account.unrealizedPnl() == null
        ? "unknown (only a running daemon knows open positions)" : money(account.unrealizedPnl())));
    for (StatusDocument.LimitUse use : account.limits()) {
      screen.append(String.format(LABEL, use.percentUsed() >= 100 ? "LIMIT HIT" : "limit",
          String.format("%-8s %-16s %s of %s  %5.1f %% used", use.rule(), use.measure(), amount(use),
              limit(use), use.percentUsed())));
    }
    appendPositions(screen, account);
    appendLockouts(screen, account.lockouts());
    appendDecisions(screen, account.decisions());
  }

  private void appendPositions(StringBuilder screen, StatusDocument.Account account) {
    if (account.positions() == null) {
      return;
    }
    if (account.positions().isEmpty()) {
      screen.append(String.format(LABEL, "positions", "flat"));
    }
    for (StatusDocument.Position p : account.positions()) {
      screen.append(String.format(LABEL, "position", String.format("%-5s %3d %-8s @ %s  last %s  %s", p.side(),
          p.size(), p.symbol() != null ? p.symbol() : p.contractId(), price(p.averagePrice()),
          p.lastPrice() == null ? "-" : price(p.lastPrice()),
          p.unrealizedPnl() == null ? "no quote yet" : money(p.unrealizedPnl()))));
    }
    for (StatusDocument.WorkingOrder o : account.workingOrders()) {
      String prices = (o.limitPrice() != null ? " limit " + price(o.limitPrice()) : "")
          + (o.stopPrice() != null ? " stop " + price(o.stopPrice()) : "");
      screen.append(String.format(LABEL, "order", String.format("#%d %s %s %d %s%s", o.orderId(), o.side(), o.type(),
          o.size(), o.contractId(), prices)));
    }
  }

  private void appendLockouts(StringBuilder screen, List<StatusDocument.ActiveLockout> lockouts) {
    if (lockouts.isEmpty()) {
      screen.append(String.format(LABEL, "lockout", "none"));
      return;
    }
    for (StatusDocument.ActiveLockout lockout : lockouts) {
      String scope = lockout.symbol() != null ? lockout.symbol() + " only, " : "";
      String end = lockout.until() == null
          ? "until lifted"
          : "until " + clock.format(lockout.until()) + " (" + left(Duration.ofSeconds(lockout.secondsLeft())) + " left)";
      screen.append(String.format(LABEL, "LOCKED OUT", lockout.rule() + " " + scope + end + ": " + lockout.reason()));
    }
  }

  private void appendDecisions(StringBuilder screen, List<StatusDocument.DecisionStep> decisions) {
    screen.append(String.format(LABEL, "decisions", decisions.isEmpty() ? "none" : "latest first"));
    for (StatusDocument.DecisionStep step : decisions.subList(0, Math.min(decisionsShown, decisions.size()))) {
      screen.append(String.format("    %s  %-13s %-17s %-22s %-9s %s%n", clock.format(step.at()), step.rule(),
          step.action(), step.target(), step.status(), step.detail() == null ? "" : step.detail()));
    }
  }

  private static String amount(StatusDocument.LimitUse use) {
    return use.rule().equals("RULE-001") ? Long.toString(Math.round(use.value())) : money(use.value());
  }

  private static String limit(StatusDocument.LimitUse use) {
    return use.rule().equals("RULE-001") ? Long.toString(Math.round(use.limit())) : money(use.limit());
  }

  static String left(Duration duration) {
    long minutes = Math.max(0, duration.toMinutes());
    return minutes >= 60 ? minutes / 60 + " h " + minutes % 60 + " min" : minutes + " min";
  }

  static String money(double dollars) {
    return (dollars < 0 ? "-$" : "$") + String.format("%,.2f", Math.abs(dollars));
  }

  private static String price(double price) {
    return String.format("%,.2f", price);
  }
}
