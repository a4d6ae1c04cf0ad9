package riskguard.config;

/**
 * One problem in a config file. {@code line} and {@code column} are 1-based, 0 when the problem
 * concerns the whole file; {@code key} is the dotted key path ({@code rules.max_contracts.limit}),
 * empty for the whole file.
 */
public record ConfigError(String file, int line, int column, String key, String message) {

  /** {@code file:line:col: key: message}, leaving out the parts that are unknown. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(file);
    if (line > 0) {
      text.append(':').append(line).append(':').append(column);
    }
    text.append(": ");
    if (!key.isEmpty()) {
      text.append(key).append(": ");
    }
    return text.append(message).toString();
  }
}
