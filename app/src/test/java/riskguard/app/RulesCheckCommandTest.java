package riskguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCheckCommandTest {

  @Test
  void theShippedPackageCompiles() {
    CommandRun run = CommandRun.of("rules", "check");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).matches("OK: \\d+ rules in the shipped rules\\R");
  }

  @Test
  void aDirectoryIsCheckedAndItsRulesCounted(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("one.drl"), "package x;\nrule \"Always\" when eval(true) then end\n");

    CommandRun run = CommandRun.of("rules", "check", dir.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("OK: 1 rules in " + dir + System.lineSeparator());
  }

  @Test
  void everyErrorIsPrintedAsFileLineMessageAndTheExitCodeIsOne(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.drl"), "package x;\n\nrule \"A\" when\n  Missing()\nthen end\n");
    Files.writeString(dir.resolve("b.drl"), "package x;\nrule \"B\" when\n  eval(true)\nthen\n  int x = \"text\";\nend\n");

    CommandRun run = CommandRun.of("rules", "check", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("a.drl:4: ").contains("b.drl:2: ");
    assertThat(run.err().lines().reduce((first, last) -> last)).hasValueSatisfying(last ->
        assertThat(last).endsWith("error(s) in " + dir));
  }

  @Test
  void aFileThatDoesNotParseIsNotBuriedUnderTheErrorsItCausesInTheOtherFiles(@TempDir Path dir) throws Exception {
    Path shipped = Path.of("..", "rules-dsl", "src", "main", "resources", "rules");
    try (Stream<Path> files = Files.list(shipped)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, dir.resolve(file.getFileName()));
      }
    }
    Files.writeString(dir.resolve("broken.drl"), "package rules\nrule \"broken\"\nwhen\n  Position( size >\nthen\nend\n");

    CommandRun run = CommandRun.of("rules", "check", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("broken.drl:6: ").contains("left out: they follow from the syntax error");
    assertThat(run.err().lines().filter(line -> line.startsWith("rule-"))).as(run.err()).isEmpty();
  }
}
