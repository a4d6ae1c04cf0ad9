package riskguard.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import riskguard.engine.model.Position.Revaluation;

class PositionTest {

  private static final Contract MNQ = Contract.of("CON.F.US.MNQ.H25", "MNQH5", 0.25, 0.5, "F.US.MNQ");
  private static final Instant OPENED = Instant.parse("2025-03-10T14:30:00Z");

  private static Position longTwoAt(double price) {
    Position position = new Position(1, MNQ.id(), "MNQ");
    position.update(PositionType.LONG, 2, price, OPENED, OPENED);
    return position;
  }

  @Test
  void aRevaluationNamesOnlyWhatChanged() {
    Position position = longTwoAt(21000.0);

    assertThat(position.revalue(21001.0, OPENED.plusSeconds(1), MNQ)).as("first valuation").isEqualTo(Revaluation.FULL);
    assertThat(position.revalue(21002.0, OPENED.plusSeconds(2), MNQ)).as("the mark moved").isEqualTo(Revaluation.PRICE);
    assertThat(position.getUnrealizedPnl()).isEqualTo(8.0);
    assertThat(position.revalue(21002.0, OPENED.plusSeconds(3), MNQ)).as("a newer quote at the same mark")
        .isEqualTo(Revaluation.QUOTE_TIME);
    assertThat(position.getQuoteTime()).isEqualTo(OPENED.plusSeconds(3));
    assertThat(position.revalue(21002.0, OPENED.plusSeconds(3), MNQ)).as("the same quote again")
        .isEqualTo(Revaluation.UNCHANGED);
  }
}
