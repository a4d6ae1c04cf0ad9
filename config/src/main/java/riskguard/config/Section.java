package riskguard.config;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One mapping of the config file with its allowed keys. Unknown keys are reported when the section
 * is opened; typed getters report bad values and fall back to the default; a missing required key
 * is reported only when the section is enforced (a rule section with {@code enabled: false} is
 * checked for typos and types, not for completeness).
 */
final class Section {

  private final Map<String, YamlNode.Entry> entries;
  private final Set<String> suggestedKeys;
  private final String path;
  private final int line;
  private final int column;
  private final ValueParser values;
  private final boolean enforceRequired;

  private Section(
      Map<String, YamlNode.Entry> entries,
      Set<String> suggestedKeys,
      String path,
      int line,
      int column,
      ValueParser values,
      boolean enforceRequired) {
    this.entries = entries;
    this.suggestedKeys = suggestedKeys;
    this.path = path;
    this.line = line;
    this.column = column;
    this.values = values;
    this.enforceRequired = enforceRequired;
  }

  /**
   * Opens {@code node} (written at {@code line}:{@code column} under {@code path}) as a section
   * allowing {@code keys}. A YAML null opens as an empty section.
   */
  static Section open(
      YamlNode node, String path, int line, int column, ValueParser values, List<String> keys) {
    Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
    Set<String> suggestedKeys = new HashSet<>();
    if (node instanceof YamlNode.Mapping mapping) {
      for (YamlNode.Entry entry : mapping.entries()) {
        if (keys.contains(entry.key())) {
          entries.put(entry.key(), entry);
          continue;
        }
        String nearest = KeySuggestion.nearest(entry.key(), keys);
        String message =
            nearest != null
                ? "unknown key `" + entry.key() + "`; did you mean `" + nearest + "`?"
                : "unknown key `" + entry.key() + "`; valid keys: " + String.join(", ", keys);
        values.error(entry.line(), entry.column(), join(path, entry.key()), message);
        if (nearest != null) {
          suggestedKeys.add(nearest);
        }
      }
    } else if (!isNull(node)) {
      values.error(
          node,
          path,
          "expected a mapping of keys (" + String.join(", ", keys) + "), found " + node.describe());
    }
    return new Section(entries, suggestedKeys, path, line, column, values, true);
  }

  /** The same section, reporting missing required keys only when {@code enforce} is true. */
  Section enforcingRequired(boolean enforce) {
    return new Section(entries, suggestedKeys, path, line, column, values, enforce);
  }

  String path(String key) {
    return join(path, key);
  }

  ValueParser values() {
    return values;
  }

  boolean isEnforced() {
    return enforceRequired;
  }

  /** True when {@code key} is written with a non-null value. */
  boolean has(String key) {
    YamlNode.Entry entry = entries.get(key);
    return entry != null && !isNull(entry.value());
  }

  /** The value of {@code key}, or null when absent or written without a value. */
  YamlNode node(String key) {
    return has(key) ? entries.get(key).value() : null;
  }

  /**
   * Reports that the section needs {@code key}, unless the section is not enforced or a mistyped
   * key already reported points at it.
   */
  void reportMissing(String key, String hint) {
    if (enforceRequired && !suggestedKeys.contains(key)) {
      values.error(line, column, path(key), "missing; " + hint);
    }
  }

  /** Reports a problem about the section as a whole. */
  void reportProblem(String message) {
    if (enforceRequired) {
      values.error(line, column, path, message);
    }
  }

  /** A nested section, or null when {@code key} is absent. */
  Section section(String key, List<String> keys) {
    YamlNode.Entry entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    return Section.open(entry.value(), path(key), entry.line(), entry.column(), values, keys)
        .enforcingRequired(enforceRequired);
  }

