package riskguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static riskguard.rules.Scenario.ES;
import static riskguard.rules.Scenario.MNQ;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import riskguard.config.CooldownAfterLoss;
import riskguard.config.LossThreshold;
import riskguard.config.TradeFrequency;
import riskguard.engine.enforcement.Action;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.event.TradeEvent;
import riskguard.engine.model.Lockout;
import riskguard.engine.model.LockoutKind;
import riskguard.engine.model.OrderSide;
import riskguard.engine.model.PositionType;

/** RULE-006 with the numbers of RULES.md, through the shipped rules and the real engine. */
class TradeFrequencyRuleTest {

  private static final String RULE = "RULE-006";

  private static TradeFrequency perMinute(int limit) {
    return new TradeFrequency(limit, null, null, 60, 1800, 3600);
  }

  /** What RULE-006 decided, its warnings left out (they are tested on their own). */
  private static List<Decision> decided(Scenario day) {
    return day.decisions(RULE).stream().filter(decision -> decision.action() != Action.WARNING).toList();
  }

  private static List<Action> actions(Scenario day) {
    return decided(day).stream().map(Decision::action).toList();
  }

  private static List<String> warnings(Scenario day) {
    return day.decisions(RULE).stream()
        .filter(decision -> decision.action() == Action.WARNING)
        .map(decision -> decision.level() + "|" + decision.ts() + "|" + decision.reason())
        .toList();
  }

  /** Opening half-turns (no P&L), one a call, at the given times of 2025-03-10. */
  private static void trades(Scenario day, long firstId, String... times) {
    long id = firstId;
    for (String time : times) {
      day.trade("2025-03-10T" + time + "Z", id++, MNQ, null, 0.74);
    }
  }

  @Test
  void threeTradesInAMinuteAreFineAndTheFourthCoolsDownForAMinute() {
    try (Scenario day = new Scenario(perMinute(3))) {
      trades(day, 1, "14:30:00", "14:30:20", "14:30:40");
      assertThat(decided(day)).as("at the limit").isEmpty();

      trades(day, 4, "14:30:50");

      assertThat(decided(day)).singleElement().satisfies(cooldown -> {
        assertThat(cooldown.action()).isEqualTo(Action.COOLDOWN);
        assertThat(cooldown.ts()).hasToString("2025-03-10T14:30:50Z");
        assertThat(cooldown.until()).hasToString("2025-03-10T14:31:50Z");
        assertThat(cooldown.reason()).isEqualTo("4 trades in the last minute > per_minute 3: cooldown 60 s");
      });
    }
  }

  @Test
  void aTradeSixtySecondsOldHasLeftTheMinuteWindow() {
    try (Scenario inside = new Scenario(perMinute(3)); Scenario outside = new Scenario(perMinute(3))) {
      trades(inside, 1, "14:30:00", "14:30:20", "14:30:40", "14:30:59");
      trades(outside, 1, "14:30:00", "14:30:20", "14:30:40", "14:31:00");

      assertThat(actions(inside)).as("4 trades within 59 s").containsExactly(Action.COOLDOWN);
      assertThat(decided(outside)).as("the 14:30:00 trade is out of the window at 14:31:00").isEmpty();
    }
  }

  @Test
  void theWindowUsesTheTradesOwnTimeNotWhenItWasSeen() {
    try (Scenario day = new Scenario(perMinute(3))) {
      trades(day, 1, "14:30:00", "14:30:20", "14:30:40");
      day.apply(new TradeEvent(Instant.parse("2025-03-10T14:30:45Z"), Scenario.ACCOUNT, 4, MNQ,
          Instant.parse("2025-03-10T14:29:40Z"), 21000.0, null, 0.74, OrderSide.BUY, 1, false, null));

      assertThat(decided(day)).as("filled 14:29:40, reported at 14:30:45: not in the last minute").isEmpty();
    }
  }

