package riskguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static riskguard.rules.Scenario.ES;
import static riskguard.rules.Scenario.MNQ;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import riskguard.config.BreachAction;
import riskguard.config.CooldownAfterLoss;
import riskguard.config.CountType;
import riskguard.config.DailyRealizedLoss;
import riskguard.config.DailyUnrealizedLoss;
import riskguard.config.LimitAction;
import riskguard.config.LossThreshold;
import riskguard.config.MaxContracts;
import riskguard.config.MaxContractsPerInstrument;
import riskguard.config.PnlBasis;
import riskguard.config.Scope;
import riskguard.config.TradeFrequency;
import riskguard.config.UnknownSymbolAction;
import riskguard.engine.enforcement.Action;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.model.Lockout;
import riskguard.engine.model.PositionType;

/**
 * Several rules breaching on one event (RULES.md "Rule precedence"): every rule's decision
 * is recorded, and the gateway is handed the merged actions — close-all beats close-one
 * beats reduce, the later-ending lockout wins.
 */
class RulePrecedenceTest {

  private static final MaxContractsPerInstrument MNQ_LIMIT_2 = new MaxContractsPerInstrument(
      Map.of("MNQ", 2), LimitAction.REDUCE_TO_LIMIT, UnknownSymbolAction.ALLOW_UNLIMITED, null);

  @Test
  void closeAllAndLockoutBeatAReduceOnOnePositionEvent() {
    try (Scenario day = new Scenario(
        new MaxContracts(5, CountType.NET, LimitAction.CLOSE_ALL),
        MNQ_LIMIT_2,
        new DailyUnrealizedLoss(300, Scope.TOTAL, BreachAction.CLOSE_ALL_AND_LOCKOUT))) {
      day.quote("2025-03-10T14:29:00Z", ES, 5800.0)
          .quote("2025-03-10T14:29:00Z", MNQ, 20900.0)
          .position("2025-03-10T14:30:00Z", ES, PositionType.LONG, 3, 5800.0);
      assertThat(day.decisions).isEmpty();

      day.position("2025-03-10T14:30:01Z", MNQ, PositionType.LONG, 3, 21000.0);

      assertThat(day.decisions).as("every decision recorded").extracting(Decision::rule, Decision::action)
          .containsExactlyInAnyOrder(
              tuple("RULE-001", Action.CLOSE_ALL),
              tuple("RULE-002", Action.REDUCE_POSITION),
              tuple("RULE-004", Action.CLOSE_ALL),
              tuple("RULE-004", Action.CANCEL_ALL_ORDERS),
              tuple("RULE-004", Action.LOCKOUT));
      assertThat(day.decisions).allSatisfy(decision -> assertThat(decision.ts()).hasToString("2025-03-10T14:30:01Z"));
      assertThat(day.decisions("RULE-002")).singleElement().extracting(Decision::size).isEqualTo(1);
      assertThat(day.decisions("RULE-004").get(0).reason()).isEqualTo("total unrealized -600.00 < -300.00");

      assertThat(day.executed).as("one firing, one merged hand-over").singleElement().satisfies(merged ->
          assertThat(merged).extracting(Decision::action)
              .containsExactly(Action.CLOSE_ALL, Action.CANCEL_ALL_ORDERS, Action.LOCKOUT));
    }
  }

  @Test
  void closeAllBeatsClosingOnePosition() {
    MaxContractsPerInstrument closeMnqAbove2 = new MaxContractsPerInstrument(
        Map.of("MNQ", 2), LimitAction.CLOSE_ALL, UnknownSymbolAction.ALLOW_UNLIMITED, null);
    try (Scenario day = new Scenario(new MaxContracts(5, CountType.GROSS, LimitAction.CLOSE_ALL), closeMnqAbove2)) {
      day.position("2025-03-10T14:30:00Z", ES, PositionType.LONG, 3, 5800.0)
          .position("2025-03-10T14:30:01Z", MNQ, PositionType.LONG, 3, 21000.0);

      assertThat(day.decisions).extracting(Decision::rule, Decision::action).containsExactlyInAnyOrder(
          tuple("RULE-001", Action.CLOSE_ALL), tuple("RULE-002", Action.CLOSE_POSITION));
      assertThat(day.executed).singleElement().satisfies(merged ->
          assertThat(merged).extracting(Decision::rule, Decision::action)
              .containsExactly(tuple("RULE-001", Action.CLOSE_ALL)));
    }
  }

