package riskguard.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One plain sentence per enabled rule, with its numbers, so a trader can tell from the config alone
 * what will happen to them.
 */
public final class RuleDescriptions {

  private static final int WARNING_PERCENT = 80;

  private static final String DURING_A_COOLDOWN =
      "During a cooldown new orders are cancelled and new positions closed.";

  private final RiskguardConfig config;
  private final String untilReset;

  private RuleDescriptions(RiskguardConfig config) {
    this.config = config;
    TradingDay day = config.tradingDay();
    this.untilReset = "until " + day.reset() + " " + day.timezone().getId();
  }

  /** The sentences for the enabled rules of {@code config}, in rule order. */
  public static List<String> describe(RiskguardConfig config) {
    return new RuleDescriptions(config).sentences();
  }

  private List<String> sentences() {
    RulesConfig rules = config.rules();
    List<String> sentences = new ArrayList<>();
    if (rules.maxContracts() != null) {
      sentences.add(maxContracts(rules.maxContracts()));
    }
    if (rules.maxContractsPerInstrument() != null) {
      sentences.add(maxContractsPerInstrument(rules.maxContractsPerInstrument()));
    }
    if (rules.dailyRealizedLoss() != null) {
      sentences.add(dailyRealizedLoss(rules.dailyRealizedLoss()));
    }
    if (rules.dailyUnrealizedLoss() != null) {
      sentences.add(dailyUnrealizedLoss(rules.dailyUnrealizedLoss()));
    }
    if (rules.maxUnrealizedProfit() != null) {
      sentences.add(maxUnrealizedProfit(rules.maxUnrealizedProfit()));
    }
    if (rules.tradeFrequency() != null) {
      sentences.add(tradeFrequency(rules.tradeFrequency()));
    }
    if (rules.cooldownAfterLoss() != null) {
      sentences.add(cooldownAfterLoss(rules.cooldownAfterLoss()));
    }
    if (rules.noStopLossGrace() != null) {
      sentences.add(noStopLossGrace(rules.noStopLossGrace()));
    }
    if (rules.sessionHours() != null) {
      sentences.add(sessionHours(rules.sessionHours()));
    }
    if (rules.authLossGuard() != null) {
      sentences.add(
          "RULE-010 Auth loss guard: whenever the gateway says the account may not trade, close"
              + " everything, cancel orders and lock the account until it may trade again.");
    }
    if (rules.symbolBlocks() != null) {
      sentences.add(symbolBlocks(rules.symbolBlocks()));
    }
    if (rules.tradeManagement() != null) {
      sentences.add(tradeManagement(rules.tradeManagement()));
    }
    return sentences;
  }

  private static String maxContracts(MaxContracts rule) {
    String counting =
        rule.countType() == CountType.NET
            ? "counted net: long and short positions in the same product offset each other"
            : "counting every open contract, long or short";
    String action =
        rule.action() == LimitAction.CLOSE_ALL
            ? "close every position"
            : "close contracts, largest position first, until you hold "
                + rule.limit()
                + " or fewer";
    int warnedAt = (rule.limit() * WARNING_PERCENT + 99) / 100;
    String warning =
        warnedAt > 0
            ? "; at %d %s (%d %%) you are warned once a day"
                .formatted(warnedAt, warnedAt == 1 ? "contract" : "contracts", WARNING_PERCENT)
            : "";
    return "RULE-001 Max contracts: when you hold more than %d contracts (%s), %s%s."
        .formatted(rule.limit(), counting, action, warning);
  }

  private static String maxContractsPerInstrument(MaxContractsPerInstrument rule) {
    String limits =
        new TreeMap<>(rule.limits())
            .entrySet().stream()
                .map(entry -> entry.getValue() + " " + entry.getKey())
                .collect(Collectors.joining(", "));
    String action =
        rule.action() == LimitAction.REDUCE_TO_LIMIT
            ? "is reduced to its limit (the excess contracts are closed)"
            : "is closed entirely";
    String others =
        switch (rule.unknownSymbolAction()) {
          case BLOCK -> "Positions in any other product are closed.";
          case ALLOW_UNLIMITED -> "Other products are not limited by this rule.";
          case ALLOW_WITH_LIMIT ->
              "Other products may hold at most "
                  + plural(rule.unknownSymbolLimit(), "contract")
                  + " each.";
        };
    String head =
        limits.isEmpty()
            ? "RULE-002 Max contracts per instrument: no product has its own limit."
            : "RULE-002 Max contracts per instrument: at most "
                + limits
                + "; a larger position "
                + action
                + ".";
    boolean anyLimit =
        rule.limits().values().stream().anyMatch(limit -> limit > 0)
            || (rule.unknownSymbolAction() == UnknownSymbolAction.ALLOW_WITH_LIMIT
                && rule.unknownSymbolLimit() > 0);
    String warning =
        anyLimit
            ? " At " + WARNING_PERCENT + " % of a product's limit you are warned once a day."
            : "";
    return head + " " + others + warning;
  }