  @Test
  void voidedAndDuplicateTradesNeverCountAndAVoidTakesATradeBackOut() {
    try (Scenario day = new Scenario(perMinute(3))) {
      trades(day, 1, "14:30:00", "14:30:01", "14:30:02");
      day.trade("2025-03-10T14:30:03Z", 1, MNQ, null, 0.74)
          .trade("2025-03-10T14:30:04Z", 99, MNQ, -50.0, 0.74, true)
          .trade("2025-03-10T14:30:05Z", 2, MNQ, null, 0.74, true);
      trades(day, 4, "14:30:06");
      assertThat(decided(day)).as("trades 1, 3, 4: the duplicate, the voided 99 and voided 2 do not count")
          .isEmpty();

      trades(day, 5, "14:30:07");

      assertThat(decided(day)).singleElement().extracting(Decision::reason)
          .isEqualTo("4 trades in the last minute > per_minute 3: cooldown 60 s");
    }
  }

  @Test
  void whenSeveralWindowsBreachOnOneTradeOneCooldownOfTheLongestIsDecided() {
    try (Scenario day = new Scenario(new TradeFrequency(3, 3, 3, 60, 1800, 3600))) {
      trades(day, 1, "14:30:00", "14:30:10", "14:30:20", "14:30:30");

      assertThat(decided(day)).singleElement().satisfies(cooldown -> {
        assertThat(cooldown.action()).isEqualTo(Action.COOLDOWN);
        assertThat(cooldown.until()).hasToString("2025-03-10T15:30:30Z");
        assertThat(cooldown.reason()).isEqualTo("4 trades in the last minute > per_minute 3;"
            + " 4 trades in the last hour > per_hour 3; 4 trades today > per_session 3: cooldown 3600 s");
      });
      assertThat(day.lockouts()).singleElement().extracting(Lockout::kind).isEqualTo(LockoutKind.COOLDOWN);
    }
  }

  @Test
  void aLaterEndingBreachReplacesTheRunningCooldownAndOldTradesLeavingTheWindowsSetNothing() {
    try (Scenario day = new Scenario(new TradeFrequency(3, 5, null, 60, 1800, 3600))) {
      trades(day, 1, "14:30:00", "14:30:10", "14:30:20", "14:30:30");
      trades(day, 5, "14:31:00", "14:31:10");
      day.tick("2025-03-10T14:32:00Z").tick("2025-03-10T14:40:00Z");

      assertThat(decided(day)).extracting(Decision::action, decision -> decision.until().toString())
          .containsExactly(
              tuple(Action.COOLDOWN, "2025-03-10T14:31:30Z"),
              tuple(Action.COOLDOWN, "2025-03-10T14:32:00Z"),
              tuple(Action.COOLDOWN, "2025-03-10T15:01:10Z"));
      assertThat(decided(day).get(2).reason())
          .isEqualTo("4 trades in the last minute > per_minute 3; 6 trades in the last hour > per_hour 5: cooldown 1800 s");
      assertThat(day.lockouts()).singleElement().extracting(Lockout::endsAt).hasToString("2025-03-10T15:01:10Z");
    }
  }

  @Test
  void aShorterCooldownDoesNotReplaceALongerOneOfAnotherRule() {
    CooldownAfterLoss afterLoss = new CooldownAfterLoss(List.of(new LossThreshold(300, 1800)));
    try (Scenario day = new Scenario(perMinute(3), afterLoss)) {
      day.trade("2025-03-10T14:30:00Z", 1, MNQ, -350.0, 0.74);
      trades(day, 2, "14:30:10", "14:30:20", "14:30:30");

      assertThat(decided(day)).as("60 s ends before RULE-007's 30 minutes").isEmpty();
      assertThat(day.lockouts()).singleElement().extracting(Lockout::rule, Lockout::endsAt)
          .containsExactly("RULE-007", Instant.parse("2025-03-10T15:00:00Z"));
    }
  }

