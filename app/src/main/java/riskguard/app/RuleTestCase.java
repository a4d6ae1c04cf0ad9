package riskguard.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One test case of a rule package: {@code tests/NAME.jsonl} (a recording), {@code
 * tests/NAME.config.yaml} (the configuration it runs with) and {@code tests/NAME.expected.jsonl}
 * (the {@code simulate --json} lines it must produce, in order).
 */
record RuleTestCase(String name, Path events, Path config, Path expected) {

  static final String TESTS_DIR = "tests";
  private static final String EXPECTED_SUFFIX = ".expected.jsonl";
  private static final String RECORDING_SUFFIX = ".jsonl";
  private static final String CONFIG_SUFFIX = ".config.yaml";

  /** Every case in {@code testsDir}, by name; none when the directory does not exist. */
  static List<RuleTestCase> in(Path testsDir) throws IOException {
    if (!Files.isDirectory(testsDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(testsDir)) {
      return files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(RECORDING_SUFFIX) && !name.endsWith(EXPECTED_SUFFIX))
          .map(name -> name.substring(0, name.length() - RECORDING_SUFFIX.length()))
          .sorted()
          .map(name -> new RuleTestCase(name, testsDir.resolve(name + RECORDING_SUFFIX),
              testsDir.resolve(name + CONFIG_SUFFIX), testsDir.resolve(name + EXPECTED_SUFFIX)))
          .toList();
    }
  }
}
