package riskguard.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds a {@link RiskguardConfig} from the YAML tree of one file. */
final class ConfigBinder {

  private static final List<String> ROOT_KEYS =
      List.of(
          "gateway",
          "accounts",
          "rules_dir",
          "database",
          "record",
          "trading_day",
          "pnl_basis",
          "max_quote_age_seconds",
          "status_port",
          "rules");
  private static final List<String> GATEWAY_KEYS =
      List.of("rest_url", "user_hub_url", "market_hub_url", "username", "api_key");
  private static final List<String> TRADING_DAY_KEYS = List.of("reset", "timezone");
  private static final String ALL_ACCOUNTS = "all";

  private final ValueParser values;
  private final Path baseDirectory;

  ConfigBinder(ValueParser values, Path baseDirectory) {
    this.values = values;
    this.baseDirectory = baseDirectory;
  }

  RiskguardConfig bind(YamlNode root, Path source) {
    if (!(root instanceof YamlNode.Mapping)) {
      values.error(
          root,
          "",
          "the file must be a mapping of keys ("
              + String.join(", ", ROOT_KEYS)
              + "), found "
              + root.describe());
      return null;
    }
    Section file = Section.open(root, "", root.line(), root.column(), values, ROOT_KEYS);
    Section rules = file.section("rules", RulesReader.RULE_KEYS);
    GatewayConfig gateway = gateway(file.section("gateway", GATEWAY_KEYS));
    AccountSelector accounts = accounts(file);
    Path rulesDir = path(file, "rules_dir", null);
    Path database = path(file, "database", RiskguardConfig.DEFAULT_DATABASE);
    Path record = path(file, "record", null);
    TradingDay tradingDay = tradingDay(file.section("trading_day", TRADING_DAY_KEYS));
    PnlBasis pnlBasis = file.word("pnl_basis", PnlBasis.class, RiskguardConfig.DEFAULT_PNL_BASIS);
    int maxQuoteAge =
        file.integer("max_quote_age_seconds", 1, RiskguardConfig.DEFAULT_MAX_QUOTE_AGE_SECONDS);
    int statusPort = statusPort(file);
    RulesConfig rulesConfig = rules == null ? RulesConfig.none() : new RulesReader(rules).read();
    return new RiskguardConfig(
        source,
        gateway,
        accounts,
        rulesDir,
        database,
        record,
        tradingDay,
        pnlBasis,
        maxQuoteAge,
        statusPort,
        rulesConfig,
        values.warnings());
  }

  private int statusPort(Section file) {
    int port = file.integer("status_port", 0, RiskguardConfig.DEFAULT_STATUS_PORT);
    if (port > RiskguardConfig.HIGHEST_PORT) {
      values.error(file.node("status_port"), "status_port",
          "must be a TCP port, 0 to " + RiskguardConfig.HIGHEST_PORT + " (0: any free port), found " + port);
      return RiskguardConfig.DEFAULT_STATUS_PORT;
    }
    return port;
  }

  private GatewayConfig gateway(Section section) {
    GatewayConfig production = GatewayConfig.production();
    if (section == null) {
      return production;
    }
    ValueParser.Text username = section.text("username");
    ValueParser.Text apiKey = section.text("api_key");
    refuseEmptyVariable(section, "username", username, "the ProjectX username");
    refuseEmptyVariable(section, "api_key", apiKey, "the API key");
    if (apiKey != null && !apiKey.fromEnvironment()) {
      values.warning(
          section.node("api_key"),
          section.path("api_key"),
          "the API key is written in the file; secrets belong in the environment, not the YAML:"
              + " write `api_key: ${PROJECTX_API_KEY}` and set PROJECTX_API_KEY (any ${NAME}"
              + " works)");
    }
    return new GatewayConfig(
        section.url("rest_url", production.restUrl()),
        section.url("user_hub_url", production.userHubUrl()),
        section.url("market_hub_url", production.marketHubUrl()),
        username == null ? null : username.value(),
        apiKey == null ? null : Secret.of(apiKey.value()));
  }

  /**
   * Reports {@code key} filled from environment variables that are empty: the daemon could not log
   * in with it. Names the variables, never the value.
   */
  private void refuseEmptyVariable(
      Section section, String key, ValueParser.Text text, String what) {
    if (text == null || !text.fromEnvironment() || !text.value().isBlank()) {
      return;
    }
    List<String> names = text.variables();
    String variables =
        names.size() == 1
            ? "environment variable " + names.get(0) + " is empty"
            : "environment variables " + String.join(", ", names) + " are empty";
    values.error(
        section.node(key),
        section.path(key),
        variables + "; set " + String.join(", ", names) + " to " + what
            + " before starting riskguard");
  }

  private AccountSelector accounts(Section file) {
    YamlNode node = file.node("accounts");
    if (node == null) {
      return AccountSelector.allAccounts();
    }
    List<YamlNode> items =
        node instanceof YamlNode.Sequence sequence ? sequence.items() : List.of(node);
    if (items.isEmpty()) {
      values.error(node, "accounts", "list at least one account id or name, or write [all]");
      return AccountSelector.allAccounts();
    }
    List<String> chosen = new ArrayList<>();
    boolean all = false;
    for (int i = 0; i < items.size(); i++) {
      String path = node instanceof YamlNode.Sequence ? "accounts[" + i + "]" : "accounts";
      ValueParser.Text text = values.text(items.get(i), path);
      if (text == null) {
        continue;
      }
      String entry = text.value().strip();
      if (entry.toLowerCase(Locale.ROOT).equals(ALL_ACCOUNTS)) {
        all = true;
      } else if (!entry.isEmpty()) {
        chosen.add(entry);
      } else {
        values.error(items.get(i), path, "an account id or name cannot be empty");
      }
    }
    if (all && !chosen.isEmpty()) {
      values.error(
          node,
          "accounts",
          "`all` cannot be combined with account ids or names; use one or the other");
    }
    return all ? AccountSelector.allAccounts() : AccountSelector.of(chosen);
  }

  private Path path(Section file, String key, String fallback) {
    ValueParser.Text text = file.text(key);
    String written = text == null ? fallback : text.value().strip();
    if (written == null) {
      return null;
    }
    if (written.isEmpty()) {
      values.error(file.node(key), key, "a path cannot be empty; write one or leave the key out");
      return null;
    }
    try {
      return baseDirectory.resolve(written).normalize();
    } catch (InvalidPathException e) {
      values.error(file.node(key), key, "not a usable path: " + text.shown());
      return null;
    }
  }

  private static TradingDay tradingDay(Section section) {
    if (section == null) {
      return TradingDay.defaults();
    }
    return new TradingDay(
        section.time("reset", TradingDay.DEFAULT_RESET),
        section.zone("timezone", TradingDay.DEFAULT_TIMEZONE));
  }
}