  private String dailyRealizedLoss(DailyRealizedLoss rule) {
    String basis =
        config.pnlBasis() == PnlBasis.NET
            ? "net realized P&L"
            : "gross realized P&L (fees not counted)";
    return ("RULE-003 Daily realized loss: when today's %s reaches %s, close everything,"
            + " cancel orders and lock the account %s; at %s (%d %%) you are warned once.")
        .formatted(
            basis, money(-rule.limit()), untilReset, money(-warningAt(rule.limit())), WARNING_PERCENT);
  }

  private String dailyUnrealizedLoss(DailyUnrealizedLoss rule) {
    String subject =
        rule.scope() == Scope.TOTAL
            ? "your open positions together are"
            : "any one open position is";
    String action =
        rule.action() == BreachAction.CLOSE_ALL_AND_LOCKOUT
            ? lockOutAction()
            : rule.scope() == Scope.TOTAL ? "close the losing positions" : "close that position";
    return ("RULE-004 Daily unrealized loss: when %s down more than %s, %s; at %s down (%d %%)"
            + " you are warned once a day.")
        .formatted(
            subject, money(rule.limit()), action, money(warningAt(rule.limit())), WARNING_PERCENT);
  }

  private String maxUnrealizedProfit(MaxUnrealizedProfit rule) {
    String action =
        rule.action() == BreachAction.CLOSE_ALL_AND_LOCKOUT
            ? lockOutAction()
            : rule.scope() == Scope.TOTAL ? "close every open position" : "close that position";
    if (rule.mode() == ProfitMode.PROFIT_TARGET) {
      String subject =
          rule.scope() == Scope.TOTAL
              ? "your open positions together are"
              : "any one open position is";
      return "RULE-005 Max unrealized profit: when %s up more than %s, %s (take the profit)."
          .formatted(subject, money(rule.target()), action);
    }
    String subject =
        rule.scope() == Scope.TOTAL ? "your open positions together have" : "a position has";
    String armed =
        rule.target() > 0 ? "been up more than " + money(rule.target()) : "been in profit";
    return ("RULE-005 Max unrealized profit (breakeven): once %s %s, %s when the gain falls"
            + " back to %s or less.")
        .formatted(subject, armed, action, money(0));
  }

  private String lockOutAction() {
    return "close everything, cancel orders and lock the account " + untilReset;
  }

  /** The loss at which RULE-003 and RULE-004 warn the trader (their rules say 80 % too). */
  private static double warningAt(double limit) {
    return limit * WARNING_PERCENT / 100.0;
  }

  private String tradeFrequency(TradeFrequency rule) {
    List<String> limits = new ArrayList<>();
    if (rule.perMinute() != null) {
      limits.add(
          "more than %s in any 60 seconds stops trading for %s"
              .formatted(trades(rule.perMinute()), duration(rule.perMinuteCooldown())));
    }
    if (rule.perHour() != null) {
      limits.add(
          "more than %s in any hour stops trading for %s"
              .formatted(trades(rule.perHour()), duration(rule.perHourCooldown())));
    }
    if (rule.perSession() != null) {
      limits.add(
          "more than %s in a trading day stops trading for %s and then %s"
              .formatted(
                  trades(rule.perSession()), duration(rule.perSessionCooldown()), untilReset));
    }
    String several =
        limits.size() > 1 ? " When several are broken at once the longest stop applies." : "";
    return "RULE-006 Trade frequency: "
        + String.join("; ", limits)
        + "."
        + several
        + " At "
        + WARNING_PERCENT
        + " % of a limit you are warned once a day. "
        + DURING_A_COOLDOWN;
  }

  private static String cooldownAfterLoss(CooldownAfterLoss rule) {
    List<String> steps = new ArrayList<>();
    for (LossThreshold threshold : rule.thresholds()) {
      steps.add(
          money(threshold.loss()) + " or more stops trading for " + duration(threshold.cooldown()));
    }
    return "RULE-007 Cooldown after loss: a losing trade of "
        + String.join("; of ", steps)
        + ", counted from the trade (a longer cooldown already running is kept). "
        + DURING_A_COOLDOWN;
  }

  private static String noStopLossGrace(NoStopLossGrace rule) {
    return ("RULE-008 No stop-loss grace: %s after a position opens, a protective stop (a stop,"
            + " stop-limit or trailing stop on the closing side, beyond the entry price) must be"
            + " working, or the position is closed.")
        .formatted(duration(rule.graceSeconds()));
  }

