package riskguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static riskguard.rules.Scenario.ES;
import static riskguard.rules.Scenario.MNQ;

import org.junit.jupiter.api.Test;
import riskguard.config.AutoBreakeven;
import riskguard.config.TradeManagement;
import riskguard.config.TrailingStop;
import riskguard.engine.enforcement.Action;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.model.Contract;
import riskguard.engine.model.OrderSide;
import riskguard.engine.model.OrderStatus;
import riskguard.engine.model.OrderType;
import riskguard.engine.model.PositionType;

/** RULE-012 trade management, in a real session. MNQ and ES both tick 0.25. */
class TradeManagementRuleTest {

  private static final String RULE = "RULE-012";

  private static TradeManagement breakeven(int trigger, int offset) {
    return new TradeManagement(new AutoBreakeven(trigger, offset), null);
  }

  private static TradeManagement trailing(int activation, int distance) {
    return new TradeManagement(null, new TrailingStop(activation, distance));
  }

  private static Scenario stop(Scenario day, String at, long id, String contract, OrderSide side, double price) {
    return day.order(at, id, contract, OrderStatus.OPEN, OrderType.STOP, side, price);
  }

  @Test
  void metadataArrivingAfterThePositionAndTheTradersStopMovesThatStop() {
    String september = "CON.F.US.MNQ.U25";
    try (Scenario day = new Scenario(breakeven(10, 0))) {
      day.position("2025-03-10T14:30:00Z", september, PositionType.LONG, 1, 21000.25);
      stop(day, "2025-03-10T14:30:01Z", 100, september, OrderSide.SELL, 20990.25)
          .quote("2025-03-10T14:30:02Z", september, 21003.25)
          .contract("2025-03-10T14:30:03Z", Contract.of(september, "MNQU5", 0.25, 0.5, "F.US.MNQ"));

      assertThat(day.decisions(RULE)).singleElement().satisfies(move -> {
        assertThat(move.action()).isEqualTo(Action.MOVE_STOP);
        assertThat(move.orderId()).isEqualTo(100L);
        assertThat(move.stopPrice()).isEqualTo(21000.25);
      });
    }
  }

