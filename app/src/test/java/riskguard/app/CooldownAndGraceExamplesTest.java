package riskguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example recordings of RULE-006, RULE-007 and RULE-008 replayed by {@code riskguard
 * simulate} with their own configs: each shows its rule firing as docs/rules/ tells it.
 */
class CooldownAndGraceExamplesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** "ts rule action until-or-contract" for each decision the example prints. */
  private static List<String> decisions(String example) {
    return ExampleRecordings.decisionLines(example).stream().map(CooldownAndGraceExamplesTest::summary).toList();
  }

  private static String summary(String line) {
    try {
      JsonNode decision = JSON.readTree(line);
      String detail = decision.has("until") ? decision.get("until").asText()
          : decision.has("contractId") ? decision.get("contractId").asText()
          : decision.has("level") ? decision.get("level").asText() : "";
      return String.join(" ", decision.get("ts").asText(), decision.get("rule").asText(),
          decision.get("action").asText(), detail).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(line, e);
    }
  }

  @Test
  void tradeFrequencyWarnsCoolsDownClosesAFillDuringTheCooldownAndUnlocks() {
    assertThat(decisions("rule-006-trade-frequency")).containsExactly(
        "2025-03-10T14:30:30Z RULE-006 WARNING 80",
        "2025-03-10T14:30:45Z RULE-006 COOLDOWN 2025-03-10T14:31:45Z",
        "2025-03-10T14:31:10Z RULE-006 COOLDOWN 2025-03-10T14:32:10Z",
        "2025-03-10T14:31:10Z LOCKOUT-GUARD CLOSE_POSITION CON.F.US.MNQ.H25",
        "2025-03-10T14:31:11Z RULE-006 COOLDOWN 2025-03-10T14:32:11Z",
        "2025-03-10T14:32:11Z RULE-006 UNLOCK");
  }

  @Test
  void cooldownAfterLossKeepsTheLongerCooldownWhenAShorterLossFollows() {
    assertThat(decisions("rule-007-cooldown-after-loss")).containsExactly(
        "2025-03-10T14:50:00Z RULE-007 COOLDOWN 2025-03-10T14:55:00Z",
        "2025-03-10T14:52:00Z LOCKOUT-GUARD CLOSE_POSITION CON.F.US.MNQ.H25",
        "2025-03-10T14:55:00Z RULE-007 UNLOCK",
        "2025-03-10T15:10:00Z RULE-007 COOLDOWN 2025-03-10T15:40:00Z",
        "2025-03-10T15:20:00Z LOCKOUT-GUARD CLOSE_POSITION CON.F.US.MNQ.H25",
        "2025-03-10T15:40:00Z RULE-007 UNLOCK");
  }

  @Test
  void noStopLossGraceClosesTheUnprotectedPositionsWhenTheirGracePeriodsEnd() {
    assertThat(decisions("rule-008-no-stop-loss-grace")).containsExactly(
        "2025-03-10T14:40:30Z RULE-008 CLOSE_POSITION CON.F.US.EP.H25",
        "2025-03-10T14:56:30Z RULE-008 CLOSE_POSITION CON.F.US.MNQ.H25");
  }
}