  @Test
  void closingAPositionBeatsReducingItAndTheLargestReduceBeatsASmallerOne() {
    Object[] sizeRules = {new MaxContracts(4, CountType.GROSS, LimitAction.REDUCE_TO_LIMIT), MNQ_LIMIT_2};
    try (Scenario reduces = new Scenario(sizeRules);
        Scenario withLossRule = new Scenario(
            sizeRules[0], sizeRules[1], new DailyUnrealizedLoss(300, Scope.PER_POSITION, BreachAction.CLOSE_POSITION))) {
      for (Scenario day : List.of(reduces, withLossRule)) {
        day.quote("2025-03-10T14:29:00Z", MNQ, 20900.0)
            .position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 5, 21000.0);
      }

      assertThat(reduces.decisions).extracting(Decision::rule, Decision::action, Decision::size)
          .containsExactlyInAnyOrder(
              tuple("RULE-001", Action.REDUCE_POSITION, 1),
              tuple("RULE-002", Action.REDUCE_POSITION, 3));
      assertThat(reduces.executed).singleElement().satisfies(merged ->
          assertThat(merged).singleElement().satisfies(reduce -> {
            assertThat(reduce.rule()).isEqualTo("RULE-002");
            assertThat(reduce.size()).isEqualTo(3);
          }));

      assertThat(withLossRule.decisions).extracting(Decision::rule)
          .containsExactlyInAnyOrder("RULE-001", "RULE-002", "RULE-004");
      assertThat(withLossRule.executed).singleElement().satisfies(merged ->
          assertThat(merged).singleElement().satisfies(close -> {
            assertThat(close.action()).isEqualTo(Action.CLOSE_POSITION);
            assertThat(close.contractId()).isEqualTo(MNQ);
            assertThat(close.reason()).isEqualTo("unrealized -1000.00 < -300.00");
          }));
    }
  }

  @Test
  void ofALockoutUntilTheResetAndACooldownTheLaterEndingWins() {
    CooldownAfterLoss thirtyMinutes = new CooldownAfterLoss(List.of(new LossThreshold(300, 1800)));
    try (Scenario morning = new Scenario(PnlBasis.GROSS, new DailyRealizedLoss(500), thirtyMinutes);
        Scenario lateAfternoon = new Scenario(PnlBasis.GROSS, new DailyRealizedLoss(500), thirtyMinutes)) {
      morning.trade("2025-03-10T14:30:00Z", 1, MNQ, -600.0, 0.0);
      lateAfternoon.trade("2025-03-10T20:45:00Z", 1, MNQ, -600.0, 0.0);

      for (Scenario day : List.of(morning, lateAfternoon)) {
        assertThat(day.decisions).extracting(Decision::action).contains(Action.LOCKOUT, Action.COOLDOWN);
      }
      assertThat(lastLockout(morning)).as("reset 21:00 is later than 15:00").satisfies(lockout -> {
        assertThat(lockout.rule()).isEqualTo("RULE-003");
        assertThat(lockout.until()).hasToString("2025-03-10T21:00:00Z");
      });
      assertThat(lastLockout(lateAfternoon)).as("21:15 is later than the 21:00 reset").satisfies(cooldown -> {
        assertThat(cooldown.rule()).isEqualTo("RULE-007");
        assertThat(cooldown.until()).hasToString("2025-03-10T21:15:00Z");
      });
    }
  }

  private static Decision lastLockout(Scenario day) {
    List<Decision> merged = day.executed.get(day.executed.size() - 1);
    List<Decision> lockouts = merged.stream()
        .filter(decision -> decision.action() == Action.LOCKOUT || decision.action() == Action.COOLDOWN)
        .toList();
    assertThat(lockouts).as("one lockout handed to the gateway").hasSize(1);
    return lockouts.get(0);
  }

  @Test
  void twoCooldownsOnOneTradeAreBothRecordedAndTheLaterEndingIsHandedOver() {
    CooldownAfterLoss thirtyMinutes = new CooldownAfterLoss(List.of(new LossThreshold(300, 1800)));
    TradeFrequency threeAMinute = new TradeFrequency(3, null, null, 60, 1800, 3600);
    try (Scenario day = new Scenario(threeAMinute, thirtyMinutes)) {
      day.trade("2025-03-10T14:30:00Z", 1, MNQ, null, 0.74)
          .trade("2025-03-10T14:30:10Z", 2, MNQ, null, 0.74)
          .trade("2025-03-10T14:30:20Z", 3, MNQ, null, 0.74);
      day.decisions.clear();
      day.executed.clear();

      day.trade("2025-03-10T14:30:30Z", 4, MNQ, -350.0, 0.74);

      assertThat(day.decisions).as("every decision recorded").extracting(Decision::rule, Decision::action, Decision::until)
          .containsExactlyInAnyOrder(
              tuple("RULE-006", Action.COOLDOWN, Instant.parse("2025-03-10T14:31:30Z")),
              tuple("RULE-007", Action.COOLDOWN, Instant.parse("2025-03-10T15:00:30Z")));
      assertThat(day.executed).singleElement().satisfies(merged ->
          assertThat(merged).extracting(Decision::rule, Decision::action)
              .containsExactly(tuple("RULE-007", Action.COOLDOWN)));
      assertThat(day.lockouts()).singleElement().extracting(Lockout::rule, Lockout::endsAt)
          .containsExactly("RULE-007", Instant.parse("2025-03-10T15:00:30Z"));
    }
  }

  @Test
  void aShorterCooldownDecidedOnTheSameTradeAsALongerOneIsRecordedToo() {
    CooldownAfterLoss thirtyMinutes = new CooldownAfterLoss(List.of(new LossThreshold(300, 1800)));
    TradeFrequency threeADay = new TradeFrequency(null, null, 3, 60, 1800, 3600);
    try (Scenario day = new Scenario(threeADay, thirtyMinutes)) {
      day.trade("2025-03-10T14:00:00Z", 1, MNQ, null, 0.74)
          .trade("2025-03-10T14:10:00Z", 2, MNQ, null, 0.74)
          .trade("2025-03-10T14:20:00Z", 3, MNQ, null, 0.74);
      day.decisions.clear();
      day.executed.clear();

      day.trade("2025-03-10T14:30:00Z", 4, MNQ, -350.0, 0.74);

      assertThat(day.decisions).as("every decision recorded")
          .filteredOn(decision -> decision.action() != Action.WARNING)
          .extracting(Decision::rule, Decision::action, Decision::until)
          .containsExactlyInAnyOrder(
              tuple("RULE-006", Action.COOLDOWN, Instant.parse("2025-03-10T15:30:00Z")),
              tuple("RULE-007", Action.COOLDOWN, Instant.parse("2025-03-10T15:00:00Z")));
      assertThat(day.executed).singleElement().satisfies(merged ->
          assertThat(merged).extracting(Decision::rule, Decision::action)
              .containsExactly(tuple("RULE-006", Action.COOLDOWN)));
      assertThat(day.lockouts()).singleElement().extracting(Lockout::rule, Lockout::endsAt)
          .containsExactly("RULE-006", Instant.parse("2025-03-10T15:30:00Z"));
    }
  }
}
