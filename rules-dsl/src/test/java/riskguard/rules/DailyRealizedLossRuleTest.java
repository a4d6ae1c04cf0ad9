package riskguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static riskguard.rules.Scenario.MNQ;

import org.junit.jupiter.api.Test;
import riskguard.config.DailyRealizedLoss;
import riskguard.config.PnlBasis;
import riskguard.engine.enforcement.Action;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.model.LockoutKind;

/** RULE-003 with the numbers of RULES.md, through the shipped rules and the real engine. */
class DailyRealizedLossRuleTest {

  private static final String RULE = "RULE-003";
  private static final DailyRealizedLoss LIMIT_500 = new DailyRealizedLoss(500);

  @Test
  void plus100Minus200Minus450IsMinus550AndBreaches() {
    try (Scenario day = new Scenario(PnlBasis.GROSS, LIMIT_500)) {
      day.trade("2025-03-10T14:30:00Z", 1, MNQ, 100.0, 0.0)
          .trade("2025-03-10T14:31:00Z", 2, MNQ, -200.0, 0.0);
      assertThat(day.decisions(RULE)).isEmpty();

      day.trade("2025-03-10T14:32:00Z", 3, MNQ, -450.0, 0.0);

      assertThat(day.actions(RULE)).containsExactly(Action.CLOSE_ALL, Action.CANCEL_ALL_ORDERS, Action.LOCKOUT);
      Decision lockout = day.decisions(RULE).get(2);
      assertThat(lockout.reason()).isEqualTo("realized -550.00 <= -500.00");
      assertThat(lockout.until()).as("17:00 New York on 2025-03-10 (EDT)").hasToString("2025-03-10T21:00:00Z");
      assertThat(lockout.ts()).hasToString("2025-03-10T14:32:00Z");
      assertThat(day.lockouts()).singleElement().satisfies(held -> {
        assertThat(held.rule()).isEqualTo(RULE);
        assertThat(held.kind()).isEqualTo(LockoutKind.UNTIL_RESET);
      });
    }
  }

  @Test
  void exactlyTheLimitBreaches() {
    try (Scenario day = new Scenario(PnlBasis.GROSS, LIMIT_500)) {
      day.trade("2025-03-10T14:30:00Z", 1, MNQ, -499.99, 0.0);
      assertThat(day.actions(RULE)).as("over 80 %: warned, nothing done").containsExactly(Action.WARNING);

      day.trade("2025-03-10T14:31:00Z", 2, MNQ, -0.01, 0.0);

      assertThat(day.actions(RULE)).containsExactly(
          Action.WARNING, Action.CLOSE_ALL, Action.CANCEL_ALL_ORDERS, Action.LOCKOUT);
      assertThat(day.decisions(RULE).get(1).reason()).isEqualTo("realized -500.00 <= -500.00");
    }
  }

  @Test
  void netBasisSubtractsFeesWhileGrossIgnoresThem() {
    try (Scenario net = new Scenario(PnlBasis.NET, LIMIT_500);
        Scenario gross = new Scenario(PnlBasis.GROSS, LIMIT_500)) {
      for (Scenario day : new Scenario[] {net, gross}) {
        day.trade("2025-03-10T14:30:00Z", 1, MNQ, -495.0, 2.50)
            .trade("2025-03-10T14:31:00Z", 2, MNQ, -3.0, 2.50);
      }

      assertThat(net.actions(RULE)).as("-497.50, then -498 - 5 fees = -503").containsExactly(
          Action.WARNING, Action.CLOSE_ALL, Action.CANCEL_ALL_ORDERS, Action.LOCKOUT);
      assertThat(net.decisions(RULE).get(1).reason()).isEqualTo("realized -503.00 <= -500.00");
      assertThat(gross.actions(RULE)).as("-498 without fees").containsExactly(Action.WARNING);
    }
  }