  @Test
  void breakevenPlacesAStopAtTheEntryOnceProfitReachesTheTriggerAndOnlyOnce() {
    try (Scenario day = new Scenario(breakeven(10, 0))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 1, 21000.00)
          .quote("2025-03-10T14:30:01Z", MNQ, 21002.25);
      assertThat(day.decisions(RULE)).as("9 ticks").isEmpty();

      day.quote("2025-03-10T14:30:02Z", MNQ, 21002.50);

      assertThat(day.decisions(RULE)).singleElement().satisfies(place -> {
        assertThat(place.action()).isEqualTo(Action.PLACE_STOP);
        assertThat(place.contractId()).isEqualTo(MNQ);
        assertThat(place.stopPrice()).isEqualTo(21000.00);
        assertThat(place.size()).isEqualTo(1);
        assertThat(place.ts()).hasToString("2025-03-10T14:30:02Z");
      });

      day.quote("2025-03-10T14:30:03Z", MNQ, 21003.00);
      stop(day, "2025-03-10T14:30:04Z", 100, MNQ, OrderSide.SELL, 21000.00)
          .quote("2025-03-10T14:30:05Z", MNQ, 21010.00)
          .quote("2025-03-10T14:30:06Z", MNQ, 21001.00)
          .quote("2025-03-10T14:30:07Z", MNQ, 21004.00);
      assertThat(day.decisions(RULE)).as("no second stop, no second breakeven").hasSize(1);
    }
  }

  @Test
  void breakevenMovesTheExistingProtectiveStopAndLeavesItWhereTheTraderPutsItAfterwards() {
    try (Scenario day = new Scenario(breakeven(10, 0))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 1, 21000.00);
      stop(day, "2025-03-10T14:30:00Z", 5, MNQ, OrderSide.SELL, 20990.00)
          .quote("2025-03-10T14:30:02Z", MNQ, 21002.50);

      assertThat(day.decisions(RULE)).extracting(Decision::action, Decision::orderId, Decision::stopPrice)
          .containsExactly(tuple(Action.MOVE_STOP, 5L, 21000.00));

      stop(day, "2025-03-10T14:30:03Z", 5, MNQ, OrderSide.SELL, 21000.00);
      stop(day, "2025-03-10T14:31:00Z", 5, MNQ, OrderSide.SELL, 20995.00)
          .quote("2025-03-10T14:31:01Z", MNQ, 21006.00);

      assertThat(day.decisions(RULE)).hasSize(1);
    }
  }

  @Test
  void aShortEsBreakevenWithAnOffsetGoesBelowTheEntry() {
    try (Scenario day = new Scenario(breakeven(10, 2))) {
      day.position("2025-03-10T14:30:00Z", ES, PositionType.SHORT, 2, 5800.00)
          .quote("2025-03-10T14:30:01Z", ES, 5797.75);
      assertThat(day.decisions(RULE)).as("9 ticks").isEmpty();

      day.quote("2025-03-10T14:30:02Z", ES, 5797.50);

      assertThat(day.decisions(RULE)).extracting(Decision::action, Decision::stopPrice, Decision::size)
          .containsExactly(tuple(Action.PLACE_STOP, 5799.50, 2));
    }
  }

  @Test
  void anAveragePriceBetweenTicksGivesAStopOnTheTickTowardTheMarket() {
    try (Scenario day = new Scenario(breakeven(10, 0))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 2, 21000.125)
          .quote("2025-03-10T14:30:01Z", MNQ, 21002.75);

      assertThat(day.decisions(RULE)).extracting(Decision::stopPrice).containsExactly(21000.25);
    }
  }

  @Test
  void theTrailingStopFollowsTheHighWaterMarkAndNeverMovesBack() {
    try (Scenario day = new Scenario(trailing(20, 10))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 1, 21000.00);
      stop(day, "2025-03-10T14:30:00Z", 5, MNQ, OrderSide.SELL, 20990.00)
          .quote("2025-03-10T14:30:01Z", MNQ, 21004.75);
      assertThat(day.decisions(RULE)).as("19 ticks: not active yet").isEmpty();

      day.quote("2025-03-10T14:30:02Z", MNQ, 21005.00);
      stop(day, "2025-03-10T14:30:03Z", 5, MNQ, OrderSide.SELL, 21002.50)
          .quote("2025-03-10T14:30:04Z", MNQ, 21006.00);
      stop(day, "2025-03-10T14:30:05Z", 5, MNQ, OrderSide.SELL, 21003.50)
          .quote("2025-03-10T14:30:06Z", MNQ, 21004.00)
          .quote("2025-03-10T14:30:07Z", MNQ, 21006.00)
          .quote("2025-03-10T14:30:08Z", MNQ, 21007.25);

      assertThat(day.decisions(RULE)).extracting(Decision::action, Decision::orderId, Decision::stopPrice)
          .containsExactly(
              tuple(Action.MOVE_STOP, 5L, 21002.50),
              tuple(Action.MOVE_STOP, 5L, 21003.50),
              tuple(Action.MOVE_STOP, 5L, 21004.75));
    }
  }

  @Test
  void aShortTrailsTheLowWaterMarkAndWaitsForItsPlacedStopInsteadOfPlacingASecond() {
    try (Scenario day = new Scenario(new TradeManagement(new AutoBreakeven(10, 2), new TrailingStop(20, 10)))) {
      day.position("2025-03-10T14:30:00Z", ES, PositionType.SHORT, 1, 5800.00)
          .quote("2025-03-10T14:30:01Z", ES, 5797.50)
          .quote("2025-03-10T14:30:02Z", ES, 5795.00)
          .quote("2025-03-10T14:30:03Z", ES, 5794.00);
      assertThat(day.decisions(RULE)).extracting(Decision::action, Decision::stopPrice)
          .as("the placed stop has not shown up yet").containsExactly(tuple(Action.PLACE_STOP, 5799.50));

      stop(day, "2025-03-10T14:30:04Z", 200, ES, OrderSide.BUY, 5799.50);

      assertThat(day.decisions(RULE)).extracting(Decision::action, Decision::orderId, Decision::stopPrice)
          .containsExactly(tuple(Action.PLACE_STOP, null, 5799.50), tuple(Action.MOVE_STOP, 200L, 5796.50));
    }
  }

  @Test
  void breakevenAndTrailingReachedOnOneQuoteGiveOneStopAtTheTighterPrice() {
    try (Scenario day = new Scenario(new TradeManagement(new AutoBreakeven(10, 0), new TrailingStop(20, 10)))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 1, 21000.00)
          .quote("2025-03-10T14:30:01Z", MNQ, 21006.00);

      assertThat(day.decisions(RULE)).extracting(Decision::action, Decision::stopPrice)
          .containsExactly(tuple(Action.PLACE_STOP, 21003.50));
    }
  }

  @Test
  void aStopAlreadyTighterThanTheTargetIsLeftAlone() {
    try (Scenario day = new Scenario(breakeven(10, 0))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 1, 21000.00);
      stop(day, "2025-03-10T14:30:00Z", 5, MNQ, OrderSide.SELL, 21001.00)
          .quote("2025-03-10T14:30:01Z", MNQ, 21003.00);

      assertThat(day.decisions(RULE)).isEmpty();
    }
  }

  @Test
  void aStopTheGatewayRefusedIsAskedForAgain() {
    try (Scenario day = new Scenario(breakeven(10, 0))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 1, 21000.00)
          .quote("2025-03-10T14:30:01Z", MNQ, 21002.50);
      Decision refused = day.decisions(RULE).get(0);

      day.engine().enforcementResult(Scenario.ACCOUNT, refused.id(), false);

      assertThat(day.decisions(RULE)).extracting(Decision::action, Decision::stopPrice)
          .containsExactly(tuple(Action.PLACE_STOP, 21000.00), tuple(Action.PLACE_STOP, 21000.00));
    }
  }

  @Test
  void aNewPositionAfterTheOldOneClosedGetsItsOwnBreakeven() {
    try (Scenario day = new Scenario(breakeven(10, 0))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 1, 21000.00)
          .quote("2025-03-10T14:30:01Z", MNQ, 21002.50)
          .flat("2025-03-10T14:31:00Z", MNQ)
          .position("2025-03-10T14:32:00Z", MNQ, PositionType.SHORT, 1, 21002.00)
          .quote("2025-03-10T14:32:01Z", MNQ, 20999.50);

      assertThat(day.decisions(RULE)).extracting(Decision::action, Decision::stopPrice)
          .containsExactly(tuple(Action.PLACE_STOP, 21000.00), tuple(Action.PLACE_STOP, 21002.00));
    }
  }
}
