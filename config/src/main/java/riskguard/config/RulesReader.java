package riskguard.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Reads the {@code rules:} mapping into a {@link RulesConfig}, one section per rule. */
final class RulesReader {

  static final List<String> RULE_KEYS =
      List.of(
          "max_contracts",
          "max_contracts_per_instrument",
          "daily_realized_loss",
          "daily_unrealized_loss",
          "max_unrealized_profit",
          "trade_frequency",
          "cooldown_after_loss",
          "no_stop_loss_grace",
          "session_hours",
          "auth_loss_guard",
          "symbol_blocks",
          "trade_management");

  private static final String ENABLED = "enabled";
  private static final String ALLOW_WITH_LIMIT = "allow_with_limit:";

  private final Section rules;
  private final ValueParser values;

  RulesReader(Section rules) {
    this.rules = rules;
    this.values = rules.values();
  }

  RulesConfig read() {
    return new RulesConfig(
        rule("max_contracts", this::maxContracts, "limit", "count_type", "action"),
        rule(
            "max_contracts_per_instrument",
            this::maxContractsPerInstrument,
            "limits",
            "action",
            "unknown_symbol_action"),
        rule("daily_realized_loss", this::dailyRealizedLoss, "limit"),
        rule("daily_unrealized_loss", this::dailyUnrealizedLoss, "limit", "scope", "action"),
        rule(
            "max_unrealized_profit",
            this::maxUnrealizedProfit,
            "target",
            "mode",
            "scope",
            "action"),
        rule(
            "trade_frequency",
            this::tradeFrequency,
            "per_minute",
            "per_hour",
            "per_session",
            "per_minute_cooldown",
            "per_hour_cooldown",
            "per_session_cooldown"),
        rule("cooldown_after_loss", this::cooldownAfterLoss, "thresholds"),
        rule("no_stop_loss_grace", this::noStopLossGrace, "grace_seconds", "action"),
        rule(
            "session_hours",
            this::sessionHours,
            "start",
            "end",
            "timezone",
            "days",
            "per_symbol",
            "holidays",
            "close_at_session_end"),
        rule("auth_loss_guard", section -> new AuthLossGuard()),
        rule("symbol_blocks", this::symbolBlocks, "blocked", "close_existing"),
        rule("trade_management", this::tradeManagement, "auto_breakeven", "trailing_stop"));
  }

  /**
   * Reads one rule section: null when absent; checked but null when {@code enabled: false};
   * otherwise the record built by {@code reader}.
   */
  private <T> T rule(String key, Function<Section, T> reader, String... keys) {
    List<String> allowed = new ArrayList<>(List.of(keys));
    allowed.add(0, ENABLED);
    Section section = rules.section(key, allowed);
    if (section == null) {
      return null;
    }
    boolean enabled = section.bool(ENABLED, true);
    T record = reader.apply(section.enforcingRequired(enabled));
    return enabled ? record : null;
  }

  private MaxContracts maxContracts(Section section) {
    return new MaxContracts(
        section.requiredInteger("limit", 0),
        section.word("count_type", CountType.class, MaxContracts.DEFAULT_COUNT_TYPE),
        section.word("action", LimitAction.class, MaxContracts.DEFAULT_ACTION));
  }

  private MaxContractsPerInstrument maxContractsPerInstrument(Section section) {
    Map<String, Integer> limits =
        bySymbolRoot(section, "limits", (entry, path) -> values.integer(entry.value(), path, 0));
    UnknownSymbolAction unknownAction = MaxContractsPerInstrument.DEFAULT_UNKNOWN_SYMBOL_ACTION;
    Integer unknownLimit = null;
    YamlNode unknownNode = section.node("unknown_symbol_action");
    ValueParser.Text unknownText = section.text("unknown_symbol_action");
    if (unknownText != null) {
      String word = unknownText.value().strip().toLowerCase(Locale.ROOT);
      if (word.startsWith(ALLOW_WITH_LIMIT)) {
        unknownLimit =
            parseAllowWithLimit(word, unknownNode, section.path("unknown_symbol_action"));
        unknownAction = unknownLimit == null ? unknownAction : UnknownSymbolAction.ALLOW_WITH_LIMIT;
      } else if (word.equals("block") || word.equals("allow_unlimited")) {
        unknownAction = UnknownSymbolAction.valueOf(word.toUpperCase(Locale.ROOT));
      } else {
        values.error(
            unknownNode,
            section.path("unknown_symbol_action"),
            "unknown word "
                + unknownText.shown()
                + "; valid: block, allow_unlimited, allow_with_limit:N");
      }
    }
    return new MaxContractsPerInstrument(
        limits,
        section.word("action", LimitAction.class, MaxContractsPerInstrument.DEFAULT_ACTION),
        unknownAction,
        unknownLimit);
  }

