package riskguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code riskguard simulate} on the shipped example recordings and on broken files. */
class SimulateCommandTest {

  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final String CONFIG = EXAMPLES.resolve("demo-config.yaml").toString();

  private static final String MNQ_CONTRACT = "{\"ts\": \"2025-03-10T14:29:00Z\", \"kind\": \"contract\", \"data\": "
      + "{\"id\": \"CON.F.US.MNQ.H25\", \"name\": \"MNQH5\", \"tickSize\": 0.25, \"tickValue\": 0.5}}\n";

  @Test
  void theDailyLossDayPrintsEveryDecisionAsJsonWithTheSpecFields() {
    CommandRun run = CommandRun.of("simulate", "--events", EXAMPLES.resolve("daily-loss-day.jsonl").toString(),
        "--config", CONFIG, "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    String why = "realized -552.59 <= -500.00";
    assertThat(run.out().lines()).containsExactly(
        "{\"ts\":\"2025-03-10T15:40:00Z\",\"accountId\":12345,\"rule\":\"RULE-003\",\"action\":\"CLOSE_ALL\",\"reason\":\"" + why + "\"}",
        "{\"ts\":\"2025-03-10T15:40:00Z\",\"accountId\":12345,\"rule\":\"RULE-003\",\"action\":\"CANCEL_ALL_ORDERS\",\"reason\":\"" + why + "\"}",
        "{\"ts\":\"2025-03-10T15:40:00Z\",\"accountId\":12345,\"rule\":\"RULE-003\",\"action\":\"LOCKOUT\",\"until\":\"2025-03-10T21:00:00Z\",\"reason\":\"" + why + "\"}",
        "{\"ts\":\"2025-03-10T15:45:00Z\",\"accountId\":12345,\"rule\":\"LOCKOUT-GUARD\",\"action\":\"CANCEL_ORDER\",\"orderId\":207,\"reason\":\"order in MNQ while locked out by RULE-003 (" + why + ")\"}",
        "{\"ts\":\"2025-03-10T15:50:00Z\",\"accountId\":12345,\"rule\":\"LOCKOUT-GUARD\",\"action\":\"CLOSE_POSITION\",\"contractId\":\"CON.F.US.MNQ.H25\",\"reason\":\"position in MNQ while locked out by RULE-003 (" + why + ")\"}",
        "{\"ts\":\"2025-03-10T21:00:00Z\",\"accountId\":12345,\"rule\":\"DAILY-RESET\",\"action\":\"UNLOCK\",\"reason\":\"trading day 2025-03-11 began; lockout by RULE-003 lifted\"}");
    assertThat(run.err()).contains("24 events, 6 decisions in");
  }

  @Test
  void theMaxContractsDayPrintsTheBreachForATrader() {
    CommandRun run = CommandRun.of("simulate", "--events", EXAMPLES.resolve("max-contracts-day.jsonl").toString(),
        "--config", CONFIG);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).containsExactly(
        "2025-03-10T14:35:00Z  account 12345  RULE-001  warning: 80% of the limit"
            + "  (NET contracts 5 of limit 5: 80 % of the limit reached)",
        "2025-03-10T14:40:00Z  account 12345  RULE-001  close all positions  (NET contracts 6 > limit 5)",
        run.out().lines().reduce((first, last) -> last).orElseThrow());
    assertThat(run.out()).contains("16 events, 2 decisions in");
  }

  @Test
  void badLinesAreReportedWithTheirNumbersAndTheReplayGoesOn(@TempDir Path dir) throws Exception {
    Path events = Files.writeString(dir.resolve("bad.jsonl"), MNQ_CONTRACT
        + "{\"ts\": \"2025-03-10T14:30:00Z\", \"hub\": \"user\", \"target\": \"GatewayUserPosition\"\n"
        + "{\"ts\": \"2025-03-10T14:30:01Z\", \"hub\": \"market\", \"target\": \"GatewayDepth\", \"contractId\": \"CON.F.US.MNQ.H25\", \"data\": {}}\n"
        + "{\"ts\": \"2025-03-10T14:30:02Z\", \"hub\": \"user\", \"target\": \"GatewayUserTrade\", \"data\": {\"id\": 1}}\n"
        + "{\"ts\": \"2025-03-10T14:30:03Z\", \"hub\": \"user\", \"target\": \"GatewayUserPosition\", \"data\": {\"id\": 1, "
        + "\"accountId\": 1, \"contractId\": \"CON.F.US.MNQ.H25\", \"type\": 1, \"size\": 9, \"averagePrice\": 21000}}\n");

    CommandRun run = CommandRun.of("simulate", "--events", events.toString(), "--config", CONFIG);

    assertThat(run.exitCode()).isZero();
    assertThat(run.err().lines()).hasSize(3);
    assertThat(run.err().lines().findFirst()).hasValueSatisfying(first ->
        assertThat(first).startsWith(events + ":2: not JSON: Unexpected end-of-input"));
    assertThat(run.err().lines().skip(1)).containsExactly(
        events + ":3: skipped: target GatewayDepth on hub market is not used",
        events + ":4: GatewayUserTrade: missing field 'accountId'");
    assertThat(run.out()).contains("RULE-001  close all positions  (NET contracts 9 > limit 5)");
  }

  @Test
  void aContractWithoutMetadataStopsTheReplayNamingIt(@TempDir Path dir) throws Exception {
    Path events = Files.writeString(dir.resolve("no-metadata.jsonl"), MNQ_CONTRACT
        + "{\"ts\": \"2025-03-10T14:30:00Z\", \"hub\": \"market\", \"target\": \"GatewayQuote\", "
        + "\"contractId\": \"CON.F.US.EP.H25\", \"data\": {\"lastPrice\": 5800}}\n");

    CommandRun run = CommandRun.of("simulate", "--events", events.toString(), "--config", CONFIG);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith(events + ":2: contract CON.F.US.EP.H25 has no metadata");
  }

  @Test
  void aRecordingOfAnUnknownVersionIsRejected(@TempDir Path dir) throws Exception {
    Path events = Files.writeString(dir.resolve("v9.jsonl"), "{\"format\": \"riskguard-recording\", \"version\": 9}\n");

    CommandRun run = CommandRun.of("simulate", "--events", events.toString(), "--config", CONFIG);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(events + ":1: recording version 9 is not supported");
  }

  @Test
  void aRulePackageThatDoesNotCompileStopsBeforeReplaying(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("broken.drl"), "package x;\nrule \"r\" when\n  Nothing()\nthen end\n");

    CommandRun run = CommandRun.of("simulate", "--events", EXAMPLES.resolve("max-contracts-day.jsonl").toString(),
        "--config", CONFIG, "--rules", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("broken.drl:3: ");
    assertThat(run.out()).isEmpty();
  }
}
