package riskguard.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LimitUseTest {

  @Test
  void eightyPercentOfThreeHundredIsReachedAtExactly240() {
    assertThat(LimitUse.reaches(239.99, 300, 80)).isFalse();
    assertThat(LimitUse.reaches(240.00, 300, 80)).isTrue();
    assertThat(LimitUse.reaches(310.00, 300, 80)).isTrue();
  }

  @Test
  void sumsWithFloatingPointNoiseCompareInWholeCents() {
    double loss = 150.10 + 249.90;

    assertThat(LimitUse.reaches(loss, 500, 80)).as("400.00 of 500 despite %s", loss).isTrue();
    assertThat(LimitUse.reaches(0.1 + 0.2, 0.375, 80)).as("0.30 of 0.38 is 79 %").isFalse();
  }

  @Test
  void aProfitUsesNoneOfALossLimit() {
    assertThat(LimitUse.reaches(-500, 500, 80)).isFalse();
  }
}
