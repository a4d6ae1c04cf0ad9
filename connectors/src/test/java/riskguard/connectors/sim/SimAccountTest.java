package riskguard.connectors.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimAccountTest {

  @Test
  void parsesIdsWithOptionalNameAndBalance() {
    assertThat(SimAccount.parseList("536:50KTC-A:50000, 537:150K, 538"))
        .containsExactly(
            SimAccount.of(536, "50KTC-A", 50_000),
            SimAccount.of(537, "150K", 50_000),
            SimAccount.of(538, "SIM-538", 50_000));
  }

  @Test
  void namesTheEntryThatDoesNotFit() {
    assertThatThrownBy(() -> SimAccount.parseList("536,abc:X"))
        .hasMessageContaining("'abc:X'").hasMessageContaining("id");
    assertThatThrownBy(() -> SimAccount.parseList("536:A:lots"))
        .hasMessageContaining("balance 'lots'");
    assertThatThrownBy(() -> SimAccount.parseList("536,536"))
        .hasMessageContaining("listed twice");
  }
}