  private Integer parseAllowWithLimit(String word, YamlNode node, String path) {
    String number = word.substring(ALLOW_WITH_LIMIT.length()).strip();
    if (number.matches("\\d{1,9}")) {
      return Integer.parseInt(number);
    }
    values.error(
        node,
        path,
        "write allow_with_limit:N with N a whole number of 0 or more, e.g. allow_with_limit:1");
    return null;
  }

  private DailyRealizedLoss dailyRealizedLoss(Section section) {
    return new DailyRealizedLoss(section.requiredPositiveAmount("limit"));
  }

  private DailyUnrealizedLoss dailyUnrealizedLoss(Section section) {
    return new DailyUnrealizedLoss(
        section.requiredPositiveAmount("limit"),
        section.word("scope", Scope.class, DailyUnrealizedLoss.DEFAULT_SCOPE),
        section.word("action", BreachAction.class, DailyUnrealizedLoss.DEFAULT_ACTION));
  }

  private MaxUnrealizedProfit maxUnrealizedProfit(Section section) {
    ProfitMode mode = section.word("mode", ProfitMode.class, MaxUnrealizedProfit.DEFAULT_MODE);
    double target =
        mode == ProfitMode.BREAKEVEN
            ? section.nonNegativeAmount("target", 0)
            : section.requiredPositiveAmount("target");
    return new MaxUnrealizedProfit(
        target,
        mode,
        section.word("scope", Scope.class, MaxUnrealizedProfit.DEFAULT_SCOPE),
        section.word("action", BreachAction.class, MaxUnrealizedProfit.DEFAULT_ACTION));
  }

  private TradeFrequency tradeFrequency(Section section) {
    Integer perMinute = section.optionalInteger("per_minute", 1);
    Integer perHour = section.optionalInteger("per_hour", 1);
    Integer perSession = section.optionalInteger("per_session", 1);
    if (!section.has("per_minute") && !section.has("per_hour") && !section.has("per_session")) {
      section.reportProblem("set at least one of per_minute, per_hour, per_session");
    }
    return new TradeFrequency(
        perMinute,
        perHour,
        perSession,
        section.integer("per_minute_cooldown", 1, TradeFrequency.DEFAULT_PER_MINUTE_COOLDOWN),
        section.integer("per_hour_cooldown", 1, TradeFrequency.DEFAULT_PER_HOUR_COOLDOWN),
        section.integer("per_session_cooldown", 1, TradeFrequency.DEFAULT_PER_SESSION_COOLDOWN));
  }

