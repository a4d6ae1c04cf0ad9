package riskguard.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import riskguard.engine.model.Valuation.Change;

class ValuationTest {

  private static final Contract MNQ = Contract.of("CON.F.US.MNQ.H25", "MNQH5", 0.25, 0.5, "F.US.MNQ");
  private static final Instant OPENED = Instant.parse("2025-03-10T14:30:00Z");

  private static Position position(PositionType type, double price) {
    Position position = new Position(1, MNQ.id(), "MNQ");
    position.update(type, 2, price, OPENED, OPENED);
    return position;
  }

  @Test
  void aRevaluationNamesOnlyWhatChanged() {
    Position position = position(PositionType.LONG, 21000.0);
    Valuation valuation = new Valuation(1, MNQ.id());

    assertThat(valuation.revalue(position, 21001.0, OPENED.plusSeconds(1), false, MNQ)).as("first valuation")
        .isEqualTo(Change.FULL);
    assertThat(valuation.revalue(position, 21002.0, OPENED.plusSeconds(2), false, MNQ)).as("the mark moved")
        .isEqualTo(Change.PRICE);
    assertThat(valuation.getUnrealizedPnl()).isEqualTo(8.0);
    assertThat(valuation.getProfitTicks()).isEqualTo(8.0);
    assertThat(valuation.revalue(position, 21002.0, OPENED.plusSeconds(3), false, MNQ)).as("a newer quote at the same mark")
        .isEqualTo(Change.QUOTE_TIME);
    assertThat(valuation.getQuoteTime()).isEqualTo(OPENED.plusSeconds(3));
    assertThat(valuation.revalue(position, 21002.0, OPENED.plusSeconds(3), false, MNQ)).as("the same quote again")
        .isEqualTo(Change.UNCHANGED);
  }

  @Test
  void aQuotesAgeIsTakenOnlyWithAChangeSoAnUnchangedValuationDoesNotTurnStale() {
    Position position = position(PositionType.LONG, 21000.0);
    Valuation valuation = new Valuation(1, MNQ.id());
    valuation.revalue(position, 21001.0, OPENED, false, MNQ);

    assertThat(valuation.revalue(position, 21001.0, OPENED, true, MNQ)).as("the same quote, judged later")
        .isEqualTo(Change.UNCHANGED);
    assertThat(valuation.isStale()).isFalse();
    assertThat(valuation.revalue(position, 21001.0, OPENED.plusSeconds(1), true, MNQ)).as("a newer quote, already old")
        .isEqualTo(Change.QUOTE_TIME);
    assertThat(valuation.isStale()).isTrue();
    assertThat(valuation.revalue(position, 21003.0, OPENED.plusSeconds(20), false, MNQ)).as("a fresh quote")
        .isEqualTo(Change.PRICE);
    assertThat(valuation.isStale()).isFalse();
  }

  @Test
  void aPositionTurnedAroundIsValuedAsItsNewSide() {
    Valuation valuation = new Valuation(1, MNQ.id());
    valuation.revalue(position(PositionType.LONG, 21000.0), 21002.0, OPENED, false, MNQ);

    assertThat(valuation.revalue(position(PositionType.SHORT, 21000.0), 21002.0, OPENED, false, MNQ)).isEqualTo(Change.FULL);
    assertThat(valuation.getType()).isEqualTo(PositionType.SHORT);
    assertThat(valuation.getUnrealizedPnl()).isEqualTo(-8.0);
  }
}
