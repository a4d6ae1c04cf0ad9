package riskguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static riskguard.rules.Scenario.ES;
import static riskguard.rules.Scenario.MNQ;
import static riskguard.rules.Scenario.MNQ_JUNE;
import static riskguard.rules.Scenario.NQ;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import riskguard.config.LimitAction;
import riskguard.config.MaxContractsPerInstrument;
import riskguard.config.UnknownSymbolAction;
import riskguard.engine.enforcement.Action;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.model.Contract;
import riskguard.engine.model.PositionType;

/** RULE-002 with the numbers of RULES.md, through the shipped rules and the real engine. */
class MaxContractsPerInstrumentRuleTest {

  private static final String RULE = "RULE-002";
  private static final String GOLD = "CON.F.US.GCE.Z25";
  private static final String RTY = "CON.F.US.RTY.H25";

  /** What RULE-002 decided, its warnings left out (they are tested on their own). */
  private static List<Decision> decided(Scenario day) {
    return day.decisions(RULE).stream().filter(decision -> decision.action() != Action.WARNING).toList();
  }

  private static List<String> warnings(Scenario day) {
    return day.decisions(RULE).stream()
        .filter(decision -> decision.action() == Action.WARNING)
        .map(decision -> decision.level() + "|" + decision.ts() + "|" + decision.reason())
        .toList();
  }

  private static MaxContractsPerInstrument limits(LimitAction action, UnknownSymbolAction unknown, Integer unknownLimit) {
    return new MaxContractsPerInstrument(Map.of("MNQ", 2, "ES", 1, "NQ", 1), action, unknown, unknownLimit);
  }

  private static MaxContractsPerInstrument reduce() {
    return limits(LimitAction.REDUCE_TO_LIMIT, UnknownSymbolAction.ALLOW_UNLIMITED, null);
  }

  @Test
  void sizeThreeOverALimitOfTwoClosesOneContract() {
    try (Scenario day = new Scenario(reduce())) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 2, 21000.0);
      assertThat(day.actions(RULE)).as("at the limit: only the 80 % warning").containsExactly(Action.WARNING);

      day.position("2025-03-10T14:30:01Z", MNQ, PositionType.LONG, 3, 21000.0);

