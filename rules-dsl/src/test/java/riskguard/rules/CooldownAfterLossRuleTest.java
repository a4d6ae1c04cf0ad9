package riskguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static riskguard.rules.Scenario.MNQ;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import riskguard.config.CooldownAfterLoss;
import riskguard.config.LossThreshold;
import riskguard.engine.enforcement.Action;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.event.TradeEvent;
import riskguard.engine.model.Lockout;
import riskguard.engine.model.LockoutKind;
import riskguard.engine.model.OrderSide;
import riskguard.engine.model.PositionType;

/** RULE-007 with the thresholds of RULES.md (100 → 300 s, 200 → 900 s, 300 → 1800 s). */
class CooldownAfterLossRuleTest {

  private static final String RULE = "RULE-007";
  private static final String AT = "2025-03-10T14:30:00Z";

  private static Scenario day() {
    return new Scenario(new CooldownAfterLoss(List.of(
        new LossThreshold(300, 1800), new LossThreshold(100, 300), new LossThreshold(200, 900))));
  }

  /** The end of the one cooldown a single losing trade at 14:30 sets, or null when none. */
  private static Instant cooldownAfterALossOf(double pnl) {
    try (Scenario day = day()) {
      day.trade(AT, 1, MNQ, pnl, 0.74);
      List<Decision> decisions = day.decisions(RULE);
      if (decisions.isEmpty()) {
        return null;
      }
      assertThat(decisions).singleElement().satisfies(cooldown -> {
        assertThat(cooldown.action()).isEqualTo(Action.COOLDOWN);
        assertThat(cooldown.ts()).hasToString(AT);
      });
      return decisions.get(0).until();
    }
  }

  @Test
  void theLargestThresholdTheLossReachesSetsTheCooldown() {
    assertThat(cooldownAfterALossOf(-75.0)).as("-75 reaches no threshold").isNull();
    assertThat(cooldownAfterALossOf(-150.0)).as("-150: 5 minutes").hasToString("2025-03-10T14:35:00Z");
    assertThat(cooldownAfterALossOf(-250.0)).as("-250: 15 minutes").hasToString("2025-03-10T14:45:00Z");
    assertThat(cooldownAfterALossOf(-350.0)).as("-350: 30 minutes").hasToString("2025-03-10T15:00:00Z");
  }

  @Test
  void aLossExactlyAtAThresholdReachesIt() {
    assertThat(cooldownAfterALossOf(-100.0)).hasToString("2025-03-10T14:35:00Z");
    assertThat(cooldownAfterALossOf(-99.99)).as("a cent short of 100, its fees not counted").isNull();
  }

  @Test
  void profitableHalfTurnVoidedAndDuplicateTradesDoNothingMore() {
    try (Scenario day = day()) {
      day.trade(AT, 1, MNQ, 400.0, 0.74)
          .trade("2025-03-10T14:30:01Z", 2, MNQ, null, 0.74)
          .trade("2025-03-10T14:30:02Z", 3, MNQ, -500.0, 0.74, true)
          .trade("2025-03-10T14:30:03Z", 4, MNQ, 0.0, 0.74);
      assertThat(day.decisions(RULE)).as("profit, half-turn, voided loss, break-even").isEmpty();

      day.trade("2025-03-10T14:31:00Z", 5, MNQ, -150.0, 0.74)
          .trade("2025-03-10T14:31:05Z", 5, MNQ, -150.0, 0.74);

      assertThat(day.decisions(RULE)).as("trade 5 delivered twice").singleElement()
          .extracting(Decision::until).hasToString("2025-03-10T14:36:00Z");
    }
  }

  @Test
  void aShorterCooldownDuringALongerOneChangesNothing() {
    try (Scenario day = day()) {
      day.trade(AT, 1, MNQ, -350.0, 0.74)
          .trade("2025-03-10T14:40:00Z", 2, MNQ, -150.0, 0.74);

      assertThat(day.decisions(RULE)).singleElement().extracting(Decision::until).hasToString("2025-03-10T15:00:00Z");
      assertThat(day.lockouts()).singleElement().satisfies(cooldown -> {
        assertThat(cooldown.kind()).isEqualTo(LockoutKind.COOLDOWN);
        assertThat(cooldown.endsAt()).hasToString("2025-03-10T15:00:00Z");
      });
    }
  }