  /** The list under {@code key}, or null when absent (or not a list, which is reported). */
  List<YamlNode> list(String key) {
    YamlNode node = node(key);
    if (node == null) {
      return null;
    }
    if (node instanceof YamlNode.Sequence sequence) {
      return sequence.items();
    }
    values.error(node, path(key), "expected a list, found " + node.describe());
    return null;
  }

  /** The free-form mapping under {@code key} (symbol → value), or null when absent. */
  YamlNode.Mapping mapping(String key) {
    YamlNode node = node(key);
    if (node == null) {
      return null;
    }
    if (node instanceof YamlNode.Mapping mapping) {
      return mapping;
    }
    values.error(node, path(key), "expected a mapping, found " + node.describe());
    return null;
  }

  Integer optionalInteger(String key, int min) {
    YamlNode node = node(key);
    return node == null ? null : values.integer(node, path(key), min);
  }

  int integer(String key, int min, int fallback) {
    Integer value = optionalInteger(key, min);
    return value == null ? fallback : value;
  }

  int requiredInteger(String key, int min) {
    if (!has(key)) {
      reportMissing(key, "add `" + key + ":` with a whole number");
    }
    return integer(key, min, min);
  }

  double requiredPositiveAmount(String key) {
    YamlNode node = node(key);
    if (node == null) {
      reportMissing(key, "add `" + key + ":` with a positive dollar amount, e.g. 500");
      return 0;
    }
    Double amount = values.positiveAmount(node, path(key));
    return amount == null ? 0 : amount;
  }

  double nonNegativeAmount(String key, double fallback) {
    YamlNode node = node(key);
    Double amount = node == null ? null : values.nonNegativeAmount(node, path(key));
    return amount == null ? fallback : amount;
  }

  boolean bool(String key, boolean fallback) {
    YamlNode node = node(key);
    Boolean value = node == null ? null : values.bool(node, path(key));
    return value == null ? fallback : value;
  }

  <E extends Enum<E>> E word(String key, Class<E> type, E fallback) {
    YamlNode node = node(key);
    E value = node == null ? null : values.word(node, path(key), type);
    return value == null ? fallback : value;
  }

  LocalTime time(String key, LocalTime fallback) {
    YamlNode node = node(key);
    LocalTime value = node == null ? null : values.time(node, path(key));
    return value == null ? fallback : value;
  }

  LocalTime requiredTime(String key) {
    if (!has(key)) {
      reportMissing(key, "add `" + key + ": \"HH:MM\"`");
      return null;
    }
    return values.time(node(key), path(key));
  }

  ZoneId zone(String key, ZoneId fallback) {
    YamlNode node = node(key);
    ZoneId value = node == null ? null : values.zone(node, path(key));
    return value == null ? fallback : value;
  }

  DayOfWeek day(String key) {
    YamlNode node = node(key);
    return node == null ? null : values.day(node, path(key));
  }

  /** A list of days; {@code fallback} when absent. An empty list is reported. */
  Set<DayOfWeek> days(String key, Set<DayOfWeek> fallback) {
    List<YamlNode> items = list(key);
    if (items == null) {
      return fallback;
    }
    if (items.isEmpty()) {
      values.error(
          node(key), path(key), "list at least one day (MON, TUE, WED, THU, FRI, SAT, SUN)");
      return fallback;
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (int i = 0; i < items.size(); i++) {
      DayOfWeek day = values.day(items.get(i), path(key) + "[" + i + "]");
      if (day != null) {
        days.add(day);
      }
    }
    return days.isEmpty() ? fallback : days;
  }

  URI url(String key, URI fallback) {
    YamlNode node = node(key);
    URI value = node == null ? null : values.url(node, path(key));
    return value == null ? fallback : value;
  }

  /** Text with {@code ${NAME}} substituted, or null when absent. */
  ValueParser.Text text(String key) {
    YamlNode node = node(key);
    return node == null ? null : values.text(node, path(key));
  }

  private static boolean isNull(YamlNode node) {
    return node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Scalar.Kind.NULL;
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
