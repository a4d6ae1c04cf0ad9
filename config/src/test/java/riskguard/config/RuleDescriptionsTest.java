package riskguard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every enabled rule gets one sentence with its numbers. */
class RuleDescriptionsTest {

  @TempDir Path directory;

  private RiskguardConfig load(String yaml) throws IOException {
    Path file = directory.resolve("riskguard.yaml");
    Files.writeString(file, yaml);
    return new ConfigLoader(Map.of()).read(file);
  }

  @Test
  void theConfigMdExampleDescribesAllTwelveRules() throws IOException {
    Path file = directory.resolve("riskguard.yaml");
    try (InputStream example = getClass().getResourceAsStream("/config-md-example.yaml")) {
      Files.copy(example, file);
    }
    RiskguardConfig config =
        new ConfigLoader(Map.of("PROJECTX_USERNAME", "u", "PROJECTX_API_KEY", "k")).read(file);

    List<String> sentences = RuleDescriptions.describe(config);

    assertThat(sentences).hasSize(12);
    for (int rule = 1; rule <= 12; rule++) {
      assertThat(sentences.get(rule - 1)).startsWith("RULE-%03d ".formatted(rule));
    }
    assertThat(sentences)
        .containsExactly(
            "RULE-001 Max contracts: when you hold more than 5 contracts (counted net: long and"
                + " short positions in the same product offset each other), close every position;"
                + " at 4 contracts (80 %) you are warned once a day.",
            "RULE-002 Max contracts per instrument: at most 1 ES, 2 MNQ; a larger position is"
                + " reduced to its limit (the excess contracts are closed). Other products are not"
                + " limited by this rule. At 80 % of a product's limit you are warned once a day.",
            "RULE-003 Daily realized loss: when today's net realized P&L reaches -$500.00, close"
                + " everything, cancel orders and lock the account until 17:00 America/New_York;"
                + " at -$400.00 (80 %) you are warned once.",
            "RULE-004 Daily unrealized loss: when your open positions together are down more than"
                + " $300.00, close everything, cancel orders and lock the account until 17:00"
                + " America/New_York; at $240.00 down (80 %) you are warned once a day.",
            "RULE-005 Max unrealized profit: when your open positions together are up more than"
                + " $1,000.00, close everything, cancel orders and lock the account until 17:00"
                + " America/New_York (take the profit).",
            "RULE-006 Trade frequency: more than 3 trades in any 60 seconds stops trading for 1"
                + " minute; more than 10 trades in any hour stops trading for 30 minutes; more than"
                + " 50 trades in a trading day stops trading for 1 hour and then until 17:00"
                + " America/New_York. When several are broken at once the longest stop applies. At"
                + " 80 % of a limit you are warned once a day. During a cooldown new orders are"
                + " cancelled and new positions closed.",
            "RULE-007 Cooldown after loss: a losing trade of $100.00 or more stops trading for 5"
                + " minutes; of $200.00 or more stops trading for 15 minutes; of $300.00 or more"
                + " stops trading for 30 minutes, counted from the trade (a longer cooldown already"
                + " running is kept). During a cooldown new orders are cancelled and new positions"
                + " closed.",
            "RULE-008 No stop-loss grace: 30 seconds after a position opens, a protective stop (a"
                + " stop, stop-limit or trailing stop on the closing side, beyond the entry price)"
                + " must be working, or the position is closed.",
            "RULE-009 Session hours: trading is allowed Mon–Fri 09:30–16:00 America/New_York; ES"
                + " Sun 18:00 to Fri 17:00 America/Chicago; closed all day on 2025-12-25,"
                + " 2026-01-01. A position opened outside its product's session is closed, that"
                + " product's orders cancelled and the product locked until its session opens;"
                + " other products in their session stay tradable. When a session ends, the"
                + " positions and orders still open in its products are closed and cancelled and"
                + " those products locked until their session opens again.",
            "RULE-010 Auth loss guard: whenever the gateway says the account may not trade, close"
                + " everything, cancel orders and lock the account until it may trade again.",
            "RULE-011 Symbol blocks: BTC, RTY may not be traded: their orders are cancelled and"
                + " their positions closed, including those already there when the block starts.",
            "RULE-012 Trade management: once a position is 10 ticks in profit, its stop moves to"
                + " the entry price (once); once a position is 20 ticks in profit, its stop trails"
                + " 10 ticks behind the best price and never moves back. A position without a stop"
                + " gets one; a stop is never loosened.");
  }