  @Test
  void halfTurnsAndVoidedTradesNeverCount() {
    try (Scenario day = new Scenario(PnlBasis.NET, LIMIT_500)) {
      day.trade("2025-03-10T14:30:00Z", 1, MNQ, null, 400.0)
          .trade("2025-03-10T14:31:00Z", 2, MNQ, -600.0, 0.0, true)
          .trade("2025-03-10T14:32:00Z", 3, MNQ, -450.0, 0.0);

      assertThat(day.decisions(RULE)).singleElement().satisfies(warning -> {
        assertThat(warning.action()).isEqualTo(Action.WARNING);
        assertThat(warning.reason()).as("only the -450 counts").isEqualTo("realized -450.00 is 80 % of the -500.00 limit");
      });
    }
  }

  @Test
  void theSameTradeDeliveredTwiceCountsOnce() {
    try (Scenario day = new Scenario(PnlBasis.GROSS, LIMIT_500)) {
      day.trade("2025-03-10T14:30:00Z", 7, MNQ, -300.0, 0.0)
          .trade("2025-03-10T14:30:01Z", 7, MNQ, -300.0, 0.0);

      assertThat(day.decisions(RULE)).as("-300, not -600 (which would be a breach, after an 80 % warning)").isEmpty();
    }
  }

  @Test
  void aTradeVoidedLaterNoLongerCounts() {
    try (Scenario day = new Scenario(PnlBasis.GROSS, LIMIT_500)) {
      day.trade("2025-03-10T14:30:00Z", 7, MNQ, -300.0, 0.0)
          .trade("2025-03-10T14:31:00Z", 7, MNQ, -300.0, 0.0, true)
          .trade("2025-03-10T14:32:00Z", 8, MNQ, -300.0, 0.0);

      assertThat(day.decisions(RULE)).isEmpty();
    }
  }

  @Test
  void furtherLossesWhileLockedOutDecideNothingNew() {
    try (Scenario day = new Scenario(PnlBasis.GROSS, LIMIT_500)) {
      day.trade("2025-03-10T14:30:00Z", 1, MNQ, -600.0, 0.0)
          .trade("2025-03-10T14:31:00Z", 2, MNQ, -100.0, 0.0);

      assertThat(day.decisions(RULE)).hasSize(3);
    }
  }

  @Test
  void theResetLiftsTheLockoutOnceAndTheNextDayStartsAtZero() {
    try (Scenario day = new Scenario(PnlBasis.GROSS, LIMIT_500)) {
      day.trade("2025-03-10T14:30:00Z", 1, MNQ, -550.0, 0.0)
          .tick("2025-03-10T20:59:59Z");
      assertThat(day.decisions("DAILY-RESET")).isEmpty();

      day.tick("2025-03-10T21:00:01Z").tick("2025-03-10T21:00:02Z")
          .trade("2025-03-10T22:00:00Z", 2, MNQ, -400.0, 0.0);

      assertThat(day.decisions("DAILY-RESET")).singleElement().satisfies(unlock -> {
        assertThat(unlock.action()).isEqualTo(Action.UNLOCK);
        assertThat(unlock.ts()).as("at the reset instant, not the tick after it").hasToString("2025-03-10T21:00:00Z");
      });
      assertThat(day.lockouts()).isEmpty();
      assertThat(day.actions(RULE)).as("-400 on the new day is within the limit: 80 %, a warning").containsExactly(
          Action.CLOSE_ALL, Action.CANCEL_ALL_ORDERS, Action.LOCKOUT, Action.WARNING);
      assertThat(day.engine().lastReset(Scenario.ACCOUNT)).hasToString("2025-03-10T21:00:00Z");
    }
  }

