package riskguard.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every problem found in one file, so the operator sees them all at once. Warnings are
 * things that work but should be written otherwise; they never make the file invalid.
 */
final class Problems {

  private static final Comparator<ConfigError> FILE_ORDER =
      Comparator.comparingInt(ConfigError::line).thenComparingInt(ConfigError::column);

  private final String file;
  private final List<ConfigError> errors = new ArrayList<>();
  private final List<ConfigError> warnings = new ArrayList<>();

  Problems(String file) {
    this.file = file;
  }

  void add(int line, int column, String key, String message) {
    errors.add(new ConfigError(file, line, column, key, message));
  }

  void warn(int line, int column, String key, String message) {
    warnings.add(new ConfigError(file, line, column, key, message));
  }

  /** The warnings found so far, in file order. */
  List<ConfigError> warnings() {
    return warnings.stream().sorted(FILE_ORDER).toList();
  }

  void fileProblem(String message) {
    add(0, 0, "", message);
  }

  /** Throws a {@link ConfigException} with every problem, in file order, if there is any. */
  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ConfigException(
          errors.stream().sorted(FILE_ORDER).toList());
    }
  }
}
