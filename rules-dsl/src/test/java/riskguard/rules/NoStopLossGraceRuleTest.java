package riskguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static riskguard.rules.Scenario.ES;
import static riskguard.rules.Scenario.MNQ;

import org.junit.jupiter.api.Test;
import riskguard.config.BreachAction;
import riskguard.config.NoStopLossGrace;
import riskguard.engine.enforcement.Action;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.model.OrderSide;
import riskguard.engine.model.OrderStatus;
import riskguard.engine.model.OrderType;
import riskguard.engine.model.PositionType;

/** RULE-008 with a 30 s grace period, through the shipped rules and the real engine. */
class NoStopLossGraceRuleTest {

  private static final String RULE = "RULE-008";

  private static Scenario day() {
    return new Scenario(new NoStopLossGrace(30, BreachAction.CLOSE_POSITION));
  }

  /** A day with long 2 MNQ @ 21000 opened at 14:30:00. */
  private static Scenario longTwoAt1430() {
    Scenario day = day();
    day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 2, 21000.0);
    return day;
  }

  private static void stop(Scenario day, String at, long id, OrderStatus status, OrderType type, OrderSide side,
      Double stopPrice) {
    day.order("2025-03-10T" + at + "Z", id, MNQ, status, type, side, stopPrice);
  }

  @Test
  void withNoStopThePositionIsClosedWhenTheGracePeriodEndsNotBefore() {
    try (Scenario day = longTwoAt1430()) {
      day.tick("2025-03-10T14:30:29Z");
      assertThat(day.decisions(RULE)).as("29 s in").isEmpty();

      day.tick("2025-03-10T14:30:30Z");

      assertThat(day.decisions(RULE)).singleElement().satisfies(close -> {
        assertThat(close.action()).isEqualTo(Action.CLOSE_POSITION);
        assertThat(close.contractId()).isEqualTo(MNQ);
        assertThat(close.ts()).hasToString("2025-03-10T14:30:30Z");
        assertThat(close.reason())
            .isEqualTo("LONG 2 opened 2025-03-10T14:30:00Z has no protective stop after 30 s");
      });
      assertThat(day.lockouts()).as("no lockout").isEmpty();

      day.tick("2025-03-10T14:30:31Z").quote("2025-03-10T14:30:32Z", MNQ, 20990.0);
      assertThat(day.decisions(RULE)).as("judged once").hasSize(1);
    }
  }

  @Test
  void theDecisionIsDatedWhenTheGracePeriodEndedNotWhenTheHeartbeatNoticed() {
    try (Scenario day = day()) {
      day.position("2025-03-10T14:30:00.250Z", MNQ, PositionType.LONG, 2, 21000.0)
          .tick("2025-03-10T14:30:30Z");
      assertThat(day.decisions(RULE)).isEmpty();

      day.tick("2025-03-10T14:30:31Z");

      assertThat(day.decisions(RULE)).singleElement().extracting(Decision::ts)
          .hasToString("2025-03-10T14:30:30.250Z");
    }
  }

  @Test
  void aSellStopBelowTheEntryProtectsALongAndABuyStopAboveProtectsAShort() {
    try (Scenario day = longTwoAt1430()) {
      stop(day, "14:30:10", 1, OrderStatus.OPEN, OrderType.STOP, OrderSide.SELL, 20950.0);
      day.position("2025-03-10T14:30:00Z", ES, PositionType.SHORT, 1, 5800.0)
          .order("2025-03-10T14:30:20Z", 2, ES, OrderStatus.OPEN, OrderType.TRAILING_STOP, OrderSide.BUY, 5810.0);

      day.tick("2025-03-10T14:31:00Z");

      assertThat(day.decisions(RULE)).isEmpty();
      stop(day, "14:31:10", 1, OrderStatus.CANCELLED, OrderType.STOP, OrderSide.SELL, 20950.0);
      day.tick("2025-03-10T14:32:00Z");
      assertThat(day.decisions(RULE)).as("after the grace period the rule has had its say").isEmpty();
    }
  }

  @Test
  void aStopCancelledDuringTheGracePeriodNoLongerCounts() {
    try (Scenario day = longTwoAt1430()) {
      stop(day, "14:30:05", 1, OrderStatus.OPEN, OrderType.STOP_LIMIT, OrderSide.SELL, 20950.0);
      stop(day, "14:30:20", 1, OrderStatus.CANCELLED, OrderType.STOP_LIMIT, OrderSide.SELL, 20950.0);

      day.tick("2025-03-10T14:30:30Z");

      assertThat(day.actions(RULE)).containsExactly(Action.CLOSE_POSITION);
    }
  }

  @Test
  void aStopFilledDuringTheGracePeriodClosesThePositionAndEndsTheTimerQuietly() {
    try (Scenario day = longTwoAt1430()) {
      stop(day, "14:30:05", 1, OrderStatus.OPEN, OrderType.STOP, OrderSide.SELL, 20950.0);
      stop(day, "14:30:20", 1, OrderStatus.FILLED, OrderType.STOP, OrderSide.SELL, 20950.0);
      day.flat("2025-03-10T14:30:20Z", MNQ);

      day.tick("2025-03-10T14:31:00Z");

      assertThat(day.decisions(RULE)).isEmpty();
    }
  }

  @Test
  void stopsOnTheWrongSideAtTheWrongPriceOrOfTheWrongKindDoNotCount() {
    try (Scenario day = longTwoAt1430()) {
      stop(day, "14:30:01", 1, OrderStatus.OPEN, OrderType.STOP, OrderSide.BUY, 20950.0);
      stop(day, "14:30:02", 2, OrderStatus.OPEN, OrderType.STOP, OrderSide.SELL, 21010.0);
      stop(day, "14:30:03", 3, OrderStatus.OPEN, OrderType.LIMIT, OrderSide.SELL, null);
      stop(day, "14:30:04", 4, OrderStatus.OPEN, OrderType.STOP, OrderSide.SELL, 21000.0);

      day.tick("2025-03-10T14:30:30Z");

      assertThat(day.actions(RULE)).as("buy stop, stop above entry, limit order, stop at entry")
          .containsExactly(Action.CLOSE_POSITION);
    }
  }

  @Test
  void scalingInOrOutDoesNotRestartTheTimer() {
    try (Scenario day = longTwoAt1430()) {
      day.position("2025-03-10T14:30:20Z", MNQ, PositionType.LONG, 3, 21005.0)
          .position("2025-03-10T14:30:25Z", MNQ, PositionType.LONG, 1, 21005.0);

      day.tick("2025-03-10T14:30:30Z");

      assertThat(day.decisions(RULE)).singleElement().extracting(Decision::ts).hasToString("2025-03-10T14:30:30Z");
    }
  }

  @Test
  void theEntryPriceIsTheAveragePriceAfterScalingIn() {
    try (Scenario day = longTwoAt1430()) {
      stop(day, "14:30:05", 1, OrderStatus.OPEN, OrderType.STOP, OrderSide.SELL, 21010.0);
      day.position("2025-03-10T14:30:20Z", MNQ, PositionType.LONG, 4, 21020.0);

      day.tick("2025-03-10T14:30:30Z");

      assertThat(day.decisions(RULE)).as("21010 is below the new average 21020").isEmpty();
    }
  }

  @Test
  void aPositionClosedBeforeTheDeadlineEndsTheTimerAndReopeningStartsANewOne() {
    try (Scenario day = longTwoAt1430()) {
      day.flat("2025-03-10T14:30:10Z", MNQ).tick("2025-03-10T14:30:40Z");
      assertThat(day.decisions(RULE)).isEmpty();

      day.position("2025-03-10T14:31:00Z", MNQ, PositionType.SHORT, 1, 20990.0)
          .tick("2025-03-10T14:31:29Z");
      assertThat(day.decisions(RULE)).isEmpty();
      day.tick("2025-03-10T14:31:30Z");

      assertThat(day.decisions(RULE)).singleElement().extracting(Decision::ts).hasToString("2025-03-10T14:31:30Z");
    }
  }

  @Test
  void aReversalToTheOtherSideIsANewPositionWithItsOwnGracePeriod() {
    try (Scenario day = longTwoAt1430()) {
      stop(day, "14:30:05", 1, OrderStatus.OPEN, OrderType.STOP, OrderSide.SELL, 20950.0);
      day.position("2025-03-10T14:30:20Z", MNQ, PositionType.SHORT, 1, 20980.0)
          .tick("2025-03-10T14:30:30Z");
      assertThat(day.decisions(RULE)).as("the short has until 14:30:50").isEmpty();

      day.tick("2025-03-10T14:30:50Z");

      assertThat(day.decisions(RULE)).as("the old sell stop does not protect a short").singleElement()
          .extracting(Decision::ts).hasToString("2025-03-10T14:30:50Z");
    }
  }

  @Test
  void aStopLimitOrderProtectsButAStopNotYetWorkingDoesNot() {
    try (Scenario stopLimit = longTwoAt1430(); Scenario pending = longTwoAt1430()) {
      stop(stopLimit, "14:30:05", 1, OrderStatus.OPEN, OrderType.STOP_LIMIT, OrderSide.SELL, 20950.0);
      stop(pending, "14:30:05", 1, OrderStatus.PENDING, OrderType.STOP, OrderSide.SELL, 20950.0);

      stopLimit.tick("2025-03-10T14:30:30Z");
      pending.tick("2025-03-10T14:30:30Z");

      assertThat(stopLimit.decisions(RULE)).as("an open sell stop-limit below the entry").isEmpty();
      assertThat(pending.actions(RULE)).as("a pending stop is not yet working (status Open)")
          .containsExactly(Action.CLOSE_POSITION);
    }
  }

  @Test
  void aStopPlacedAfterTheGracePeriodIsTooLate() {
    try (Scenario day = longTwoAt1430()) {
      day.tick("2025-03-10T14:30:30Z");
      stop(day, "14:30:31", 1, OrderStatus.OPEN, OrderType.STOP, OrderSide.SELL, 20950.0);

      assertThat(day.actions(RULE)).containsExactly(Action.CLOSE_POSITION);
    }
  }
}