  @Test
  void aCooldownThatEndsLaterReplacesTheRunningOne() {
    try (Scenario day = day()) {
      day.trade(AT, 1, MNQ, -150.0, 0.74)
          .trade("2025-03-10T14:32:00Z", 2, MNQ, -250.0, 0.74);

      assertThat(day.decisions(RULE)).extracting(Decision::until).extracting(Instant::toString)
          .containsExactly("2025-03-10T14:35:00Z", "2025-03-10T14:47:00Z");
      assertThat(day.lockouts()).singleElement().extracting(Lockout::endsAt).hasToString("2025-03-10T14:47:00Z");
    }
  }

  @Test
  void aFillDuringTheCooldownIsClosedAndTheCooldownLiftsWhenItEnds() {
    try (Scenario day = day()) {
      day.trade(AT, 1, MNQ, -150.0, 0.74)
          .position("2025-03-10T14:31:00Z", MNQ, PositionType.LONG, 1, 21000.0);
      assertThat(day.decisions("LOCKOUT-GUARD")).singleElement().satisfies(close -> {
        assertThat(close.action()).isEqualTo(Action.CLOSE_POSITION);
        assertThat(close.contractId()).isEqualTo(MNQ);
        assertThat(close.reason()).contains(RULE);
      });
      day.flat("2025-03-10T14:31:01Z", MNQ);

      day.tick("2025-03-10T14:34:59Z");
      assertThat(day.actions(RULE)).containsExactly(Action.COOLDOWN);

      day.tick("2025-03-10T14:35:00Z");
      assertThat(day.decisions(RULE)).hasSize(2).last().satisfies(unlock -> {
        assertThat(unlock.action()).isEqualTo(Action.UNLOCK);
        assertThat(unlock.ts()).hasToString("2025-03-10T14:35:00Z");
      });
      assertThat(day.lockouts()).isEmpty();

      day.position("2025-03-10T14:36:00Z", MNQ, PositionType.LONG, 1, 21000.0);
      assertThat(day.decisions("LOCKOUT-GUARD")).as("trading again after the cooldown").hasSize(1);
    }
  }

  @Test
  void aLossSeenLateCoolsDownOnlyForWhatIsLeftOfItsCooldown() {
    try (Scenario day = day()) {
      day.tick("2025-03-10T14:33:00Z");
      day.apply(loss(Instant.parse("2025-03-10T14:33:00Z"), 1, Instant.parse(AT), -150.0));
      assertThat(day.decisions(RULE)).as("14:30 loss seen at 14:33").singleElement()
          .extracting(Decision::until).hasToString("2025-03-10T14:35:00Z");

      day.apply(loss(Instant.parse("2025-03-10T14:40:00Z"), 2, Instant.parse("2025-03-10T14:31:00Z"), -150.0));
      assertThat(day.decisions(RULE)).as("a 14:31 loss seen at 14:40: its cooldown is over")
          .extracting(Decision::action).containsExactly(Action.COOLDOWN, Action.UNLOCK);
    }
  }

  @Test
  void aCooldownRunningAtTheDailyResetRunsToItsEnd() {
    try (Scenario day = day()) {
      day.trade("2025-03-10T20:45:00Z", 1, MNQ, -350.0, 0.74);
      assertThat(day.decisions(RULE)).as("16:45 New York: 30 minutes, past the 17:00 reset").singleElement()
          .extracting(Decision::until).hasToString("2025-03-10T21:15:00Z");

      day.tick("2025-03-10T21:00:00Z");
      assertThat(day.engine().lastReset(Scenario.ACCOUNT)).as("the reset ran").hasToString("2025-03-10T21:00:00Z");
      assertThat(day.actions(RULE)).as("the reset does not lift a cooldown").containsExactly(Action.COOLDOWN);
      assertThat(day.lockouts()).singleElement().extracting(Lockout::endsAt).hasToString("2025-03-10T21:15:00Z");

      day.position("2025-03-10T21:05:00Z", MNQ, PositionType.LONG, 1, 21000.0);
      assertThat(day.decisions("LOCKOUT-GUARD")).as("a position opened in the new day's first minutes")
          .singleElement().extracting(Decision::action).isEqualTo(Action.CLOSE_POSITION);
      day.flat("2025-03-10T21:05:01Z", MNQ);

      day.tick("2025-03-10T21:15:00Z");
      assertThat(day.actions(RULE)).containsExactly(Action.COOLDOWN, Action.UNLOCK);
      assertThat(day.lockouts()).isEmpty();
    }
  }

  private static TradeEvent loss(Instant seen, long id, Instant time, double pnl) {
    return new TradeEvent(seen, Scenario.ACCOUNT, id, MNQ, time, 21000.0, pnl, 0.74, OrderSide.SELL, 1, false, null);
  }
}