  @Test
  void aLateTradeFromYesterdayCountsForYesterdayNotToday() {
    try (Scenario day = new Scenario(PnlBasis.GROSS, LIMIT_500)) {
      day.trade("2025-03-10T22:00:00Z", 1, MNQ, -300.0, 0.0)
          .trade("2025-03-10T20:59:00Z", 2, MNQ, -300.0, 0.0);

      assertThat(day.decisions(RULE)).isEmpty();
    }
  }
  @Test
  void at80PercentTheTraderIsWarnedOnceWithTheLevelAndNothingIsDone() {
    try (Scenario day = new Scenario(PnlBasis.GROSS, LIMIT_500)) {
      day.trade("2025-03-10T14:30:00Z", 1, MNQ, -399.99, 0.0);
      assertThat(day.decisions(RULE)).as("79.99 %").isEmpty();

      day.trade("2025-03-10T14:31:00Z", 2, MNQ, -0.01, 0.0)
          .trade("2025-03-10T14:32:00Z", 3, MNQ, -50.0, 0.0)
          .trade("2025-03-10T14:33:00Z", 4, MNQ, 100.0, 0.0)
          .trade("2025-03-10T14:34:00Z", 5, MNQ, -100.0, 0.0);

      assertThat(day.decisions(RULE)).singleElement().satisfies(warning -> {
        assertThat(warning.action()).isEqualTo(Action.WARNING);
        assertThat(warning.level()).isEqualTo(80);
        assertThat(warning.ts()).hasToString("2025-03-10T14:31:00Z");
        assertThat(warning.reason()).isEqualTo("realized -400.00 is 80 % of the -500.00 limit");
      });
      assertThat(day.executed).last().satisfies(merged ->
          assertThat(merged).extracting(Decision::action).containsExactly(Action.WARNING));
      assertThat(day.lockouts()).isEmpty();
    }
  }

  @Test
  void aLossThatJumpsPastTheLimitGetsTheBreachWithoutAWarning() {
    try (Scenario day = new Scenario(PnlBasis.GROSS, LIMIT_500)) {
      day.trade("2025-03-10T14:30:00Z", 1, MNQ, -600.0, 0.0);

      assertThat(day.actions(RULE)).containsExactly(Action.CLOSE_ALL, Action.CANCEL_ALL_ORDERS, Action.LOCKOUT);
    }
  }

  @Test
  void aBreachAfterTheFiveOClockResetBelongsToTheNextTradingDayAndLocksUntilItsReset() {
    try (Scenario day = new Scenario(PnlBasis.GROSS, LIMIT_500)) {
      day.trade("2025-03-10T20:30:00Z", 1, MNQ, -450.0, 0.0)
          .trade("2025-03-10T21:30:00Z", 2, MNQ, -450.0, 0.0);
      assertThat(day.actions(RULE)).as("-450 on each of two trading days: two warnings, no breach")
          .containsExactly(Action.WARNING, Action.WARNING);

      day.trade("2025-03-10T21:31:00Z", 3, MNQ, -50.0, 0.0);

      assertThat(day.decisions(RULE)).last().satisfies(lockout -> {
        assertThat(lockout.action()).isEqualTo(Action.LOCKOUT);
        assertThat(lockout.reason()).isEqualTo("realized -500.00 <= -500.00");
        assertThat(lockout.until()).as("Tuesday 17:00 New York").hasToString("2025-03-11T21:00:00Z");
      });
    }
  }

  @Test
  void onTheDaysTheClocksChangeTheLockoutLastsUntilFiveOClockNewYorkInTheNewOffset() {
    try (Scenario spring = new Scenario(PnlBasis.GROSS, LIMIT_500);
        Scenario autumn = new Scenario(PnlBasis.GROSS, LIMIT_500)) {
      spring.trade("2025-03-08T23:00:00Z", 1, MNQ, -550.0, 0.0);
      autumn.trade("2025-11-01T22:00:00Z", 1, MNQ, -550.0, 0.0);

      assertThat(spring.decisions(RULE).get(2).until())
          .as("Saturday 18:00 EST: the next reset is Sunday 17:00 EDT, the clocks went forward at 02:00")
          .hasToString("2025-03-09T21:00:00Z");
      assertThat(autumn.decisions(RULE).get(2).until())
          .as("Saturday 18:00 EDT: the next reset is Sunday 17:00 EST, the clocks went back at 02:00")
          .hasToString("2025-11-02T22:00:00Z");

      spring.tick("2025-03-09T20:59:59Z");
      autumn.tick("2025-11-02T21:59:59Z");
      assertThat(spring.lockouts()).hasSize(1);
      assertThat(autumn.lockouts()).hasSize(1);

      spring.tick("2025-03-09T21:00:00Z");
      autumn.tick("2025-11-02T22:00:00Z");
      assertThat(spring.actions("DAILY-RESET")).containsExactly(Action.UNLOCK);
      assertThat(autumn.actions("DAILY-RESET")).containsExactly(Action.UNLOCK);
      assertThat(spring.lockouts()).isEmpty();
      assertThat(autumn.lockouts()).isEmpty();
    }
  }
}
