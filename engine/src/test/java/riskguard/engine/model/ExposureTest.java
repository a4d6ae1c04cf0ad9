package riskguard.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import riskguard.config.CountType;
import riskguard.engine.model.Exposure.Reduction;

class ExposureTest {

  private static Position position(String contractId, String root, PositionType type, int size) {
    Position position = new Position(1, contractId, root);
    position.update(type, size, 100.0, Instant.EPOCH, Instant.EPOCH);
    return position;
  }

  @Test
  void longFiveAndShortThreeInOneRootAreTwoNetAndEightGross() {
    List<Position> spread = List.of(
        position("CON.F.US.MNQ.Z25", "MNQ", PositionType.LONG, 5),
        position("CON.F.US.MNQ.H26", "MNQ", PositionType.SHORT, 3));

    assertThat(Exposure.contracts(spread, CountType.NET)).isEqualTo(2);
    assertThat(Exposure.contracts(spread, CountType.GROSS)).isEqualTo(8);
  }

  @Test
  void netAddsTheRootsAbsoluteNets() {
    List<Position> positions = List.of(
        position("CON.F.US.MNQ.H25", "MNQ", PositionType.LONG, 3),
        position("CON.F.US.EP.Z25", "ES", PositionType.SHORT, 3));

    assertThat(Exposure.contracts(positions, CountType.NET)).isEqualTo(6);
  }

  @Test
  void reductionsCloseTheLargestFirstThenPartOfTheNext() {
    List<Position> positions = List.of(
        position("CON.F.US.MNQ.H25", "MNQ", PositionType.LONG, 2),
        position("CON.F.US.EP.Z25", "ES", PositionType.LONG, 3));

    assertThat(Exposure.reductionsToLimit(positions, CountType.GROSS, 1)).containsExactly(
        new Reduction("CON.F.US.EP.Z25", 3, true),
        new Reduction("CON.F.US.MNQ.H25", 1, false));
    assertThat(Exposure.reductionsToLimit(positions, CountType.GROSS, 3))
        .containsExactly(new Reduction("CON.F.US.EP.Z25", 2, false));
    assertThat(Exposure.reductionsToLimit(positions, CountType.GROSS, 5)).isEmpty();
  }

  @Test
  void netReductionsOnlyTouchTheSideOfTheRootsNet() {
    List<Position> spread = List.of(
        position("CON.F.US.MNQ.Z25", "MNQ", PositionType.LONG, 5),
        position("CON.F.US.MNQ.H26", "MNQ", PositionType.SHORT, 3),
        position("CON.F.US.EP.Z25", "ES", PositionType.SHORT, 1));

    assertThat(Exposure.reductionsToLimit(spread, CountType.NET, 1)).containsExactly(
        new Reduction("CON.F.US.MNQ.Z25", 2, false));
    assertThat(Exposure.reductionsToLimit(spread, CountType.NET, 0)).containsExactly(
        new Reduction("CON.F.US.MNQ.Z25", 2, false),
        new Reduction("CON.F.US.EP.Z25", 1, true));
  }
}
