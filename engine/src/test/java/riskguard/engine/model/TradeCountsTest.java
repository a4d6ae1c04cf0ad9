package riskguard.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import riskguard.config.TradeFrequency;

class TradeCountsTest {

  private static final TradeFrequency LIMITS = new TradeFrequency(3, 10, 50, 60, 1800, 3600);

  @Test
  void atTheLimitIsNoBreachAndOneMoreIs() {
    assertThat(new TradeCounts(3, 3, 3).breach(LIMITS)).isNull();

    TradeCounts.Breach breach = new TradeCounts(4, 4, 4).breach(LIMITS);

    assertThat(breach.cooldownSeconds()).isEqualTo(60);
    assertThat(breach.reason()).isEqualTo("4 trades in the last minute > per_minute 3: cooldown 60 s");
  }

  @Test
  void whenSeveralWindowsBreachTheLongestCooldownWinsAndAllAreNamed() {
    TradeCounts.Breach breach = new TradeCounts(4, 11, 51).breach(LIMITS);

    assertThat(breach.cooldownSeconds()).isEqualTo(3600);
    assertThat(breach.reason()).isEqualTo(
        "4 trades in the last minute > per_minute 3; 11 trades in the last hour > per_hour 10;"
            + " 51 trades today > per_session 50: cooldown 3600 s");
  }

  @Test
  void theLongestCooldownIsTheLongestConfiguredNotTheLongestWindow() {
    TradeFrequency minuteLongest = new TradeFrequency(3, 10, null, 7200, 1800, 3600);

    assertThat(new TradeCounts(4, 11, 11).breach(minuteLongest).cooldownSeconds()).isEqualTo(7200);
  }

  @Test
  void anAbsentLimitIsNeverCheckedNorListed() {
    TradeFrequency hourOnly = new TradeFrequency(null, 10, null, 60, 1800, 3600);
    TradeCounts counts = new TradeCounts(9, 9, 99);

    assertThat(counts.breach(hourOnly)).isNull();
    assertThat(counts.windows(hourOnly)).extracting(TradeCounts.Window::name).containsExactly("per_hour");
  }

  @Test
  void eightyPercentIsReachedFromTheFirstCountAtOrAboveItUpToTheLimit() {
    TradeFrequency limits = new TradeFrequency(3, 10, 50, 60, 1800, 3600);

    assertThat(new TradeCounts(2, 7, 39).windows(limits)).noneMatch(window -> window.reaches(80));
    assertThat(new TradeCounts(3, 8, 40).windows(limits)).allMatch(window -> window.reaches(80));
    assertThat(new TradeCounts(4, 11, 51).windows(limits)).as("over the limit is a breach, not a warning")
        .noneMatch(window -> window.reaches(80));
    assertThat(new TradeCounts(3, 8, 40).windows(limits).get(1).describe())
        .isEqualTo("8 trades in the last hour of per_hour 10");
  }

  @Test
  void onlyCountsAtEightyPercentOfALimitOrOverItAreWorthJudging() {
    assertThat(TradeCounts.nearALimit(LIMITS, 2, 7, 39)).isFalse();
    assertThat(TradeCounts.nearALimit(LIMITS, 0, 8, 0)).as("8 of per_hour 10").isTrue();
    assertThat(TradeCounts.nearALimit(LIMITS, 0, 0, 51)).as("over per_session 50").isTrue();
    assertThat(TradeCounts.nearALimit(new TradeFrequency(null, 10, null, 60, 1800, 3600), 99, 7, 999))
        .as("a window without a limit never counts").isFalse();
  }
}