  private CooldownAfterLoss cooldownAfterLoss(Section section) {
    List<YamlNode> items = section.list("thresholds");
    List<LossThreshold> thresholds = new ArrayList<>();
    if (items == null || items.isEmpty()) {
      section.reportMissing(
          "thresholds",
          "list at least one threshold, e.g. `thresholds: [{loss: 100, cooldown: 300}]`");
      return new CooldownAfterLoss(thresholds);
    }
    Set<Double> losses = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      YamlNode item = items.get(i);
      String itemPath = section.path("thresholds") + "[" + i + "]";
      Section threshold =
          Section.open(
              item, itemPath, item.line(), item.column(), values, List.of("loss", "cooldown"));
      double loss = threshold.requiredPositiveAmount("loss");
      int cooldown = threshold.requiredInteger("cooldown", 1);
      if (loss > 0 && !losses.add(loss)) {
        values.error(item, itemPath + ".loss", "two thresholds have the same loss");
      }
      thresholds.add(new LossThreshold(loss, cooldown));
    }
    return new CooldownAfterLoss(thresholds);
  }

  private NoStopLossGrace noStopLossGrace(Section section) {
    ValueParser.Text action = section.text("action");
    if (action != null && !action.value().strip().equalsIgnoreCase("close_position")) {
      values.error(
          section.node("action"),
          section.path("action"),
          "unknown word " + action.shown() + "; valid: close_position");
    }
    return new NoStopLossGrace(
        section.integer("grace_seconds", 0, NoStopLossGrace.DEFAULT_GRACE_SECONDS),
        BreachAction.CLOSE_POSITION);
  }

  private SessionHours sessionHours(Section section) {
    LocalTime start = section.requiredTime("start");
    LocalTime end = section.requiredTime("end");
    ZoneId zone = section.zone("timezone", SessionHours.DEFAULT_TIMEZONE);
    Set<DayOfWeek> days = section.days("days", SessionHours.DEFAULT_DAYS);
    Map<String, SymbolSession> perSymbol = bySymbolRoot(section, "per_symbol",
        (entry, path) -> symbolSession(section, entry, path, zone, days));
    List<LocalDate> holidays = new ArrayList<>();
    List<YamlNode> items = section.list("holidays");
    if (items != null) {
      for (int i = 0; i < items.size(); i++) {
        LocalDate date = values.date(items.get(i), section.path("holidays") + "[" + i + "]");
        if (date != null && !holidays.contains(date)) {
          holidays.add(date);
        }
      }
    }
    return new SessionHours(
        start == null ? LocalTime.MIDNIGHT : start,
        end == null ? LocalTime.MIDNIGHT : end,
        zone,
        days,
        perSymbol,
        holidays,
        section.bool("close_at_session_end", false));
  }

  /**
   * A mapping keyed by symbol root ({@code limits}, {@code per_symbol}), with the roots in
   * upper case and the gateway's codes in the trader's spelling (EP → ES). A key that is not a root, or names a root already listed, is reported and
   * skipped, as is an entry whose value {@code read} rejects (returns null for).
   */
  private <V> Map<String, V> bySymbolRoot(
      Section section, String key, BiFunction<YamlNode.Entry, String, V> read) {
    Map<String, V> byRoot = new LinkedHashMap<>();
    YamlNode.Mapping mapping = section.mapping(key);
    if (mapping == null) {
      return byRoot;
    }
    for (YamlNode.Entry entry : mapping.entries()) {
      String path = section.path(key) + "." + entry.key();
      String written = entry.key().strip().toUpperCase(Locale.ROOT);
      if (!ValueParser.isSymbolRoot(written)) {
        values.error(
            entry.line(), entry.column(), path, "not a symbol root; write the product code, e.g. ES or MNQ");
        continue;
      }
      String root = SymbolRootAliases.canonical(written);
      V value = read.apply(entry, path);
      if (value != null && byRoot.putIfAbsent(root, value) != null) {
        String named =
            written.equals(root) ? root : written + " (the gateway's code for " + root + ")";
        values.error(entry.line(), entry.column(), path, named + " is listed twice");
      }
    }
    return byRoot;
  }

  private SymbolSession symbolSession(
      Section parent,
      YamlNode.Entry entry,
      String path,
      ZoneId defaultZone,
      Set<DayOfWeek> defaultDays) {
    Section section =
        Section.open(
                entry.value(),
                path,
                entry.line(),
                entry.column(),
                values,
                List.of("start", "end", "timezone", "from_day", "to_day", "days"))
            .enforcingRequired(parent.isEnforced());
    LocalTime start = section.requiredTime("start");
    LocalTime end = section.requiredTime("end");
    ZoneId zone = section.zone("timezone", defaultZone);
    DayOfWeek fromDay = section.day("from_day");
    DayOfWeek toDay = section.day("to_day");
    if (section.has("from_day") != section.has("to_day")) {
      values.error(entry.line(), entry.column(), path, "give both from_day and to_day, or neither");
      return null;
    }
    if (section.has("from_day") && section.has("days")) {
      values.error(
          section.node("days"),
          section.path("days"),
          "days does not apply to a from_day/to_day span; remove it");
    }
    if (start == null
        || end == null
        || (section.has("from_day") && (fromDay == null || toDay == null))) {
      return null;
    }
    return new SymbolSession(
        start,
        end,
        zone,
        fromDay,
        toDay,
        fromDay == null ? section.days("days", defaultDays) : Set.of());
  }

  private SymbolBlocks symbolBlocks(Section section) {
    Set<String> blocked = new LinkedHashSet<>();
    List<YamlNode> items = section.list("blocked");
    if (items == null) {
      section.reportMissing("blocked", "list the symbol roots to block, e.g. `blocked: [RTY]`");
    } else {
      for (int i = 0; i < items.size(); i++) {
        String root = values.symbolRoot(items.get(i), section.path("blocked") + "[" + i + "]");
        if (root != null) {
          blocked.add(root);
        }
      }
    }
    return new SymbolBlocks(blocked, section.bool("close_existing", true));
  }

  private TradeManagement tradeManagement(Section section) {
    Section breakevenSection =
        section.section("auto_breakeven", List.of("trigger_ticks", "offset_ticks"));
    Section trailingSection =
        section.section("trailing_stop", List.of("activation_ticks", "distance_ticks"));
    if (breakevenSection == null && trailingSection == null) {
      section.reportProblem("set auto_breakeven, trailing_stop or both");
    }
    AutoBreakeven breakeven =
        breakevenSection == null
            ? null
            : new AutoBreakeven(
                breakevenSection.requiredInteger("trigger_ticks", 1),
                breakevenSection.integer("offset_ticks", 0, 0));
    TrailingStop trailing =
        trailingSection == null
            ? null
            : new TrailingStop(
                trailingSection.requiredInteger("activation_ticks", 1),
                trailingSection.requiredInteger("distance_ticks", 1));
    return new TradeManagement(breakeven, trailing);
  }
}