  @Test
  void otherChoicesChangeTheSentences() throws IOException {
    RiskguardConfig config =
        load(
            """
pnl_basis: gross
trading_day: {reset: "16:00", timezone: America/Chicago}
rules:
  max_contracts: {limit: 3, count_type: gross, action: reduce_to_limit}
  max_contracts_per_instrument: {limits: {ES: 1}, action: close_all, unknown_symbol_action: "allow_with_limit:1"}
  daily_realized_loss: {limit: 1250.5}
  daily_unrealized_loss: {limit: 300, scope: per_position, action: close_position}
  max_unrealized_profit: {mode: breakeven, target: 200, scope: per_position, action: close_position}
  trade_frequency: {per_hour: 1, per_hour_cooldown: 90}
  no_stop_loss_grace: {grace_seconds: 120}
  session_hours: {start: "18:00", end: "17:00", days: [SUN, MON, TUE, WED, THU]}
  symbol_blocks: {blocked: [RTY], close_existing: false}
  trade_management: {auto_breakeven: {trigger_ticks: 8, offset_ticks: 2}}
""");
    assertThat(RuleDescriptions.describe(config))
        .containsExactly(
            "RULE-001 Max contracts: when you hold more than 3 contracts (counting every open"
                + " contract, long or short), close contracts, largest position first, until you"
                + " hold 3 or fewer; at 3 contracts (80 %) you are warned once a day.",
            "RULE-002 Max contracts per instrument: at most 1 ES; a larger position is closed"
                + " entirely. Other products may hold at most 1 contract each. At 80 % of a"
                + " product's limit you are warned once a day.",
            "RULE-003 Daily realized loss: when today's gross realized P&L (fees not counted)"
                + " reaches -$1,250.50, close everything, cancel orders and lock the account until"
                + " 16:00 America/Chicago; at -$1,000.40 (80 %) you are warned once.",
            "RULE-004 Daily unrealized loss: when any one open position is down more than $300.00,"
                + " close that position; at $240.00 down (80 %) you are warned once a day.",
            "RULE-005 Max unrealized profit (breakeven): once a position has been up more than"
                + " $200.00, close that position when the gain falls back to $0.00 or less.",
            "RULE-006 Trade frequency: more than 1 trade in any hour stops trading for 90 seconds."
                + " At 80 % of a limit you are warned once a day. During a cooldown new orders are"
                + " cancelled and new positions closed.",
            "RULE-008 No stop-loss grace: 2 minutes after a position opens, a protective stop (a"
                + " stop, stop-limit or trailing stop on the closing side, beyond the entry price)"
                + " must be working, or the position is closed.",
            "RULE-009 Session hours: trading is allowed Sun–Thu 18:00–17:00 the next day"
                + " America/New_York. A position opened outside its product's session is closed,"
                + " that product's orders cancelled and the product locked until its session opens;"
                + " other products in their session stay tradable.",
            "RULE-011 Symbol blocks: RTY may not be traded: their orders are cancelled and their"
                + " positions closed; positions and orders already there when the block starts are"
                + " left alone, but may not be added to.",
            "RULE-012 Trade management: once a position is 8 ticks in profit, its stop moves to the"
                + " entry price plus 2 ticks in your favour (once). A position without a stop gets"
                + " one; a stop is never loosened.");
  }

  @Test
  void noEnabledRuleGivesNoSentence() throws IOException {
    assertThat(RuleDescriptions.describe(load("rules:\n  max_contracts: {enabled: false}\n")))
        .isEmpty();
  }

  @Test
  void totalScopeWithClosePositionSaysWhichPositionsEachRuleCloses() throws IOException {
    RiskguardConfig config =
        load(
            """
rules:
  daily_unrealized_loss: {limit: 300, scope: total, action: close_position}
  max_unrealized_profit: {target: 1000, scope: total, action: close_position}
""");
    assertThat(RuleDescriptions.describe(config))
        .containsExactly(
            "RULE-004 Daily unrealized loss: when your open positions together are down more than"
                + " $300.00, close the losing positions; at $240.00 down (80 %) you are warned once"
                + " a day.",
            "RULE-005 Max unrealized profit: when your open positions together are up more than"
                + " $1,000.00, close every open position (take the profit).");
  }
}
