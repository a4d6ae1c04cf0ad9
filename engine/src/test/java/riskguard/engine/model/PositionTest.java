package riskguard.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A position event names only the properties it changed, so rules reading others are not woken. */
class PositionTest {

  private static final Instant OPENED = Instant.parse("2025-03-10T14:30:00Z");
  private static final Instant LATER = OPENED.plusSeconds(60);

  private static Position opened(Instant openedAt) {
    Position position = new Position(1, "CON.F.US.MNQ.H25", "MNQ");
    position.update(PositionType.LONG, 1, 21000.0, openedAt, OPENED);
    return position;
  }

  @Test
  void scalingInNamesTheSizeAndWhenItChangedButNotThePriceOrOpeningTime() {
    Position position = opened(OPENED);

    assertThat(position.update(PositionType.LONG, 2, 21000.0, OPENED, LATER))
        .containsExactlyInAnyOrder("size", "signedSize", "changedAt", "appearedAt");
    assertThat(position.getChangedAt()).isEqualTo(LATER);
  }

  @Test
  void aReversalNamesTheSideAndANewEntryPriceNamesOnlyThePrice() {
    Position position = opened(OPENED);

    assertThat(position.update(PositionType.SHORT, 1, 21000.0, OPENED, LATER))
        .containsExactlyInAnyOrder("type", "signedSize", "changedAt", "appearedAt");
    assertThat(position.update(PositionType.SHORT, 1, 20990.0, OPENED, LATER.plusSeconds(1)))
        .containsExactly("averagePrice");
    assertThat(position.getChangedAt()).isEqualTo(LATER);
  }

  @Test
  void theSameEventAgainNamesNothing() {
    Position position = opened(OPENED);

    assertThat(position.update(PositionType.LONG, 1, 21000.0, OPENED, LATER)).isEmpty();
  }

  @Test
  void withoutACreationTimeTheOpeningTimeFollowsTheChangeTime() {
    Position position = opened(null);
    assertThat(position.getOpenedTime()).isEqualTo(OPENED);

    assertThat(position.update(PositionType.LONG, 2, 21000.0, null, LATER))
        .containsExactlyInAnyOrder("size", "signedSize", "changedAt", "openedTime", "appearedAt");
    assertThat(position.getOpenedTime()).isEqualTo(LATER);
  }

  @Test
  void aCreationTimeArrivingNamesItAndTheOpeningTime() {
    Position position = opened(null);

    assertThat(position.update(PositionType.LONG, 1, 21000.0, OPENED.minusSeconds(5), LATER))
        .containsExactlyInAnyOrder("openedAt", "openedTime", "appearedAt");
  }

  @Test
  void aPositionFoundAsItWasAppearedWhenTheGatewayCreatedItUntilItChanges() {
    Position found = opened(OPENED.minusSeconds(600));
    assertThat(found.getChangedAt()).isEqualTo(OPENED);
    assertThat(found.getAppearedAt()).as("first seen at 14:30, created at 14:20").isEqualTo(OPENED.minusSeconds(600));

    assertThat(found.update(PositionType.LONG, 2, 21000.0, OPENED.minusSeconds(600), LATER)).contains("appearedAt");
    assertThat(found.getAppearedAt()).as("added to at 14:31").isEqualTo(LATER);
  }
}
