package riskguard.config;

import java.util.List;

/** A YAML value with the place it was written, so every error can name its line. */
sealed interface YamlNode {

  int line();

  int column();

  /** What the node is, for "expected a number, found a list" messages. */
  String describe();

  /** A mapping; entries keep the file's order. */
  record Mapping(List<Entry> entries, int line, int column) implements YamlNode {
    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** One {@code key: value} of a mapping; the line and column are the key's. */
  record Entry(String key, int line, int column, YamlNode value) {}

  record Sequence(List<YamlNode> items, int line, int column) implements YamlNode {
    @Override
    public String describe() {
      return "a list";
    }
  }

  /** A scalar; {@code text} is as written (null for a YAML null). */
  record Scalar(String text, Kind kind, int line, int column) implements YamlNode {
    enum Kind {
      STRING,
      INTEGER,
      DECIMAL,
      TRUE,
      FALSE,
      NULL
    }

    @Override
    public String describe() {
      return switch (kind) {
        case STRING -> "text";
        case INTEGER -> "a whole number";
        case DECIMAL -> "a decimal number";
        case TRUE, FALSE -> "true/false";
        case NULL -> "nothing";
      };
    }
  }
}
