package riskguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static riskguard.rules.Scenario.ES;
import static riskguard.rules.Scenario.MNQ;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import riskguard.config.BreachAction;
import riskguard.config.MaxUnrealizedProfit;
import riskguard.config.ProfitMode;
import riskguard.config.Scope;
import riskguard.engine.enforcement.Action;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.event.QuoteEvent;
import riskguard.engine.model.Contract;
import riskguard.engine.model.LockoutKind;
import riskguard.engine.model.PositionType;

/** RULE-005 with the numbers of RULES.md, through the shipped rules and the real engine. */
class MaxUnrealizedProfitRuleTest {

  private static final String RULE = "RULE-005";

  private static MaxUnrealizedProfit target1000(Scope scope, BreachAction action) {
    return new MaxUnrealizedProfit(1000, ProfitMode.PROFIT_TARGET, scope, action);
  }

  private static MaxUnrealizedProfit breakeven(Scope scope, BreachAction action) {
    return new MaxUnrealizedProfit(0, ProfitMode.BREAKEVEN, scope, action);
  }

  /** Long 2 MNQ @ 21000 marked 21400 (+1,600) and long 1 ES @ 5800 marked 5788 (-600). */
  private static void mnqPlus1600AndEsMinus600(Scenario day) {
    day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 2, 21000.0)
        .position("2025-03-10T14:30:00Z", ES, PositionType.LONG, 1, 5800.0)
        .quote("2025-03-10T14:30:01Z", ES, 5788.0)
        .quote("2025-03-10T14:30:02Z", MNQ, 21400.0);
  }

  @Test
  void plus1600AndMinus600IsPlus1000AtTheTargetAndMnqAt21405IsPlus1020ABreach() {
    try (Scenario day = new Scenario(target1000(Scope.TOTAL, BreachAction.CLOSE_ALL_AND_LOCKOUT))) {
      mnqPlus1600AndEsMinus600(day);
      assertThat(day.decisions(RULE)).as("+1,000.00 is at the target").isEmpty();

      day.quote("2025-03-10T14:30:03Z", MNQ, 21405.0);

      assertThat(day.actions(RULE)).containsExactly(Action.CLOSE_ALL, Action.CANCEL_ALL_ORDERS, Action.LOCKOUT);
      assertThat(day.decisions(RULE).get(0).reason()).isEqualTo("total unrealized 1020.00 > target 1000.00");
      assertThat(day.decisions(RULE).get(2).until()).hasToString("2025-03-10T21:00:00Z");
      assertThat(day.lockouts()).singleElement().satisfies(lockout -> {
        assertThat(lockout.rule()).isEqualTo(RULE);
        assertThat(lockout.kind()).isEqualTo(LockoutKind.UNTIL_RESET);
      });
    }
  }

  @Test
  void totalScopeWithClosePositionClosesEveryPositionInTheTotalWithoutLockout() {
    try (Scenario day = new Scenario(target1000(Scope.TOTAL, BreachAction.CLOSE_POSITION))) {
      mnqPlus1600AndEsMinus600(day);
      day.quote("2025-03-10T14:30:03Z", MNQ, 21405.0);

      assertThat(day.decisions(RULE)).extracting(Decision::action).containsOnly(Action.CLOSE_POSITION);
      assertThat(day.decisions(RULE)).extracting(Decision::contractId).containsExactlyInAnyOrder(MNQ, ES);
      assertThat(day.lockouts()).isEmpty();

      day.quote("2025-03-10T14:30:04Z", MNQ, 21500.0);
      assertThat(day.decisions(RULE)).as("not decided again while the closes are pending").hasSize(2);
    }
  }

  @Test
  void perPositionScopeClosesOnlyThePositionAboveTheTarget() {
    try (Scenario day = new Scenario(target1000(Scope.PER_POSITION, BreachAction.CLOSE_POSITION))) {
      mnqPlus1600AndEsMinus600(day);

      assertThat(day.decisions(RULE)).singleElement().satisfies(close -> {
        assertThat(close.action()).isEqualTo(Action.CLOSE_POSITION);
        assertThat(close.contractId()).isEqualTo(MNQ);
        assertThat(close.reason()).isEqualTo("unrealized 1600.00 > target 1000.00");
      });
      assertThat(day.lockouts()).isEmpty();
    }
  }

  @Test
  void perPositionAtTheTargetIsNoBreach() {
    try (Scenario day = new Scenario(target1000(Scope.PER_POSITION, BreachAction.CLOSE_ALL_AND_LOCKOUT))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.SHORT, 2, 21000.0)
          .quote("2025-03-10T14:30:01Z", MNQ, 20750.0);
      assertThat(day.decisions(RULE)).as("short 2 from 21000 at 20750: +1,000.00").isEmpty();

      day.quote("2025-03-10T14:30:02Z", MNQ, 20749.75);

      assertThat(day.actions(RULE)).containsExactly(Action.CLOSE_ALL, Action.CANCEL_ALL_ORDERS, Action.LOCKOUT);
      assertThat(day.decisions(RULE).get(0).reason()).isEqualTo(MNQ + " unrealized 1001.00 > target 1000.00");
    }
  }

  @Test
  void aPositionWithoutAQuoteIsLeftOutOfTheTotal() {
    try (Scenario day = new Scenario(target1000(Scope.TOTAL, BreachAction.CLOSE_ALL_AND_LOCKOUT))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 2, 21000.0)
          .position("2025-03-10T14:30:00Z", ES, PositionType.LONG, 1, 5800.0)
          .quote("2025-03-10T14:30:01Z", MNQ, 21400.0);

      assertThat(day.decisions(RULE)).as("+1,600 on MNQ is above the target: ES is not priced yet")
          .extracting(Decision::reason).first().isEqualTo("total unrealized 1600.00 > target 1000.00");
    }
  }

  @Test
  void breakevenClosesAPositionThatWasInProfitWhenItComesBackToZero() {
    try (Scenario day = new Scenario(breakeven(Scope.PER_POSITION, BreachAction.CLOSE_POSITION))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 2, 21000.0)
          .quote("2025-03-10T14:30:01Z", MNQ, 20990.0)
          .quote("2025-03-10T14:30:02Z", MNQ, 21000.0);
      assertThat(day.decisions(RULE)).as("never in profit: a loss and breakeven are left alone").isEmpty();

      day.quote("2025-03-10T14:30:03Z", MNQ, 21000.25)
          .quote("2025-03-10T14:30:04Z", MNQ, 21010.0);
      assertThat(day.decisions(RULE)).as("in profit").isEmpty();

      day.quote("2025-03-10T14:30:05Z", MNQ, 21000.0);

      assertThat(day.decisions(RULE)).singleElement().satisfies(close -> {
        assertThat(close.action()).isEqualTo(Action.CLOSE_POSITION);
        assertThat(close.contractId()).isEqualTo(MNQ);
        assertThat(close.reason()).isEqualTo("unrealized 0.00 <= 0.00 after being in profit");
        assertThat(close.ts()).hasToString("2025-03-10T14:30:05Z");
      });
    }
  }

  @Test
  void breakevenStartsAfreshForANewPosition() {
    try (Scenario day = new Scenario(breakeven(Scope.PER_POSITION, BreachAction.CLOSE_POSITION))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 2, 21000.0)
          .quote("2025-03-10T14:30:01Z", MNQ, 21010.0)
          .flat("2025-03-10T14:30:02Z", MNQ)
          .position("2025-03-10T14:30:03Z", MNQ, PositionType.LONG, 1, 21010.0)
          .quote("2025-03-10T14:30:04Z", MNQ, 21005.0);

      assertThat(day.decisions(RULE)).as("the new position has not been in profit").isEmpty();
    }
  }

  @Test
  void breakevenWithATargetArmsOnlyAboveIt() {
    MaxUnrealizedProfit armedAbove100 = new MaxUnrealizedProfit(100, ProfitMode.BREAKEVEN, Scope.PER_POSITION,
        BreachAction.CLOSE_POSITION);
    try (Scenario day = new Scenario(armedAbove100)) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 2, 21000.0)
          .quote("2025-03-10T14:30:01Z", MNQ, 21025.0)
          .quote("2025-03-10T14:30:02Z", MNQ, 20999.0);
      assertThat(day.decisions(RULE)).as("+100.00 is not above 100").isEmpty();

      day.quote("2025-03-10T14:30:03Z", MNQ, 21025.25)
          .quote("2025-03-10T14:30:04Z", MNQ, 20999.0);

      assertThat(day.decisions(RULE)).extracting(Decision::reason)
          .containsExactly("unrealized -4.00 <= 0.00 after being in profit");
    }
  }

  @Test
  void breakevenOfTheTotalFlattensAndLocksOutWhenThePositionsTogetherGiveTheProfitBack() {
    try (Scenario day = new Scenario(breakeven(Scope.TOTAL, BreachAction.CLOSE_ALL_AND_LOCKOUT))) {
      mnqPlus1600AndEsMinus600(day);
      day.quote("2025-03-10T14:30:03Z", MNQ, 21150.25);
      assertThat(day.decisions(RULE)).as("+601 - 600 = +1.00: still in profit").isEmpty();

      day.quote("2025-03-10T14:30:04Z", MNQ, 21149.75);

      assertThat(day.actions(RULE)).containsExactly(Action.CLOSE_ALL, Action.CANCEL_ALL_ORDERS, Action.LOCKOUT);
      assertThat(day.decisions(RULE).get(0).reason()).isEqualTo("total unrealized -1.00 <= 0.00 after being in profit");
    }
  }

  @Test
  void breakevenOfTheTotalClosesEveryPositionWithClosePosition() {
    try (Scenario day = new Scenario(breakeven(Scope.TOTAL, BreachAction.CLOSE_POSITION))) {
      mnqPlus1600AndEsMinus600(day);
      day.quote("2025-03-10T14:30:03Z", MNQ, 21150.0);

      assertThat(day.decisions(RULE)).extracting(Decision::contractId).containsExactlyInAnyOrder(MNQ, ES);
      assertThat(day.decisions(RULE)).extracting(Decision::reason)
          .containsOnly("total unrealized 0.00 <= 0.00 after being in profit");
      assertThat(day.lockouts()).isEmpty();
    }
  }

  @Test
  void aStaleQuoteIsStillUsed() {
    try (Scenario day = new Scenario(target1000(Scope.TOTAL, BreachAction.CLOSE_ALL_AND_LOCKOUT))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 2, 21000.0)
          .apply(new QuoteEvent(Instant.parse("2025-03-10T14:31:00Z"), MNQ, 21250.25, null, null,
              Instant.parse("2025-03-10T14:30:10Z")));

      assertThat(day.actions(RULE)).as("a 50 s old price of 21250.25: +1,001").containsExactly(
          Action.CLOSE_ALL, Action.CANCEL_ALL_ORDERS, Action.LOCKOUT);
      assertThat(day.decisions(RULE).get(0).reason()).isEqualTo("total unrealized 1001.00 > target 1000.00");
    }
  }

  @Test
  void contractMetadataArrivingAfterThePositionBringsItIntoTheTotal() {
    String gold = "CON.F.US.GCE.Z25";
    try (Scenario day = new Scenario(target1000(Scope.TOTAL, BreachAction.CLOSE_ALL_AND_LOCKOUT))) {
      day.position("2025-03-10T14:30:00Z", gold, PositionType.LONG, 1, 2650.0)
          .quote("2025-03-10T14:30:01Z", gold, 2760.0);
      assertThat(day.decisions(RULE)).as("tick size and value unknown: not valued").isEmpty();

      day.contract("2025-03-10T14:30:02Z", Contract.of(gold, "GCZ5", 0.1, 10.0, "F.US.GCE"));

      assertThat(day.decisions(RULE)).extracting(Decision::action)
          .containsExactly(Action.CLOSE_ALL, Action.CANCEL_ALL_ORDERS, Action.LOCKOUT);
      assertThat(day.decisions(RULE).get(0)).satisfies(close -> {
        assertThat(close.reason()).as("+110 points x $100").isEqualTo("total unrealized 11000.00 > target 1000.00");
        assertThat(close.ts()).hasToString("2025-03-10T14:30:02Z");
      });
    }
  }
}
