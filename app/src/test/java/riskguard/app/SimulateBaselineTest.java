package riskguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import riskguard.engine.enforcement.Action;
import riskguard.engine.enforcement.Decision;

/** {@code riskguard simulate --baseline}: the same day through two packages, and what differs. */
class SimulateBaselineTest {

  private static final Path SHIPPED = Path.of("..", "rules-dsl", "src", "main", "resources", "rules");
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final String DAY = EXAMPLES.resolve("daily-loss-day.jsonl").toString();
  private static final String CONFIG = EXAMPLES.resolve("demo-config.yaml").toString();

  /** The shipped rules without RULE-003. */
  private static Path withoutDailyLoss(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(SHIPPED)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (!file.getFileName().toString().startsWith("rule-003")) {
          Files.copy(file, dir.resolve(file.getFileName()));
        }
      }
    }
    return dir;
  }

  @Test
  void removingARuleListsItsDecisionsAndThoseThatFollowedFromThemAsRemoved(@TempDir Path dir) throws IOException {
    Path candidate = withoutDailyLoss(dir);

    CommandRun run = CommandRun.of("simulate", "--events", DAY, "--config", CONFIG,
        "--rules", candidate.toString(), "--baseline", SHIPPED.toString(), "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.subList(0, 6)).allMatch(line -> line.startsWith("{\"change\":\"removed\",\"decision\":{"));
    assertThat(lines.get(0)).contains("\"rule\":\"RULE-003\",\"action\":\"CLOSE_ALL\"");
    assertThat(lines.subList(6, lines.size())).containsExactly(
        "{\"rule\":\"DAILY-RESET\",\"baseline\":1,\"decisions\":0,\"added\":0,\"removed\":1,\"changed\":0}",
        "{\"rule\":\"LOCKOUT-GUARD\",\"baseline\":2,\"decisions\":0,\"added\":0,\"removed\":2,\"changed\":0}",
        "{\"rule\":\"RULE-003\",\"baseline\":3,\"decisions\":0,\"added\":0,\"removed\":3,\"changed\":0}");
    assertThat(run.err()).contains("6 differences");
  }

  @Test
  void addingTheRuleBackListsThemAsAddedForATrader(@TempDir Path dir) throws IOException {
    Path baseline = withoutDailyLoss(dir);

    CommandRun run = CommandRun.of("simulate", "--events", DAY, "--config", CONFIG,
        "--rules", SHIPPED.toString(), "--baseline", baseline.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines())
        .contains("+ 2025-03-10T15:40:00Z  account 12345  RULE-003  close all positions  (realized -552.59 <= -500.00)",
            "RULE-003: 0 → 3 decisions, 3 added, 0 removed, 0 changed",
            "LOCKOUT-GUARD: 0 → 2 decisions, 2 added, 0 removed, 0 changed")
        .noneMatch(line -> line.startsWith("- ") || line.startsWith("~ "));
  }

  @Test
  void theSamePackageOnBothSidesDiffersInNothing() {
    CommandRun run = CommandRun.of("simulate", "--events", DAY, "--config", CONFIG,
        "--rules", SHIPPED.toString(), "--baseline", SHIPPED.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).contains("RULE-003: 3 → 3 decisions, unchanged", "0 differences between "
        + SHIPPED + " (baseline) and " + SHIPPED);
  }

  @Test
  void aDecisionOnTheSameTargetWithOtherDetailsIsChanged() {
    Instant ts = Instant.parse("2025-03-10T15:40:00Z");
    Decision lockout = Decision.of("a", ts, 12345, "RULE-003", Action.LOCKOUT, "realized -552.59 <= -500.00")
        .withUntil(Instant.parse("2025-03-10T21:00:00Z"));
    Decision later = Decision.of("b", ts, 12345, "RULE-003", Action.LOCKOUT, "realized -552.59 <= -500.00")
        .withUntil(Instant.parse("2025-03-10T22:00:00Z"));
    Decision close = Decision.of("c", ts, 12345, "RULE-003", Action.CLOSE_ALL, "realized -552.59 <= -500.00");
    Decision sameClose = Decision.of("d", ts, 12345, "RULE-003", Action.CLOSE_ALL, "realized -552.59 <= -500.00");

    DecisionComparison comparison = DecisionComparison.of(List.of(close, lockout), List.of(sameClose, later));

    assertThat(comparison.differences()).containsExactly(
        new DecisionComparison.Difference(DecisionComparison.Change.CHANGED, lockout, later));
    assertThat(comparison.summaries()).containsExactly(new DecisionComparison.RuleSummary("RULE-003", 2, 2, 0, 0, 1));
  }
}
