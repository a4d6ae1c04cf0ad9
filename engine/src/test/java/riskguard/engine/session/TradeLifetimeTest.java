package riskguard.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.enforcement.EnforcementService;
import riskguard.engine.event.ClockTick;
import riskguard.engine.event.TradeEvent;
import riskguard.engine.model.OrderSide;

/**
 * A trade has no expiry of its own: it stays in working memory through the trading day after its
 * own and leaves at the reset that ends that day. The trading day resets at 17:00 New York
 * (21:00 UTC in March 2025).
 */
class TradeLifetimeTest {

  private static final String MNQ = "CON.F.US.MNQ.H25";
  private final List<Decision> decisions = new CopyOnWriteArrayList<>();
  private final EnforcementService enforcement = new EnforcementService(decisions::add, actions -> { });

  private static RulePackage compile(Path dir, String rules) throws Exception {
    Files.writeString(dir.resolve("test.drl"), rules);
    return RulePackage.compile(dir);
  }

  private static TradeEvent trade(String at, long id, boolean voided) {
    Instant ts = Instant.parse(at);
    return new TradeEvent(ts, 1, id, MNQ, ts, 21000.0, null, 0.0, OrderSide.BUY, 1, voided, null);
  }

  private List<String> said() {
    return decisions.stream().map(Decision::reason).toList();
  }

  @Test
  void aTradeStaysThroughTheNextTradingDayAndLeavesAtTheResetThatEndsIt(@TempDir Path dir) throws Exception {
    RulePackage rules = compile(dir, """
        package test;
        import riskguard.engine.model.Trade;
        global riskguard.engine.session.DecisionChannel decisions;

        rule "Say how many trades working memory holds"
        when
            accumulate( Trade(); $held : count() )
        then
            decisions.warn("TEST-TRADES", 1, $held + " held");
        end
        """);
    try (Engine engine = Engine.replay(rules, TestSettings.defaults(), enforcement)) {
      engine.apply(trade("2025-03-10T14:30:00Z", 1, false));
      engine.apply(trade("2025-03-11T14:30:00Z", 2, false));
      engine.apply(new ClockTick(Instant.parse("2025-03-11T20:59:59Z")));
      assertThat(said()).as("the trading day of 10 March is over; its trade is still held 30 hours later")
          .containsExactly("1 held", "2 held");

      engine.apply(new ClockTick(Instant.parse("2025-03-11T21:00:00Z")));
      assertThat(said()).as("the reset that ends the trading day of 11 March").containsExactly("1 held", "2 held", "1 held");
    }
  }

  @Test
  void aTradeThatDroolsExpiredForAPackageWithOnlyWindowsCanStillBeVoidedAndForgotten(@TempDir Path dir)
      throws Exception {
    RulePackage rules = compile(dir, """
        package test;
        import riskguard.engine.model.Trade;
        global riskguard.engine.session.DecisionChannel decisions;

        rule "Say how many trades the last minute holds"
        when
            accumulate( Trade( voided == false ) over window:time( 60s ); $lastMinute : count() )
        then
            decisions.warn("TEST-MINUTE", 1, $lastMinute + " in the minute");
        end
        """);
    try (Engine engine = Engine.replay(rules, TestSettings.defaults(), enforcement)) {
      engine.apply(trade("2025-03-10T14:30:00Z", 1, false));
      engine.apply(trade("2025-03-10T14:35:00Z", 1, true));
      engine.apply(new ClockTick(Instant.parse("2025-03-12T21:00:00Z")));
      engine.apply(trade("2025-03-12T21:00:01Z", 2, false));
      assertThat(said()).as("the void and the resets after Drools expired the trade change nothing else")
          .containsExactly("1 in the minute", "0 in the minute", "1 in the minute");
    }
  }
}
