package riskguard.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuoteAgeTest {

  private static final Instant QUOTE = Instant.parse("2025-03-10T14:30:00Z");
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  @Test
  void aQuoteExactlyTheMaximumAgeIsStillFreshAndOneMillisecondMoreIsStale() {
    assertThat(QuoteAge.isStale(QUOTE, QUOTE.plusSeconds(10), TEN_SECONDS)).isFalse();
    assertThat(QuoteAge.isStale(QUOTE, QUOTE.plusSeconds(10).plusMillis(1), TEN_SECONDS)).isTrue();
  }

  @Test
  void aPositionWithoutAQuoteHasNoStaleQuote() {
    assertThat(QuoteAge.isStale(null, QUOTE, TEN_SECONDS)).isFalse();
  }

  @Test
  void ageIsInWholeSeconds() {
    assertThat(QuoteAge.seconds(QUOTE, QUOTE.plusMillis(25_900))).isEqualTo(25);
  }
}
