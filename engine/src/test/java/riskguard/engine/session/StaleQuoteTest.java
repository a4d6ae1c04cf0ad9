package riskguard.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.enforcement.EnforcementService;
import riskguard.engine.event.ClockTick;
import riskguard.engine.event.PositionEvent;
import riskguard.engine.event.QuoteEvent;
import riskguard.engine.model.Contract;
import riskguard.engine.model.PositionType;

/**
 * The engine judges a valuation's quote stale (older than max_quote_age_seconds, 10 s here) on
 * the session clock when it values the position, so a rule reading {@code stale} fires when it
 * turns true, and again for a newer quote that is stale too, but not as a quote ages unused.
 */
class StaleQuoteTest {

  private static final String MNQ = "CON.F.US.MNQ.H25";
  private static RulePackage rules;
  private final List<Decision> decisions = new CopyOnWriteArrayList<>();
  private final EnforcementService enforcement = new EnforcementService(decisions::add, actions -> { });

  @BeforeAll
  static void compile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("test.drl"), """
        package test;
        import riskguard.engine.model.Valuation;
        global riskguard.engine.session.DecisionChannel decisions;

        rule "A position valued on a stale quote"
        when
            Valuation( stale == true, $c : contractId, $t : quoteTime )
        then
            decisions.warn("TEST-STALE", 1, "quote of " + $t);
        end
        """);
    rules = RulePackage.compile(dir);
  }

  private static PositionEvent position(String at, int size) {
    Instant ts = Instant.parse(at);
    return new PositionEvent(ts, 1, 1, MNQ, ts, PositionType.LONG, size, 21000.0);
  }

  private static QuoteEvent quote(String at, double price, String quoteTime) {
    return new QuoteEvent(Instant.parse(at), MNQ, price, null, null, Instant.parse(quoteTime));
  }

  private List<String> said() {
    return decisions.stream().map(Decision::reason).toList();
  }

  @Test
  void aQuoteIsJudgedStaleWhenItValuesThePositionNotAsItAges() {
    try (Engine engine = Engine.replay(rules, TestSettings.defaults(), enforcement)) {
      engine.addContract(Contract.of(MNQ, "MNQH5", 0.25, 0.5, "F.US.MNQ"));
      engine.apply(position("2025-03-10T14:30:00Z", 2));
      engine.apply(quote("2025-03-10T14:30:01Z", 21001.0, "2025-03-10T14:30:01Z"));
      assertThat(said()).as("a fresh quote").isEmpty();

      engine.apply(quote("2025-03-10T14:30:30Z", 21002.0, "2025-03-10T14:30:05Z"));
      assertThat(said()).as("25 s old when it arrived").containsExactly("quote of 2025-03-10T14:30:05Z");

      engine.apply(quote("2025-03-10T14:30:35Z", 21003.0, "2025-03-10T14:30:10Z"));
      assertThat(said()).as("a newer quote, stale too").hasSize(2).last().isEqualTo("quote of 2025-03-10T14:30:10Z");

      engine.apply(quote("2025-03-10T14:30:40Z", 21004.0, "2025-03-10T14:30:39Z"));
      engine.apply(new ClockTick(Instant.parse("2025-03-10T14:31:00Z")));
      assertThat(said()).as("fresh again, then only aging on the clock").hasSize(2);

      engine.apply(position("2025-03-10T14:31:00Z", 3));
      assertThat(said()).as("the position change values it again, 21 s old").hasSize(3)
          .last().isEqualTo("quote of 2025-03-10T14:30:39Z");
    }
  }
}
