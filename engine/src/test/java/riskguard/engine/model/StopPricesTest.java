package riskguard.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StopPricesTest {

  private static final double MNQ_TICK = 0.25;
  private static final double CL_TICK = 0.01;

  @Test
  void breakevenIsTheEntryMovedByTheOffsetInTheFavourOfThePosition() {
    assertThat(StopPrices.breakeven(PositionType.LONG, 21000.00, MNQ_TICK, 0)).isEqualTo(21000.00);
    assertThat(StopPrices.breakeven(PositionType.LONG, 21000.00, MNQ_TICK, 2)).isEqualTo(21000.50);
    assertThat(StopPrices.breakeven(PositionType.SHORT, 5800.00, MNQ_TICK, 2)).isEqualTo(5799.50);
  }

  @Test
  void anAveragePriceBetweenTicksRoundsTowardTheMarketSoNothingIsGivenBack() {
    assertThat(StopPrices.breakeven(PositionType.LONG, 21000.125, MNQ_TICK, 0)).isEqualTo(21000.25);
    assertThat(StopPrices.breakeven(PositionType.SHORT, 21000.125, MNQ_TICK, 0)).isEqualTo(21000.00);
  }

  @Test
  void trailingSitsTheDistanceBehindTheBestPrice() {
    assertThat(StopPrices.trailing(PositionType.LONG, 21005.00, MNQ_TICK, 10)).isEqualTo(21002.50);
    assertThat(StopPrices.trailing(PositionType.SHORT, 5795.00, MNQ_TICK, 10)).isEqualTo(5797.50);
  }

  @Test
  void pricesOnADecimalTickStayOnTheGridWithoutBinaryNoise() {
    assertThat(StopPrices.trailing(PositionType.LONG, 75.13, CL_TICK, 3)).isEqualTo(75.10);
    assertThat(StopPrices.breakeven(PositionType.SHORT, 75.13, CL_TICK, 7)).isEqualTo(75.06);
  }

  @Test
  void aLongStopProtectsMoreWhenHigherAShortStopWhenLower() {
    assertThat(StopPrices.tighter(PositionType.LONG, 21002.50, 21000.00, MNQ_TICK)).isTrue();
    assertThat(StopPrices.tighter(PositionType.LONG, 21000.00, 21002.50, MNQ_TICK)).isFalse();
    assertThat(StopPrices.tighter(PositionType.SHORT, 5797.50, 5800.00, MNQ_TICK)).isTrue();
    assertThat(StopPrices.tighter(PositionType.SHORT, 5800.00, 5797.50, MNQ_TICK)).isFalse();
  }

  @Test
  void theSamePriceIsNotTighterAndAnyStopIsTighterThanNone() {
    assertThat(StopPrices.tighter(PositionType.LONG, 75.10, 75.1 + 1e-12, CL_TICK)).isFalse();
    assertThat(StopPrices.tighter(PositionType.SHORT, 5800.00, null, MNQ_TICK)).isTrue();
  }
}
