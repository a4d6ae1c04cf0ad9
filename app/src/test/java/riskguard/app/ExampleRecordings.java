package riskguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

/** Runs {@code riskguard simulate --json} on an example recording in {@code examples/} with its own config. */
final class ExampleRecordings {

  private static final Path EXAMPLES = Path.of("..", "examples");

  private ExampleRecordings() {}

  /** {@code examples/NAME.jsonl} replayed with {@code examples/NAME.yaml}. */
  static CommandRun simulate(String name) {
    return CommandRun.of("simulate", "--events", EXAMPLES.resolve(name + ".jsonl").toString(),
        "--config", EXAMPLES.resolve(name + ".yaml").toString(), "--json");
  }

  /** The decision lines the example prints; the replay must succeed. */
  static List<String> decisionLines(String name) {
    CommandRun run = simulate(name);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run.out().lines().toList();
  }
}
