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
import riskguard.engine.event.ContractEvent;
import riskguard.engine.event.PositionEvent;
import riskguard.engine.event.QuoteEvent;
import riskguard.engine.model.Contract;
import riskguard.engine.model.PositionType;

/** The engine with a small rule package of its own: routing, clock, valuation, live queues. */
class EngineTest {

  private static RulePackage rules;
  private final List<Decision> decisions = new CopyOnWriteArrayList<>();
  private final EnforcementService enforcement = new EnforcementService(decisions::add, actions -> { });
  private final EngineSettings settings = TestSettings.defaults();

  @BeforeAll
  static void compile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("test.drl"), """
        package test;
        import riskguard.engine.model.Position;
        import riskguard.engine.model.Valuation;
        global riskguard.engine.session.DecisionChannel decisions;

        rule "More than 2 contracts in one position: close it"
        when
            Position( size > 2, $c : contractId )
        then
            decisions.closePosition("TEST-SIZE", $c, "size");
        end

        rule "A position losing more than 100 dollars: close it"
        when
            Valuation( unrealizedPnl < -100, $c : contractId, $pnl : unrealizedPnl )
        then
            decisions.closePosition("TEST-LOSS", $c, "unrealized " + $pnl + " in " + $c);
        end
        """);
    rules = RulePackage.compile(dir);
  }

  private static PositionEvent position(String at, long account, String contract, int size, double price) {
    Instant ts = Instant.parse(at);
    return new PositionEvent(ts, account, 1, contract, ts, PositionType.LONG, size, price);
  }

  @Test
  void quotesValueOnlyThePositionsOfTheirContractInDollarsRoundedToCents() {
    try (Engine engine = Engine.replay(rules, settings, enforcement)) {
      engine.addContract(Contract.of("CON.F.US.MNQ.H25", "MNQH5", 0.25, 0.5, "F.US.MNQ"));
      engine.addContract(Contract.of("CON.F.US.EP.Z25", "ESZ5", 0.25, 12.5, "F.US.EP"));
      engine.apply(position("2025-03-10T14:30:00Z", 1, "CON.F.US.MNQ.H25", 2, 21000.0));
      engine.apply(position("2025-03-10T14:30:00Z", 2, "CON.F.US.EP.Z25", 1, 5800.0));

      engine.apply(new QuoteEvent(Instant.parse("2025-03-10T14:30:01Z"), "CON.F.US.MNQ.H25", 20975.0, null, null, null));
      assertThat(decisions).isEmpty();
      engine.apply(new QuoteEvent(Instant.parse("2025-03-10T14:30:02Z"), "CON.F.US.EP.Z25", null, 5797.75, 5798.0, null));

      assertThat(decisions).singleElement().satisfies(decision -> {
        assertThat(decision.accountId()).isEqualTo(2);
        assertThat(decision.reason()).isEqualTo("unrealized -112.5 in CON.F.US.EP.Z25");
      });
    }
  }

  @Test
  void aLateEventKeepsTheClockWhereItIs() {
    try (Engine engine = Engine.replay(rules, settings, enforcement)) {
      engine.apply(position("2025-03-10T14:30:05Z", 1, "CON.F.US.MNQ.H25", 1, 21000.0));
      engine.apply(position("2025-03-10T14:30:01Z", 1, "CON.F.US.MNQ.H25", 3, 21000.0));

      assertThat(decisions).singleElement().extracting(Decision::ts).hasToString("2025-03-10T14:30:05Z");
    }
  }

  @Test
  void metadataArrivingAfterThePositionValuesIt() {
    try (Engine engine = Engine.replay(rules, settings, enforcement)) {
      engine.apply(position("2025-03-10T14:30:00Z", 1, "CON.F.US.EP.Z25", 1, 5800.0));
      engine.apply(new QuoteEvent(Instant.parse("2025-03-10T14:30:01Z"), "CON.F.US.EP.Z25", 5790.0, null, null, null));
      assertThat(decisions).as("no tick value yet: no valuation, no breach").isEmpty();

      engine.apply(new ContractEvent(Instant.parse("2025-03-10T14:30:02Z"),
          Contract.of("CON.F.US.EP.Z25", "ESZ5", 0.25, 12.5, "F.US.EP")));

      assertThat(decisions).singleElement().extracting(Decision::rule).isEqualTo("TEST-LOSS");
    }
  }

  @Test
  void theLiveEngineRunsEachAccountOnItsOwnQueue() throws Exception {
    try (Engine engine = Engine.live(rules, settings, enforcement)) {
      for (long account = 1; account <= 3; account++) {
        engine.apply(position("2025-03-10T14:30:00Z", account, "CON.F.US.MNQ.H25", 1, 21000.0));
        engine.apply(position("2025-03-10T14:30:01Z", account, "CON.F.US.MNQ.H25", 3, 21000.0));
      }
      engine.awaitIdle();

      assertThat(decisions).extracting(Decision::accountId).containsExactlyInAnyOrder(1L, 2L, 3L);
      assertThat(engine.accounts()).containsExactlyInAnyOrder(1L, 2L, 3L);
    }
  }
}
