package riskguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static riskguard.rules.Scenario.ES;
import static riskguard.rules.Scenario.MNQ;
import static riskguard.rules.Scenario.MNQ_JUNE;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import riskguard.config.CountType;
import riskguard.config.LimitAction;
import riskguard.config.MaxContracts;
import riskguard.engine.enforcement.Action;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.model.PositionType;

/** RULE-001 with the numbers of RULES.md, through the shipped rules and the real engine. */
class MaxContractsRuleTest {

  private static final String RULE = "RULE-001";

  /** What RULE-001 decided, its warnings left out (they are tested on their own). */
  private static List<Decision> decided(Scenario day) {
    return day.decisions(RULE).stream().filter(decision -> decision.action() != Action.WARNING).toList();
  }

  @Test
  void fiveContractsAtALimitOfFiveAreFineAndASixthBreaches() {
    try (Scenario day = new Scenario(new MaxContracts(5, CountType.NET, LimitAction.CLOSE_ALL))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 3, 21000.0)
          .position("2025-03-10T14:30:01Z", ES, PositionType.LONG, 2, 5800.0);
      assertThat(day.actions(RULE)).as("5 of 5 is at the limit: only the 80 % warning").containsExactly(Action.WARNING);

      day.position("2025-03-10T14:30:02Z", ES, PositionType.LONG, 3, 5800.0);

      assertThat(decided(day)).singleElement().satisfies(decision -> {
        assertThat(decision.action()).isEqualTo(Action.CLOSE_ALL);
        assertThat(decision.ts()).hasToString("2025-03-10T14:30:02Z");
        assertThat(decision.reason()).isEqualTo("NET contracts 6 > limit 5");
      });
    }
  }

  @Test
  void netCountOffsetsLongsAgainstShortsInOneRootWhileGrossAddsThem() {
    try (Scenario net = new Scenario(new MaxContracts(5, CountType.NET, LimitAction.CLOSE_ALL));
        Scenario gross = new Scenario(new MaxContracts(10, CountType.GROSS, LimitAction.CLOSE_ALL))) {
      for (Scenario day : new Scenario[] {net, gross}) {
        day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 5, 21000.0)
            .position("2025-03-10T14:30:01Z", MNQ_JUNE, PositionType.SHORT, 3, 21100.0)
            .position("2025-03-10T14:30:02Z", ES, PositionType.LONG, 3, 5800.0);
      }

      assertThat(decided(net)).as("MNQ long 5 / short 3 nets to 2, plus ES 3: at the limit").isEmpty();
      assertThat(net.decisions(RULE)).singleElement().extracting(Decision::reason)
          .isEqualTo("NET contracts 5 of limit 5: 80 % of the limit reached");
      assertThat(decided(gross)).singleElement()
          .extracting(Decision::reason).isEqualTo("GROSS contracts 11 > limit 10");
    }
  }

  /** RULES.md's example (limit 3: MNQ 2 + ES 3 → close 2 ES), counted either way: all long, so the counts agree. */
  @ParameterizedTest
  @EnumSource(CountType.class)
  void reduceToLimitClosesTheLargestPositionFirstWithAPartialClose(CountType counted) {
    try (Scenario day = new Scenario(new MaxContracts(3, counted, LimitAction.REDUCE_TO_LIMIT))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 2, 21000.0)
          .position("2025-03-10T14:30:01Z", ES, PositionType.LONG, 3, 5800.0);

      assertThat(decided(day)).singleElement().satisfies(decision -> {
        assertThat(decision.action()).isEqualTo(Action.REDUCE_POSITION);
        assertThat(decision.contractId()).isEqualTo(ES);
        assertThat(decision.size()).isEqualTo(2);
        assertThat(decision.reason()).isEqualTo(counted + " contracts 5 > limit 3");
      });
      assertThat(day.lockouts()).isEmpty();
    }
  }

  @Test
  void reduceToLimitClosesTheWholeLargestPositionWhenThatIsExactlyTheExcess() {
    try (Scenario day = new Scenario(new MaxContracts(2, CountType.GROSS, LimitAction.REDUCE_TO_LIMIT))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 2, 21000.0)
          .position("2025-03-10T14:30:01Z", ES, PositionType.LONG, 3, 5800.0);

      assertThat(decided(day)).singleElement().satisfies(decision -> {
        assertThat(decision.action()).isEqualTo(Action.CLOSE_POSITION);
        assertThat(decision.contractId()).isEqualTo(ES);
      });
    }
  }

  @Test
  void aBreachBeingClosedIsNotDecidedAgainOnLaterEventsUntilItTakesEffect() {
    try (Scenario day = new Scenario(new MaxContracts(5, CountType.NET, LimitAction.CLOSE_ALL))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 3, 21000.0)
          .position("2025-03-10T14:30:01Z", ES, PositionType.LONG, 3, 5800.0)
          .quote("2025-03-10T14:30:02Z", MNQ, 21001.0)
          .quote("2025-03-10T14:30:03Z", ES, 5801.0)
          .position("2025-03-10T14:30:04Z", ES, PositionType.LONG, 4, 5800.0);
      assertThat(decided(day)).hasSize(1);

      day.flat("2025-03-10T14:30:05Z", MNQ).flat("2025-03-10T14:30:05Z", ES)
          .position("2025-03-10T14:31:00Z", ES, PositionType.LONG, 6, 5800.0);

      assertThat(decided(day)).as("a new breach after the close took effect").hasSize(2);
    }
  }

  @Test
  void aFailedCloseLetsTheRuleDecideAgain() {
    try (Scenario day = new Scenario(new MaxContracts(5, CountType.NET, LimitAction.CLOSE_ALL))) {
      day.position("2025-03-10T14:30:00Z", ES, PositionType.LONG, 6, 5800.0);
      Decision first = day.decisions(RULE).get(0);

      day.engine().enforcementResult(Scenario.ACCOUNT, first.id(), false);

      assertThat(day.decisions(RULE)).hasSize(2);
      assertThat(day.decisions(RULE).get(1).id()).isNotEqualTo(first.id());
    }
  }

  @Test
  void anEsPositionCountsUnderEsThroughItsContractNameNotItsGatewayCode() {
    try (Scenario day = new Scenario(new MaxContracts(1, CountType.NET, LimitAction.CLOSE_ALL))) {
      day.position("2025-03-10T14:30:00Z", ES, PositionType.LONG, 1, 5800.0)
          .position("2025-03-10T14:30:01Z", "CON.F.US.EP.H26", PositionType.SHORT, 1, 5850.0);

      assertThat(decided(day))
          .as("ESZ5 and EP.H26 (no metadata: gateway code EP → ES) net to 0 in root ES").isEmpty();
    }
  }

  @Test
  void aBreachLocksNothingOutAndTheAccountTradesAgainWithinTheLimitAtOnce() {
    try (Scenario day = new Scenario(new MaxContracts(5, CountType.NET, LimitAction.CLOSE_ALL))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 3, 21000.0)
          .position("2025-03-10T14:30:01Z", ES, PositionType.LONG, 3, 5800.0);
      assertThat(day.actions(RULE)).as("from 3 straight to 6: the breach, no warning").containsExactly(Action.CLOSE_ALL);
      assertThat(day.lockouts()).as("no lockout").isEmpty();

      day.flat("2025-03-10T14:30:02Z", MNQ).flat("2025-03-10T14:30:02Z", ES)
          .position("2025-03-10T14:31:00Z", MNQ, PositionType.LONG, 3, 21000.0)
          .position("2025-03-10T14:31:01Z", ES, PositionType.LONG, 2, 5800.0);

      assertThat(day.decisions).as("5 again, at the limit: the 80 % warning, nothing from the lockout guard")
          .extracting(Decision::rule, Decision::action)
          .containsExactly(tuple(RULE, Action.CLOSE_ALL), tuple(RULE, Action.WARNING));
    }
  }

  @Test
  void atFourContractsOfFiveTheTraderIsWarnedOnceADayAndNothingIsDone() {
    try (Scenario day = new Scenario(new MaxContracts(5, CountType.NET, LimitAction.CLOSE_ALL))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 3, 21000.0);
      assertThat(day.decisions(RULE)).as("3 of 5").isEmpty();

      day.position("2025-03-10T14:30:01Z", ES, PositionType.LONG, 1, 5800.0);

      assertThat(day.decisions(RULE)).singleElement().satisfies(warning -> {
        assertThat(warning.action()).isEqualTo(Action.WARNING);
        assertThat(warning.level()).isEqualTo(80);
        assertThat(warning.ts()).hasToString("2025-03-10T14:30:01Z");
        assertThat(warning.reason()).isEqualTo("NET contracts 4 of limit 5: 80 % of the limit reached");
      });
      assertThat(day.executed).last().satisfies(merged ->
          assertThat(merged).extracting(Decision::action).containsExactly(Action.WARNING));
      assertThat(day.lockouts()).isEmpty();

      day.position("2025-03-10T14:31:00Z", ES, PositionType.LONG, 2, 5800.0)
          .flat("2025-03-10T14:32:00Z", ES)
          .position("2025-03-10T14:33:00Z", ES, PositionType.LONG, 1, 5800.0);
      assertThat(day.decisions(RULE)).as("once per trading day").hasSize(1);

      day.position("2025-03-10T21:30:00Z", ES, PositionType.LONG, 2, 5800.0);

      assertThat(day.decisions(RULE)).as("the 4 still held warn again when the 17:00 New York reset begins a new day")
          .hasSize(2).last().extracting(Decision::action, Decision::ts, Decision::reason)
          .containsExactly(Action.WARNING, Instant.parse("2025-03-10T21:00:00Z"),
              "NET contracts 4 of limit 5: 80 % of the limit reached");
    }
  }
}
