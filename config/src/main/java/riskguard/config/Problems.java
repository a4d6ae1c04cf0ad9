package riskguard.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found in one file, so the operator sees them all at once. */
final class Problems {

  private final String file;
  private final List<ConfigError> errors = new ArrayList<>();

  Problems(String file) {
    this.file = file;
  }

  void add(int line, int column, String key, String message) {
    errors.add(new ConfigError(file, line, column, key, message));
  }

  void fileProblem(String message) {
    add(0, 0, "", message);
  }

  /** Throws a {@link ConfigException} with every problem, in file order, if there is any. */
  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ConfigException(
          errors.stream()
              .sorted(
                  Comparator.comparingInt(ConfigError::line).thenComparingInt(ConfigError::column))
              .toList());
    }
  }
}