  @Test
  void theRuleClosesNothingTheLockoutGuardClosesWhatOpensDuringTheCooldownUntilItEnds() {
    try (Scenario day = new Scenario(perMinute(3))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 1, 21000.0);
      trades(day, 1, "14:30:00", "14:30:10", "14:30:20", "14:30:30");
      assertThat(actions(day)).containsExactly(Action.COOLDOWN);
      assertThat(day.decisions("LOCKOUT-GUARD")).as("the position held before the breach stays").isEmpty();

      day.position("2025-03-10T14:31:00Z", ES, PositionType.SHORT, 2, 5800.0);
      assertThat(day.decisions("LOCKOUT-GUARD")).singleElement().satisfies(close -> {
        assertThat(close.action()).isEqualTo(Action.CLOSE_POSITION);
        assertThat(close.contractId()).isEqualTo(ES);
        assertThat(close.reason()).contains(RULE);
      });
      day.flat("2025-03-10T14:31:01Z", ES);

      day.tick("2025-03-10T14:31:29Z");
      assertThat(day.lockouts()).hasSize(1);
      day.tick("2025-03-10T14:31:30Z");

      assertThat(decided(day)).last().satisfies(unlock -> {
        assertThat(unlock.action()).isEqualTo(Action.UNLOCK);
        assertThat(unlock.ts()).hasToString("2025-03-10T14:31:30Z");
      });
      assertThat(day.lockouts()).isEmpty();
      day.position("2025-03-10T14:32:00Z", ES, PositionType.SHORT, 1, 5800.0);
      assertThat(day.decisions("LOCKOUT-GUARD")).as("free to trade after the cooldown").hasSize(1);
    }
  }

  @Test
  void aFillThatExtendsTheCooldownIsStillClosedAsOpenedDuringTheCooldown() {
    try (Scenario day = new Scenario(perMinute(3))) {
      trades(day, 1, "14:30:00", "14:30:10", "14:30:20", "14:30:30");

      trades(day, 5, "14:31:00");
      day.position("2025-03-10T14:31:00Z", MNQ, PositionType.LONG, 1, 21000.0);

      assertThat(decided(day)).extracting(Decision::until).extracting(Instant::toString)
          .containsExactly("2025-03-10T14:31:30Z", "2025-03-10T14:32:00Z");
      assertThat(day.lockouts()).singleElement().extracting(Lockout::since)
          .as("locked without a break since the first cooldown").hasToString("2025-03-10T14:30:30Z");
      assertThat(day.actions("LOCKOUT-GUARD")).containsExactly(Action.CLOSE_POSITION);
    }
  }

  @Test
  void aPerSessionBreachLocksUntilTheResetOnceItsCooldownEndsAndTheResetRestartsTheCount() {
    try (Scenario day = new Scenario(new TradeFrequency(null, null, 3, 60, 1800, 3600))) {
      trades(day, 1, "14:00:00", "14:10:00", "14:20:00");
      assertThat(decided(day)).isEmpty();
      trades(day, 4, "14:30:00");
      assertThat(decided(day)).singleElement().extracting(Decision::until).hasToString("2025-03-10T15:30:00Z");

      day.tick("2025-03-10T15:30:00Z");

      assertThat(decided(day)).extracting(Decision::action).containsExactly(
          Action.COOLDOWN, Action.UNLOCK, Action.LOCKOUT);
      assertThat(decided(day).get(2)).satisfies(lockout -> {
        assertThat(lockout.ts()).hasToString("2025-03-10T15:30:00Z");
        assertThat(lockout.until()).as("17:00 New York, EDT").hasToString("2025-03-10T21:00:00Z");
        assertThat(lockout.reason()).isEqualTo("4 trades today > per_session 3: allowance spent until the reset");
      });
      day.position("2025-03-10T16:00:00Z", MNQ, PositionType.LONG, 1, 21000.0);
      assertThat(day.actions("LOCKOUT-GUARD")).as("still locked after the cooldown").containsExactly(Action.CLOSE_POSITION);
      day.flat("2025-03-10T16:00:01Z", MNQ);

      day.tick("2025-03-10T21:00:00Z");
      assertThat(day.actions("DAILY-RESET")).containsExactly(Action.UNLOCK);
      assertThat(day.lockouts()).isEmpty();

      trades(day, 10, "21:10:00", "21:20:00", "21:30:00");
      assertThat(decided(day)).as("the new trading day counts from 0").hasSize(3);
      trades(day, 13, "21:40:00");
      assertThat(decided(day)).hasSize(4).last().extracting(Decision::action).isEqualTo(Action.COOLDOWN);
    }
  }

  @Test
  void aPerSessionCooldownRunningPastTheResetEndsWithoutALockoutForTheNewDay() {
    try (Scenario day = new Scenario(new TradeFrequency(null, null, 3, 60, 1800, 3600))) {
      trades(day, 1, "20:00:00", "20:10:00", "20:20:00", "20:30:00");
      assertThat(decided(day)).singleElement().extracting(Decision::until).hasToString("2025-03-10T21:30:00Z");

      day.tick("2025-03-10T21:00:00Z").tick("2025-03-10T21:30:00Z");

      assertThat(actions(day)).as("the new day's count is 0: no allowance spent")
          .containsExactly(Action.COOLDOWN, Action.UNLOCK);
      assertThat(day.lockouts()).isEmpty();
    }
  }

  @Test
  void tradesBeforeTheResetDoNotCountForTheNewDayButStayInTheRollingHour() {
    try (Scenario session = new Scenario(new TradeFrequency(null, null, 3, 60, 1800, 3600));
        Scenario hour = new Scenario(new TradeFrequency(null, 3, null, 60, 1800, 3600))) {
      for (Scenario day : new Scenario[] {session, hour}) {
        trades(day, 1, "20:50:00", "20:55:00", "20:59:00");
        trades(day, 4, "21:01:00");
      }

      assertThat(decided(session)).as("1 trade in the day that began at 21:00").isEmpty();
      assertThat(decided(hour)).singleElement().extracting(Decision::reason)
          .isEqualTo("4 trades in the last hour > per_hour 3: cooldown 1800 s");
    }
  }

  @Test
  void eachCountIsWarnedOnceADayWhenItReaches80PercentOfItsLimit() {
    try (Scenario day = new Scenario(new TradeFrequency(3, 10, 50, 60, 1800, 3600))) {
      trades(day, 1, "14:00:00", "14:00:10");
      assertThat(warnings(day)).as("2 of 3").isEmpty();

      trades(day, 3, "14:00:20");
      assertThat(warnings(day)).containsExactly(
          "80|2025-03-10T14:00:20Z|3 trades in the last minute of per_minute 3: 80 % of the limit reached");

      trades(day, 4, "14:05:00", "14:05:10", "14:05:20", "14:10:00", "14:10:10");
      assertThat(warnings(day)).as("per_minute again at 14:05:20: already warned today; per_hour at its 8th")
          .containsExactly(
              "80|2025-03-10T14:00:20Z|3 trades in the last minute of per_minute 3: 80 % of the limit reached",
              "80|2025-03-10T14:10:10Z|8 trades in the last hour of per_hour 10: 80 % of the limit reached");
      assertThat(decided(day)).as("no window over its limit").isEmpty();
      assertThat(day.decisions(RULE)).extracting(Decision::action).containsOnly(Action.WARNING);
    }
  }

  @Test
  void theWarningsOfOneTradingDayDoNotSilenceTheNext() {
    try (Scenario day = new Scenario(perMinute(3))) {
      trades(day, 1, "20:00:00", "20:00:10", "20:00:20");
      trades(day, 4, "21:30:00", "21:30:10", "21:30:20");

      assertThat(warnings(day)).extracting(warning -> warning.split("\\|")[1])
          .containsExactly("2025-03-10T20:00:20Z", "2025-03-10T21:30:20Z");
    }
  }
}
