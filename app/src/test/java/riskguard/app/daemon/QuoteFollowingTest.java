package riskguard.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuoteFollowingTest {

  private static final String MNQ = "CON.F.US.MNQ.Z25";
  private static final String MES = "CON.F.US.MES.Z25";
  private static final Instant T0 = Instant.parse("2026-11-26T14:30:00Z");

  private final QuoteFollowing quotes = new QuoteFollowing(Duration.ofMinutes(1));

  @Test
  void aContractIsSubscribedOnceWhileHeld() {
    assertThat(quotes.held(MNQ)).isTrue();
    assertThat(quotes.held(MNQ)).isFalse();
    assertThat(quotes.subscribed()).containsExactly(MNQ);
  }

  @Test
  void aFlatContractKeepsItsQuotesForTheGraceAndIsDueAfterIt() {
    quotes.held(MNQ);
    quotes.flat(MNQ, T0);

    assertThat(quotes.due(T0.plusSeconds(59))).isEmpty();
    assertThat(quotes.subscribed()).containsExactly(MNQ);
    assertThat(quotes.due(T0.plusSeconds(60))).containsExactly(MNQ);
    assertThat(quotes.subscribed()).isEmpty();
    assertThat(quotes.due(T0.plusSeconds(120))).isEmpty();
  }

  @Test
  void holdingItAgainWithinTheGraceKeepsTheSubscriptionWithoutAskingAgain() {
    quotes.held(MNQ);
    quotes.flat(MNQ, T0);

    assertThat(quotes.held(MNQ)).isFalse();
    assertThat(quotes.due(T0.plusSeconds(600))).isEmpty();
    assertThat(quotes.subscribed()).containsExactly(MNQ);
  }

  @Test
  void theGraceRunsFromTheFirstTimeItWentFlat() {
    quotes.held(MNQ);
    quotes.flat(MNQ, T0);
    quotes.flat(MNQ, T0.plusSeconds(30));

    assertThat(quotes.due(T0.plusSeconds(60))).containsExactly(MNQ);
  }

  @Test
  void aContractNeverSubscribedIsNeverDue() {
    quotes.held(MNQ);
    quotes.flat(MES, T0);

    assertThat(quotes.due(T0.plusSeconds(600))).isEmpty();
    assertThat(quotes.subscribed()).containsExactly(MNQ);
  }

  @Test
  void aNewConnectionStartsWithNothingSubscribed() {
    quotes.held(MNQ);
    quotes.flat(MNQ, T0);
    quotes.clear();

    assertThat(quotes.subscribed()).isEmpty();
    assertThat(quotes.due(T0.plusSeconds(600))).isEmpty();
    assertThat(quotes.held(MNQ)).isTrue();
  }
}
