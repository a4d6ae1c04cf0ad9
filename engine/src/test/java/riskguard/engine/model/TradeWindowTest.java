package riskguard.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import riskguard.config.TradeFrequency;

class TradeWindowTest {

  private static final TradeFrequency LIMITS = new TradeFrequency(3, 10, 50, 60, 1800, 3600);

  @Test
  void atTheLimitIsNoBreachAndOneMoreIs() {
    assertThat(TradeWindow.breach(List.of(TradeWindow.lastMinute(LIMITS, 3)))).isNull();

    TradeWindow.Breach breach = TradeWindow.breach(List.of(TradeWindow.lastMinute(LIMITS, 4)));

    assertThat(breach.cooldownSeconds()).isEqualTo(60);
    assertThat(breach.reason()).isEqualTo("4 trades in the last minute > per_minute 3: cooldown 60 s");
  }

  @Test
  void whenSeveralWindowsBreachTheLongestCooldownWinsAndAllAreNamedMinuteHourDay() {
    TradeWindow.Breach breach = TradeWindow.breach(List.of(TradeWindow.today(LIMITS, 51),
        TradeWindow.lastMinute(LIMITS, 4), TradeWindow.lastHour(LIMITS, 11)));

    assertThat(breach.cooldownSeconds()).isEqualTo(3600);
    assertThat(breach.reason()).isEqualTo(
        "4 trades in the last minute > per_minute 3; 11 trades in the last hour > per_hour 10;"
            + " 51 trades today > per_session 50: cooldown 3600 s");
  }

  @Test
  void theLongestCooldownIsTheLongestConfiguredNotTheLongestWindow() {
    TradeFrequency minuteLongest = new TradeFrequency(3, 10, null, 7200, 1800, 3600);

    assertThat(TradeWindow.breach(List.of(TradeWindow.lastMinute(minuteLongest, 4),
        TradeWindow.lastHour(minuteLongest, 11))).cooldownSeconds()).isEqualTo(7200);
  }

  @Test
  void aWindowAtItsLimitIsLeftOutOfTheBreach() {
    TradeWindow.Breach breach = TradeWindow.breach(List.of(TradeWindow.lastMinute(LIMITS, 3),
        TradeWindow.lastHour(LIMITS, 11)));

    assertThat(breach.reason()).isEqualTo("11 trades in the last hour > per_hour 10: cooldown 1800 s");
  }

  @Test
  void eightyPercentIsReachedFromTheFirstCountAtOrAboveItUpToTheLimit() {
    assertThat(TradeWindow.lastMinute(LIMITS, 2).reaches(80)).isFalse();
    assertThat(TradeWindow.lastMinute(LIMITS, 3).reaches(80)).isTrue();
    assertThat(TradeWindow.lastHour(LIMITS, 7).reaches(80)).isFalse();
    assertThat(TradeWindow.lastHour(LIMITS, 8).reaches(80)).isTrue();
    assertThat(TradeWindow.today(LIMITS, 40).reaches(80)).isTrue();
    assertThat(TradeWindow.today(LIMITS, 51).reaches(80)).as("over the limit is a breach, not a warning").isFalse();
    assertThat(TradeWindow.lastHour(LIMITS, 8).describe()).isEqualTo("8 trades in the last hour of per_hour 10");
  }

  @Test
  void onlyCountsAtEightyPercentOfALimitOrOverItAreWorthJudging() {
    assertThat(TradeWindow.worthJudging(7, 10)).isFalse();
    assertThat(TradeWindow.worthJudging(8, 10)).as("8 of per_hour 10").isTrue();
    assertThat(TradeWindow.worthJudging(51, 50)).as("over per_session 50").isTrue();
    assertThat(TradeWindow.worthJudging(999, null)).as("a window without a limit never counts").isFalse();
  }
}
