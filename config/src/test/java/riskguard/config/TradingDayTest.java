package riskguard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The default trading day resets at 17:00 New York, in local time across DST. */
class TradingDayTest {

  private final TradingDay day = TradingDay.defaults();

  @Test
  void resetsAt1700LocalOnBothSidesOfTheMarchChange() {
    Instant sundayMorning = Instant.parse("2025-03-09T12:00:00Z");
    assertThat(day.currentDayStart(sundayMorning))
        .as("Saturday 17:00 EST")
        .isEqualTo(Instant.parse("2025-03-08T22:00:00Z"));
    assertThat(day.nextResetAfter(sundayMorning))
        .as("Sunday 17:00 EDT")
        .isEqualTo(Instant.parse("2025-03-09T21:00:00Z"));
  }

  @Test
  void theResetInstantBelongsToTheNewDay() {
    Instant reset = Instant.parse("2025-03-10T21:00:00Z");
    assertThat(day.currentDayStart(reset)).isEqualTo(reset);
    assertThat(day.nextResetAfter(reset)).isEqualTo(Instant.parse("2025-03-11T21:00:00Z"));
  }

  @Test
  void aTradingDayIsNamedByTheDateItEnds() {
    assertThat(day.tradingDateOf(Instant.parse("2025-03-10T22:30:00Z")))
        .isEqualTo(LocalDate.of(2025, 3, 11));
    assertThat(day.tradingDateOf(Instant.parse("2025-03-10T20:30:00Z")))
        .isEqualTo(LocalDate.of(2025, 3, 10));
  }
}
