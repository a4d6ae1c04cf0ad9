package riskguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code riskguard rules test} on the shipped package and its cases, and on a case that is wrong. */
class RulesTestCommandTest {

  private static final Path SHIPPED = Path.of("..", "rules-dsl", "src", "main", "resources", "rules");
  private static final String CASE = "rule-005-max-unrealized-profit";

  @Test
  void everyShippedCasePassesFromTheSourceTree() {
    CommandRun run = CommandRun.of("rules", "test", SHIPPED.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("PASS rule-001-max-contracts (2 decisions)", "PASS rule-008-no-stop-loss-grace (2 decisions)",
            "PASS rule-012-trade-management (5 decisions)", "PASS rule-precedence (9 decisions)")
        .contains("18 cases: 18 passed, 0 failed");
  }

  @Test
  void withoutADirectoryTheShippedPackageRunsItsOwnCases() {
    CommandRun run = CommandRun.of("rules", "test");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("18 cases: 18 passed, 0 failed", "from the shipped rules");
  }

  @Test
  void aWrongExpectationFailsWithADiffOfWhatWasExpectedAndWhatWasDecided(@TempDir Path dir) throws IOException {
    Path tests = copyOfTheShippedPackageWithTheCase(dir);
    Path source = SHIPPED.resolve("tests");
    String expected = Files.readString(source.resolve(CASE + ".expected.jsonl"));
    Files.writeString(tests.resolve(CASE + ".expected.jsonl"), expected.replace("2025-03-10T21:00:00Z", "2025-03-10T22:00:00Z"));

    CommandRun run = CommandRun.of("rules", "test", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    String lockout = "\"rule\":\"RULE-005\",\"action\":\"LOCKOUT\",\"until\":\"2025-03-10T%s:00:00Z\"";
    assertThat(run.out().lines())
        .contains("FAIL " + CASE + ": 1 expected decision(s) not made, 1 unexpected (- expected, + actual)")
        .anyMatch(line -> line.startsWith("  - ") && line.contains(lockout.formatted("22")))
        .anyMatch(line -> line.startsWith("  + ") && line.contains(lockout.formatted("21")))
        .anyMatch(line -> line.startsWith("    ") && line.contains("\"action\":\"CLOSE_ALL\""))
        .anyMatch(line -> line.startsWith("1 cases: 0 passed, 1 failed"));
  }

  @Test
  void theDecisionsOfOneInstantMayBeExpectedInAnyOrder(@TempDir Path dir) throws IOException {
    Path tests = copyOfTheShippedPackageWithTheCase(dir);
    List<String> expected = new ArrayList<>(Files.readAllLines(SHIPPED.resolve("tests").resolve(CASE + ".expected.jsonl")));
    assertThat(expected).hasSize(3).allMatch(line -> line.startsWith("{\"ts\":\"2025-03-10T15:21:00Z\""));
    Collections.reverse(expected);
    Files.write(tests.resolve(CASE + ".expected.jsonl"), expected);

    CommandRun run = CommandRun.of("rules", "test", dir.toString());

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("PASS " + CASE + " (3 decisions)");
  }

  @Test
  void aPackageWithoutCasesSaysWhereTheyGo(@TempDir Path dir) throws IOException {
    Files.copy(SHIPPED.resolve("lockout-guard.drl"), dir.resolve("lockout-guard.drl"));

    CommandRun run = CommandRun.of("rules", "test", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("no test cases in " + dir.resolve("tests"), "NAME.expected.jsonl");
  }

  /** The shipped rules in {@code dir}, with the events and config of {@link #CASE} in its tests/. */
  private static Path copyOfTheShippedPackageWithTheCase(Path dir) throws IOException {
    Path tests = Files.createDirectories(dir.resolve("tests"));
    try (Stream<Path> rules = Files.list(SHIPPED)) {
      for (Path rule : rules.filter(Files::isRegularFile).toList()) {
        Files.copy(rule, dir.resolve(rule.getFileName()));
      }
    }
    Path source = SHIPPED.resolve("tests");
    Files.copy(source.resolve(CASE + ".jsonl"), tests.resolve(CASE + ".jsonl"));
    Files.copy(source.resolve(CASE + ".config.yaml"), tests.resolve(CASE + ".config.yaml"));
    return tests;
  }
}
