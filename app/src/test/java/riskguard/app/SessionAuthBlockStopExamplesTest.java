package riskguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example recordings of RULE-009 to RULE-012 replayed by {@code riskguard simulate} with
 * their own configs: each shows its rule firing as docs/rules/ tells it.
 */
class SessionAuthBlockStopExamplesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** "ts rule action detail" for each decision the example prints. */
  private static List<String> decisions(String example) {
    return ExampleRecordings.decisionLines(example).stream().map(SessionAuthBlockStopExamplesTest::summary).toList();
  }

  private static String summary(String line) {
    try {
      JsonNode decision = JSON.readTree(line);
      StringBuilder text = new StringBuilder(decision.get("ts").asText())
          .append(' ').append(decision.get("rule").asText())
          .append(' ').append(decision.get("action").asText());
      for (String field : List.of("symbol", "until", "contractId", "orderId", "stopPrice")) {
        if (decision.hasNonNull(field)) {
          text.append(' ').append(decision.get(field).asText());
        }
      }
      return text.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(line, e);
    }
  }

  @Test
  void sessionHoursCloseBeforeTheOpenAndAtTheEndDatedAtTheEnd() {
    assertThat(decisions("rule-009-session-hours")).containsExactly(
        "2025-03-10T13:00:00Z RULE-009 CLOSE_POSITION CON.F.US.MNQ.H25",
        "2025-03-10T13:00:00Z RULE-009 LOCKOUT MNQ 2025-03-10T13:30:00Z",
        "2025-03-10T13:10:00Z RULE-009 CANCEL_ORDER 901",
        "2025-03-10T13:30:00Z RULE-009 UNLOCK MNQ",
        "2025-03-10T20:00:00Z RULE-009 CLOSE_POSITION CON.F.US.MNQ.H25",
        "2025-03-10T20:00:00Z RULE-009 LOCKOUT MNQ 2025-03-11T13:30:00Z",
        "2025-03-10T20:00:00Z RULE-009 CANCEL_ORDER 902");
  }

  @Test
  void authLossGuardLocksAndLiftsOnlyItsOwnLockout() {
    assertThat(decisions("rule-010-auth-loss-guard")).containsExactly(
        "2025-03-10T14:40:00Z RULE-010 CLOSE_ALL",
        "2025-03-10T14:40:00Z RULE-010 CANCEL_ALL_ORDERS",
        "2025-03-10T14:40:00Z RULE-010 LOCKOUT",
        "2025-03-10T14:42:00Z LOCKOUT-GUARD CLOSE_POSITION CON.F.US.MNQ.H25",
        "2025-03-10T14:45:00Z RULE-010 UNLOCK",
        "2025-03-10T15:00:00Z RULE-003 CLOSE_ALL",
        "2025-03-10T15:00:00Z RULE-003 CANCEL_ALL_ORDERS",
        "2025-03-10T15:00:00Z RULE-003 LOCKOUT 2025-03-10T21:00:00Z",
        "2025-03-10T15:05:00Z RULE-010 CLOSE_ALL",
        "2025-03-10T15:05:00Z RULE-010 CANCEL_ALL_ORDERS",
        "2025-03-10T15:05:00Z RULE-010 LOCKOUT",
        "2025-03-10T15:06:00Z RULE-010 UNLOCK");
  }

  @Test
  void symbolBlocksLockTheRootLeaveWhatWasOpenAndRefuseWhatIsNew() {
    assertThat(decisions("rule-011-symbol-blocks")).containsExactly(
        "2025-03-10T14:00:00Z RULE-011 LOCKOUT RTY",
        "2025-03-10T14:20:00Z RULE-011 CLOSE_POSITION CON.F.US.RTY.H25",
        "2025-03-10T14:25:00Z RULE-011 CANCEL_ORDER 1101");
  }

  @Test
  void tradeManagementMovesToBreakevenTrailsAndPlacesAMissingStop() {
    assertThat(decisions("rule-012-trade-management")).containsExactly(
        "2025-03-10T14:31:00Z RULE-012 MOVE_STOP CON.F.US.MNQ.H25 1201 21000.0",
        "2025-03-10T14:32:00Z RULE-012 MOVE_STOP CON.F.US.MNQ.H25 1201 21002.5",
        "2025-03-10T14:33:00Z RULE-012 MOVE_STOP CON.F.US.MNQ.H25 1201 21003.5",
        "2025-03-10T14:35:00Z RULE-012 MOVE_STOP CON.F.US.MNQ.H25 1201 21005.5",
        "2025-03-10T14:41:00Z RULE-012 PLACE_STOP CON.F.US.EP.H25 5800.0");
  }
}