  private static String sessionHours(SessionHours rule) {
    List<String> parts = new ArrayList<>();
    parts.add(
        "trading is allowed "
            + days(rule.days())
            + " "
            + span(rule.start(), rule.end())
            + " "
            + rule.timezone().getId());
    for (Map.Entry<String, SymbolSession> entry : new TreeMap<>(rule.perSymbol()).entrySet()) {
      SymbolSession own = entry.getValue();
      String when =
          own.isWeekly()
              ? dayName(own.fromDay())
                  + " "
                  + own.start()
                  + " to "
                  + dayName(own.toDay())
                  + " "
                  + own.end()
              : days(own.days()) + " " + span(own.start(), own.end());
      parts.add(entry.getKey() + " " + when + " " + own.timezone().getId());
    }
    String holidays =
        rule.holidays().isEmpty()
            ? ""
            : "; closed all day on "
                + rule.holidays().stream().map(Object::toString).collect(Collectors.joining(", "));
    String atEnd =
        rule.closeAtSessionEnd()
            ? " When a session ends, the positions and orders still open in its products are"
                  + " closed and cancelled and those products locked until their session opens"
                  + " again."
            : "";
    return "RULE-009 Session hours: "
        + String.join("; ", parts)
        + holidays
        + ". A position opened outside its product's session is closed, that product's orders"
        + " cancelled and the product locked until its session opens; other products in their"
        + " session stay tradable."
        + atEnd;
  }

  private static String symbolBlocks(SymbolBlocks rule) {
    String symbols = rule.blocked().stream().sorted().collect(Collectors.joining(", "));
    if (symbols.isEmpty()) {
      return "RULE-011 Symbol blocks: no symbol is blocked.";
    }
    String existing =
        rule.closeExisting()
            ? ", including those already there when the block starts"
            : "; positions and orders already there when the block starts are left alone, but"
                + " may not be added to";
    return "RULE-011 Symbol blocks: "
        + symbols
        + " may not be traded: their orders are cancelled and their positions closed"
        + existing
        + ".";
  }

  private static String tradeManagement(TradeManagement rule) {
    List<String> parts = new ArrayList<>();
    AutoBreakeven breakeven = rule.autoBreakeven();
    if (breakeven != null) {
      String target =
          breakeven.offsetTicks() == 0
              ? "the entry price"
              : "the entry price plus " + ticks(breakeven.offsetTicks()) + " in your favour";
      parts.add(
          "once a position is "
              + ticks(breakeven.triggerTicks())
              + " in profit, its stop moves to "
              + target
              + " (once)");
    }
    TrailingStop trailing = rule.trailingStop();
    if (trailing != null) {
      parts.add(
          "once a position is "
              + ticks(trailing.activationTicks())
              + " in profit, its stop trails "
              + ticks(trailing.distanceTicks())
              + " behind the best price and never moves back");
    }
    return "RULE-012 Trade management: "
        + String.join("; ", parts)
        + ". A position without a stop gets one; a stop is never loosened.";
  }

  static String money(double dollars) {
    String amount = String.format(Locale.US, "$%,.2f", Math.abs(dollars));
    return dollars < 0 ? "-" + amount : amount;
  }

  static String duration(int seconds) {
    if (seconds > 0 && seconds % 3600 == 0) {
      return plural(seconds / 3600, "hour");
    }
    if (seconds > 0 && seconds % 60 == 0) {
      return plural(seconds / 60, "minute");
    }
    return plural(seconds, "second");
  }

  private static String trades(int count) {
    return plural(count, "trade");
  }

  private static String ticks(int count) {
    return plural(count, "tick");
  }

  private static String plural(int count, String unit) {
    return count + " " + unit + (count == 1 ? "" : "s");
  }

  private static String span(LocalTime start, LocalTime end) {
    if (start.equals(end)) {
      return "around the clock from " + start;
    }
    return start + "–" + end + (end.isAfter(start) ? "" : " the next day");
  }

  /** "Mon–Fri" or "Sun–Thu" for a run of consecutive days, else "Mon, Wed". */
  static String days(Set<DayOfWeek> days) {
    if (days.size() == 7) {
      return "every day";
    }
    for (DayOfWeek first : days) {
      if (days.size() >= 3 && !days.contains(first.minus(1)) && isRun(days, first)) {
        return dayName(first) + "–" + dayName(first.plus(days.size() - 1));
      }
    }
    return days.stream().sorted().map(RuleDescriptions::dayName).collect(Collectors.joining(", "));
  }

  private static boolean isRun(Set<DayOfWeek> days, DayOfWeek first) {
    for (int i = 1; i < days.size(); i++) {
      if (!days.contains(first.plus(i))) {
        return false;
      }
    }
    return true;
  }

  private static String dayName(DayOfWeek day) {
    return day.getDisplayName(TextStyle.SHORT, Locale.US);
  }
}
