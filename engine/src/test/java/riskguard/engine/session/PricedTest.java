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
import riskguard.engine.event.PositionEvent;
import riskguard.engine.event.QuoteEvent;
import riskguard.engine.model.Contract;
import riskguard.engine.model.PositionType;

/**
 * A valued position has a {@code Priced} next to its {@code Valuation}: it comes with the first
 * price, follows the position turning around, leaves with it, and quotes leave it alone.
 */
class PricedTest {

  private static final String MNQ = "CON.F.US.MNQ.H25";
  private static RulePackage rules;
  private final List<Decision> decisions = new CopyOnWriteArrayList<>();
  private final EnforcementService enforcement = new EnforcementService(decisions::add, actions -> { });

  @BeforeAll
  static void compile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("test.drl"), """
        package test;
        import riskguard.engine.model.Position;
        import riskguard.engine.model.Priced;
        global riskguard.engine.session.DecisionChannel decisions;

        rule "Priced: say which side, each time it is inserted or changed"
        when
            Priced( $c : contractId, $type : type, $tick : tickSize )
        then
            decisions.warn("TEST-PRICED", 1, $c + " " + $type + " tick " + $tick);
        end

        rule "A position without a Priced"
        when
            Position( $c : contractId )
            not Priced( contractId == $c )
        then
            decisions.warn("TEST-UNPRICED", 1, $c);
        end
        """);
    rules = RulePackage.compile(dir);
  }

  private static PositionEvent position(String at, PositionType type, int size) {
    Instant ts = Instant.parse(at);
    return new PositionEvent(ts, 1, 1, MNQ, ts, type, size, 21000.0);
  }

  private static QuoteEvent quote(String at, double price) {
    return new QuoteEvent(Instant.parse(at), MNQ, price, null, null, Instant.parse(at));
  }

  private List<String> said() {
    return decisions.stream().map(decision -> decision.rule() + " " + decision.reason()).toList();
  }

  @Test
  void comesWithTheFirstPriceFollowsATurnAroundLeavesWithThePositionAndQuotesLeaveItAlone() {
    try (Engine engine = Engine.replay(rules, TestSettings.defaults(), enforcement)) {
      engine.addContract(Contract.of(MNQ, "MNQH5", 0.25, 0.5, "F.US.MNQ"));
      engine.apply(position("2025-03-10T14:30:00Z", PositionType.LONG, 2));
      assertThat(said()).as("no quote yet").containsExactly("TEST-UNPRICED " + MNQ);

      engine.apply(quote("2025-03-10T14:30:01Z", 21001.0));
      engine.apply(quote("2025-03-10T14:30:02Z", 21002.0));
      engine.apply(quote("2025-03-10T14:30:03Z", 20990.0));
      assertThat(said()).as("inserted at the first price, untouched by the next quotes")
          .containsExactly("TEST-UNPRICED " + MNQ, "TEST-PRICED " + MNQ + " LONG tick 0.25");

      engine.apply(position("2025-03-10T14:30:04Z", PositionType.SHORT, 1));
      assertThat(said()).as("the position turned around").hasSize(3)
          .last().isEqualTo("TEST-PRICED " + MNQ + " SHORT tick 0.25");

      engine.apply(position("2025-03-10T14:30:05Z", PositionType.SHORT, 0));
      engine.apply(position("2025-03-10T14:30:06Z", PositionType.LONG, 1));
      assertThat(said()).as("closed, then opened again: priced at once from the last quote").hasSize(4)
          .last().isEqualTo("TEST-PRICED " + MNQ + " LONG tick 0.25");
    }
  }
}