      assertThat(decided(day)).singleElement().satisfies(decision -> {
        assertThat(decision.action()).isEqualTo(Action.REDUCE_POSITION);
        assertThat(decision.contractId()).isEqualTo(MNQ);
        assertThat(decision.size()).isEqualTo(1);
        assertThat(decision.ts()).hasToString("2025-03-10T14:30:01Z");
        assertThat(decision.reason()).isEqualTo("MNQ position 3 > limit 2");
      });
    }
  }

  @Test
  void aShortPositionIsLimitedLikeALongOne() {
    try (Scenario day = new Scenario(reduce())) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.SHORT, 5, 21000.0);

      assertThat(day.decisions(RULE)).singleElement().satisfies(decision -> {
        assertThat(decision.action()).isEqualTo(Action.REDUCE_POSITION);
        assertThat(decision.size()).isEqualTo(3);
      });
    }
  }

  @Test
  void closeAllClosesThatInstrumentsPositionOnly() {
    try (Scenario day = new Scenario(limits(LimitAction.CLOSE_ALL, UnknownSymbolAction.ALLOW_UNLIMITED, null))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 1, 21000.0)
          .position("2025-03-10T14:30:01Z", ES, PositionType.LONG, 2, 5800.0);

      assertThat(day.decisions(RULE)).singleElement().satisfies(decision -> {
        assertThat(decision.action()).isEqualTo(Action.CLOSE_POSITION);
        assertThat(decision.contractId()).isEqualTo(ES);
        assertThat(decision.reason()).isEqualTo("ES position 2 > limit 1");
      });
    }
  }

  @Test
  void eachContractOfARootIsItsOwnPosition() {
    try (Scenario day = new Scenario(reduce())) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 2, 21000.0)
          .position("2025-03-10T14:30:01Z", MNQ_JUNE, PositionType.LONG, 2, 21100.0);

      assertThat(decided(day)).as("MNQ March 2 and MNQ June 2: each at the limit").isEmpty();
      assertThat(warnings(day)).as("one warning for the root")
          .containsExactly("80|2025-03-10T14:30:00Z|MNQ position 2 of limit 2: 80 % of the limit reached");
    }
  }

  @Test
  void esIsFoundForTheGatewaysEpContractAndNqForItsEnqContract() {
    try (Scenario day = new Scenario(reduce())) {
      day.position("2025-03-10T14:30:00Z", ES, PositionType.LONG, 2, 5800.0)
          .position("2025-03-10T14:30:01Z", NQ, PositionType.SHORT, 3, 21000.0);

      assertThat(day.decisions(RULE)).satisfiesExactly(
          es -> {
            assertThat(es.contractId()).isEqualTo("CON.F.US.EP.Z25");
            assertThat(es.size()).isEqualTo(1);
            assertThat(es.reason()).isEqualTo("ES position 2 > limit 1");
          },
          nq -> {
            assertThat(nq.contractId()).isEqualTo("CON.F.US.ENQ.H25");
            assertThat(nq.size()).isEqualTo(2);
            assertThat(nq.reason()).isEqualTo("NQ position 3 > limit 1");
          });
    }
  }

  @Test
  void contractMetadataArrivingAfterThePositionNamesItsRootAndTheLimitApplies() {
    MaxContractsPerInstrument goldLimit = new MaxContractsPerInstrument(
        Map.of("GC", 1), LimitAction.REDUCE_TO_LIMIT, UnknownSymbolAction.ALLOW_UNLIMITED, null);
    try (Scenario day = new Scenario(goldLimit)) {
      day.position("2025-03-10T14:30:00Z", GOLD, PositionType.LONG, 3, 2650.0);
      assertThat(day.decisions(RULE)).as("without metadata the root is GCE, which has no limit").isEmpty();

      day.contract("2025-03-10T14:30:02Z", Contract.of(GOLD, "GCZ5", 0.1, 10.0, "F.US.GCE"));

      assertThat(day.decisions(RULE)).singleElement().satisfies(decision -> {
        assertThat(decision.action()).isEqualTo(Action.REDUCE_POSITION);
        assertThat(decision.contractId()).isEqualTo(GOLD);
        assertThat(decision.size()).isEqualTo(2);
        assertThat(decision.reason()).isEqualTo("GC position 3 > limit 1");
        assertThat(decision.ts()).hasToString("2025-03-10T14:30:02Z");
      });
    }
  }

  @Test
  void unknownSymbolsBlockedAreClosedWhateverTheirSize() {
    try (Scenario day = new Scenario(limits(LimitAction.REDUCE_TO_LIMIT, UnknownSymbolAction.BLOCK, null))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 1, 21000.0)
          .position("2025-03-10T14:30:01Z", RTY, PositionType.LONG, 1, 2100.0);

      assertThat(day.decisions(RULE)).singleElement().satisfies(decision -> {
        assertThat(decision.action()).isEqualTo(Action.CLOSE_POSITION);
        assertThat(decision.contractId()).isEqualTo(RTY);
        assertThat(decision.reason()).isEqualTo("RTY position 1 > no limit set for RTY and unknown symbols are blocked");
      });
    }
  }

  @Test
  void unknownSymbolsAllowedWithALimitAreReducedToIt() {
    try (Scenario day = new Scenario(limits(LimitAction.REDUCE_TO_LIMIT, UnknownSymbolAction.ALLOW_WITH_LIMIT, 2))) {
      day.position("2025-03-10T14:30:00Z", RTY, PositionType.LONG, 2, 2100.0);
      assertThat(warnings(day)).containsExactly("80|2025-03-10T14:30:00Z|RTY position 2 of limit 2: 80 % of the limit reached");

      day.position("2025-03-10T14:30:01Z", RTY, PositionType.LONG, 4, 2100.0);

      assertThat(decided(day)).singleElement().satisfies(decision -> {
        assertThat(decision.action()).isEqualTo(Action.REDUCE_POSITION);
        assertThat(decision.size()).isEqualTo(2);
        assertThat(decision.reason()).isEqualTo("RTY position 4 > limit 2 for symbols without their own limit");
      });
    }
  }

  @Test
  void unknownSymbolsAllowedUnlimitedAreIgnored() {
    try (Scenario day = new Scenario(reduce())) {
      day.position("2025-03-10T14:30:00Z", RTY, PositionType.LONG, 40, 2100.0);

      assertThat(day.decisions(RULE)).isEmpty();
    }
  }

  @Test
  void aConfiguredLimitOfZeroClosesThePositionEvenWhenReducing() {
    MaxContractsPerInstrument noEs = new MaxContractsPerInstrument(
        Map.of("ES", 0), LimitAction.REDUCE_TO_LIMIT, UnknownSymbolAction.ALLOW_UNLIMITED, null);
    try (Scenario day = new Scenario(noEs)) {
      day.position("2025-03-10T14:30:00Z", ES, PositionType.LONG, 1, 5800.0);

      assertThat(day.actions(RULE)).containsExactly(Action.CLOSE_POSITION);
    }
  }

  @Test
  void aReductionBeingCarriedOutIsNotDecidedAgainUntilItTakesEffectAndNoLockoutIsSet() {
    try (Scenario day = new Scenario(reduce())) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 3, 21000.0)
          .quote("2025-03-10T14:30:01Z", MNQ, 21001.0)
          .position("2025-03-10T14:30:02Z", MNQ, PositionType.LONG, 3, 21000.5);
      assertThat(decided(day)).hasSize(1);

      day.position("2025-03-10T14:30:03Z", MNQ, PositionType.LONG, 2, 21000.5)
          .position("2025-03-10T14:31:00Z", MNQ, PositionType.LONG, 4, 21000.5);

      assertThat(decided(day)).as("a new breach after the reduction took effect").hasSize(2);
      assertThat(decided(day).get(1).size()).isEqualTo(2);
      assertThat(day.lockouts()).isEmpty();
    }
  }

  @Test
  void atEightyPercentOfItsRootsLimitAPositionWarnsOncePerRootAndTradingDay() {
    MaxContractsPerInstrument mnq5Es1 = new MaxContractsPerInstrument(
        Map.of("MNQ", 5, "ES", 1), LimitAction.REDUCE_TO_LIMIT, UnknownSymbolAction.ALLOW_UNLIMITED, null);
    try (Scenario day = new Scenario(mnq5Es1)) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 3, 21000.0)
          .position("2025-03-10T14:30:01Z", RTY, PositionType.LONG, 40, 2100.0);
      assertThat(day.decisions(RULE)).as("3 of 5; RTY has no limit").isEmpty();

      day.position("2025-03-10T14:30:02Z", MNQ, PositionType.LONG, 4, 21000.0)
          .position("2025-03-10T14:30:03Z", ES, PositionType.SHORT, 1, 5800.0)
          .position("2025-03-10T14:30:04Z", MNQ, PositionType.LONG, 5, 21000.0)
          .position("2025-03-10T14:30:05Z", MNQ_JUNE, PositionType.SHORT, 4, 21100.0);

      assertThat(warnings(day)).containsExactly(
          "80|2025-03-10T14:30:02Z|MNQ position 4 of limit 5: 80 % of the limit reached",
          "80|2025-03-10T14:30:03Z|ES position 1 of limit 1: 80 % of the limit reached");
      assertThat(decided(day)).isEmpty();
      assertThat(day.lockouts()).isEmpty();

      day.position("2025-03-10T21:30:00Z", MNQ, PositionType.LONG, 4, 21000.0);

      assertThat(warnings(day)).as("the positions still held warn again when the 17:00 New York reset begins a new day")
          .hasSize(4).endsWith(
              "80|2025-03-10T21:00:00Z|ES position 1 of limit 1: 80 % of the limit reached",
              "80|2025-03-10T21:00:00Z|MNQ position 5 of limit 5: 80 % of the limit reached");
    }
  }

  @Test
  void aPositionThatJumpsPastItsLimitOrIsAllowedNoneGetsTheCloseWithoutAWarning() {
    try (Scenario day = new Scenario(limits(LimitAction.REDUCE_TO_LIMIT, UnknownSymbolAction.BLOCK, null))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 5, 21000.0)
          .position("2025-03-10T14:30:01Z", RTY, PositionType.LONG, 1, 2100.0);

      assertThat(day.actions(RULE)).containsExactly(Action.REDUCE_POSITION, Action.CLOSE_POSITION);
    }
  }
}
