package riskguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The per-rule example recordings in {@code examples/} replay with their own configs and
 * show their rule firing, as the trader pages in {@code docs/rules/} say.
 */
class RuleExamplesTest {

  private static final String BREACH = "total unrealized -310.00 < -300.00";
  private static final String TARGET = "total unrealized 1020.00 > target 1000.00";

  @Test
  void rule002ReducesMnqAndEsToTheirLimitsAndClosesTheBlockedRty() {
    CommandRun run = ExampleRecordings.simulate("rule-002-max-contracts-per-instrument");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).containsExactly(
        "{\"ts\":\"2025-03-10T14:31:00Z\",\"accountId\":12345,\"rule\":\"RULE-002\",\"action\":\"REDUCE_POSITION\",\"contractId\":\"CON.F.US.MNQ.H25\",\"size\":1,\"reason\":\"MNQ position 3 > limit 2\"}",
        "{\"ts\":\"2025-03-10T14:35:00Z\",\"accountId\":12345,\"rule\":\"RULE-002\",\"action\":\"REDUCE_POSITION\",\"contractId\":\"CON.F.US.EP.H25\",\"size\":1,\"reason\":\"ES position 2 > limit 1\"}",
        "{\"ts\":\"2025-03-10T14:40:00Z\",\"accountId\":12345,\"rule\":\"RULE-002\",\"action\":\"CLOSE_POSITION\",\"contractId\":\"CON.F.US.RTY.H25\",\"reason\":\"RTY position 1 > no limit set for RTY and unknown symbols are blocked\"}");
  }

  @Test
  void rule004WarnsAt80PercentThenFlattensAndLocksOutBelowTheLimit() {
    CommandRun run = ExampleRecordings.simulate("rule-004-daily-unrealized-loss");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).containsExactly(
        "{\"ts\":\"2025-03-10T14:32:00Z\",\"accountId\":12345,\"rule\":\"RULE-004\",\"action\":\"WARNING\",\"level\":80,\"reason\":\"total unrealized -240.00 is 80 % of the -300.00 limit\"}",
        "{\"ts\":\"2025-03-10T14:33:30Z\",\"accountId\":12345,\"rule\":\"RULE-004\",\"action\":\"CLOSE_ALL\",\"reason\":\"" + BREACH + "\"}",
        "{\"ts\":\"2025-03-10T14:33:30Z\",\"accountId\":12345,\"rule\":\"RULE-004\",\"action\":\"CANCEL_ALL_ORDERS\",\"reason\":\"" + BREACH + "\"}",
        "{\"ts\":\"2025-03-10T14:33:30Z\",\"accountId\":12345,\"rule\":\"RULE-004\",\"action\":\"LOCKOUT\",\"until\":\"2025-03-10T21:00:00Z\",\"reason\":\"" + BREACH + "\"}",
        "{\"ts\":\"2025-03-10T14:45:00Z\",\"accountId\":12345,\"rule\":\"LOCKOUT-GUARD\",\"action\":\"CLOSE_POSITION\",\"contractId\":\"CON.F.US.MNQ.H25\",\"reason\":\"position in MNQ while locked out by RULE-004 (" + BREACH + ")\"}");
  }

  @Test
  void rule005TakesTheProfitAboveTheTargetAndNotAtIt() {
    CommandRun run = ExampleRecordings.simulate("rule-005-max-unrealized-profit");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).as("+1,000.00 at 15:20 is at the target").containsExactly(
        "{\"ts\":\"2025-03-10T15:21:00Z\",\"accountId\":12345,\"rule\":\"RULE-005\",\"action\":\"CLOSE_ALL\",\"reason\":\"" + TARGET + "\"}",
        "{\"ts\":\"2025-03-10T15:21:00Z\",\"accountId\":12345,\"rule\":\"RULE-005\",\"action\":\"CANCEL_ALL_ORDERS\",\"reason\":\"" + TARGET + "\"}",
        "{\"ts\":\"2025-03-10T15:21:00Z\",\"accountId\":12345,\"rule\":\"RULE-005\",\"action\":\"LOCKOUT\",\"until\":\"2025-03-10T21:00:00Z\",\"reason\":\"" + TARGET + "\"}");
  }
}
