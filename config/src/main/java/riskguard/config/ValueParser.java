package riskguard.config;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns YAML scalars into typed values, reporting what is wrong and where to {@link Problems}.
 * Every method returns null for a value it could not use, after reporting it. Values that came from
 * the environment are never repeated in a message.
 */
final class ValueParser {

  /** {@code $${} (a literal {@code ${}), or {@code ${NAME}}; group 2 is empty when not closed. */
  private static final Pattern VARIABLE = Pattern.compile("\\$\\$\\{|\\$\\{([^}]*)(}?)");
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern SYMBOL_ROOT = Pattern.compile("[A-Z0-9]{1,10}");
  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
  private static final String DAY_WORDS = "MON, TUE, WED, THU, FRI, SAT, SUN";

  /**
   * A string value after {@code ${NAME}} substitution; {@code fromEnvironment} hides it and
   * {@code variables} names the environment variables it was filled from (none when written).
   */
  record Text(String value, boolean fromEnvironment, List<String> variables) {
    Text(String value, boolean fromEnvironment) {
      this(value, fromEnvironment, List.of());
    }

    /** The value quoted for a message, or a stand-in when it came from the environment. */
    String shown() {
      return fromEnvironment ? "(the value from the environment)" : "'" + value + "'";
    }
  }

  private final Problems problems;
  private final Map<String, String> environment;

  ValueParser(Problems problems, Map<String, String> environment) {
    this.problems = problems;
    this.environment = environment;
  }

  void error(YamlNode node, String path, String message) {
    problems.add(node.line(), node.column(), path, message);
  }

  void error(int line, int column, String path, String message) {
    problems.add(line, column, path, message);
  }

  /** A warning: the value works but should be written otherwise. */
  void warning(YamlNode node, String path, String message) {
    problems.warn(node.line(), node.column(), path, message);
  }

  List<ConfigError> warnings() {
    return problems.warnings();
  }

  /** Any scalar as text, with {@code ${NAME}} replaced; null for a list, mapping or null. */
  Text text(YamlNode node, String path) {
    if (!(node instanceof YamlNode.Scalar scalar) || scalar.kind() == YamlNode.Scalar.Kind.NULL) {
      error(node, path, "expected text, found " + node.describe());
      return null;
    }
    if (scalar.kind() != YamlNode.Scalar.Kind.STRING || !scalar.text().contains("$")) {
      return new Text(scalar.text(), false);
    }
    return substitute(scalar, path);
  }

  private Text substitute(YamlNode.Scalar scalar, String path) {
    Matcher matcher = VARIABLE.matcher(scalar.text());
    StringBuilder result = new StringBuilder();
    boolean substituted = false;
    boolean complete = true;
    List<String> variables = new ArrayList<>();
    while (matcher.find()) {
      String replacement;
      if (matcher.group(1) == null) {
        replacement = "${";
      } else {
        String name = matcher.group(1);
        if (matcher.group(2).isEmpty()) {
          error(scalar, path, "'${' is not closed; write ${NAME}");
          complete = false;
          replacement = "";
        } else if (!VARIABLE_NAME.matcher(name).matches()) {
          error(scalar, path, "'${" + name + "}' is not a variable reference; write ${NAME}");
          complete = false;
          replacement = "";
        } else if (environment.get(name) == null) {
          error(
              scalar,
              path,
              "environment variable "
                  + name
                  + " is not set; set "
                  + name
                  + " before starting riskguard");
          complete = false;
          replacement = "";
        } else {
          replacement = environment.get(name);
          substituted = true;
          variables.add(name);
        }
      }
      matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(result);
    return complete ? new Text(result.toString(), substituted, List.copyOf(variables)) : null;
  }

  /** A whole number of at least {@code min}. */
  Integer integer(YamlNode node, String path, int min) {
    String digits = numberText(node, path, "a whole number");
    if (digits == null) {
      return null;
    }
    BigDecimal value;
    try {
      value = new BigDecimal(digits);
    } catch (NumberFormatException e) {
      value = null;
    }
    if (value == null || value.stripTrailingZeros().scale() > 0) {
      error(node, path, "expected a whole number, found " + shownNumber(node, digits));
      return null;
    }
    if (value.compareTo(BigDecimal.valueOf(min)) < 0) {
      error(node, path, "must be " + atLeast(min) + ", found " + shownNumber(node, digits));
      return null;
    }
    if (value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      error(node, path, "is too large, found " + shownNumber(node, digits));
      return null;
    }
    return value.intValue();
  }

  /** A dollar amount strictly greater than 0 (limits are written as positive numbers). */
  Double positiveAmount(YamlNode node, String path) {
    Double amount = amount(node, path);
    if (amount != null && amount <= 0) {
      error(node, path, "must be a positive dollar amount, found " + shownScalar(node));
      return null;
    }
    return amount;
  }

  /** A dollar amount of 0 or more. */
  Double nonNegativeAmount(YamlNode node, String path) {
    Double amount = amount(node, path);
    if (amount != null && amount < 0) {
      error(node, path, "must be 0 or more, found " + shownScalar(node));
      return null;
    }
    return amount;
  }

  private Double amount(YamlNode node, String path) {
    String digits = numberText(node, path, "a dollar amount");
    if (digits == null) {
      return null;
    }
    try {
      double value = Double.parseDouble(digits);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    error(node, path, "expected a dollar amount, found " + shownNumber(node, digits));
    return null;
  }

  /** The number as text: from a YAML number, or from a string filled in by the environment. */
  private String numberText(YamlNode node, String path, String expected) {
    if (node instanceof YamlNode.Scalar scalar) {
      switch (scalar.kind()) {
        case INTEGER, DECIMAL -> {
          return scalar.text().replace("_", "");
        }
        case STRING -> {
          if (scalar.text().contains("${")) {
            Text text = text(node, path);
            return text == null ? null : text.value().strip();
          }
          String hint = scalar.text().strip().matches("-?[0-9.]+") ? "; write it without quotes" : "";
          error(node, path, "expected " + expected + ", found text '" + scalar.text() + "'" + hint);
          return null;
        }
        default -> {}
      }
    }
    error(node, path, "expected " + expected + ", found " + node.describe());
    return null;
  }

  private static String shownNumber(YamlNode node, String digits) {
    boolean fromEnvironment =
        node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Scalar.Kind.STRING;
    return fromEnvironment ? "(the value from the environment)" : digits;
  }

  private static String atLeast(int min) {
    return min == 1 ? "greater than 0" : "at least " + min;
  }

  Boolean bool(YamlNode node, String path) {
    if (node instanceof YamlNode.Scalar scalar) {
      switch (scalar.kind()) {
        case TRUE -> {
          return true;
        }
        case FALSE -> {
          return false;
        }
        case STRING -> {
          if (scalar.text().contains("${")) {
            Text text = text(node, path);
            if (text == null) {
              return null;
            }
            String value = text.value().strip().toLowerCase(Locale.ROOT);
            if (value.equals("true") || value.equals("false")) {
              return Boolean.parseBoolean(value);
            }
          }
        }
        default -> {}
      }
    }
    error(node, path, "expected true or false, found " + describeScalar(node));
    return null;
  }

  /** A word from {@code type}'s constants, written in lower case with underscores. */
  <E extends Enum<E>> E word(YamlNode node, String path, Class<E> type) {
    Text text = text(node, path);
    if (text == null) {
      return null;
    }
    String wanted = text.value().strip().toUpperCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(wanted)) {
        return constant;
      }
    }
    error(node, path, "unknown word " + text.shown() + "; valid: " + words(type));
    return null;
  }

  static <E extends Enum<E>> String words(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(constant -> constant.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }

  /** A time of day written {@code HH:MM} (or {@code HH:MM:SS}). */
  LocalTime time(YamlNode node, String path) {
    Text text = text(node, path);
    if (text == null) {
      return null;
    }
    Matcher matcher = TIME.matcher(text.value().strip());
    if (matcher.matches()) {
      int hour = Integer.parseInt(matcher.group(1));
      int minute = Integer.parseInt(matcher.group(2));
      int second = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
      if (hour < 24 && minute < 60 && second < 60) {
        return LocalTime.of(hour, minute, second);
      }
    }
    error(
        node,
        path,
        "not a time of day: " + text.shown() + "; write HH:MM in quotes, e.g. \"09:30\"");
    return null;
  }

  ZoneId zone(YamlNode node, String path) {
    Text text = text(node, path);
    if (text == null) {
      return null;
    }
    try {
      return ZoneId.of(text.value().strip());
    } catch (DateTimeException e) {
      error(
          node,
          path,
          "unknown time zone "
              + text.shown()
              + "; use a region name such as America/New_York or America/Chicago");
      return null;
    }
  }

  DayOfWeek day(YamlNode node, String path) {
    Text text = text(node, path);
    if (text == null) {
      return null;
    }
    String wanted = text.value().strip().toUpperCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().equals(wanted) || day.name().substring(0, 3).equals(wanted)) {
        return day;
      }
    }
    error(node, path, "unknown day " + text.shown() + "; valid: " + DAY_WORDS);
    return null;
  }

  LocalDate date(YamlNode node, String path) {
    Text text = text(node, path);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.value().strip());
    } catch (DateTimeParseException e) {
      error(node, path, "not a date: " + text.shown() + "; write YYYY-MM-DD, e.g. \"2025-12-25\"");
      return null;
    }
  }

  /** An absolute http(s) or ws(s) URL with a host. */
  URI url(YamlNode node, String path) {
    Text text = text(node, path);
    if (text == null) {
      return null;
    }
    try {
      URI uri = new URI(text.value().strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.getHost() != null
          && (scheme.equals("http")
              || scheme.equals("https")
              || scheme.equals("ws")
              || scheme.equals("wss"))) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    error(node, path, "not a URL: " + text.shown() + "; write e.g. https://api.topstepx.com");
    return null;
  }

  /**
   * A symbol root such as ES or MNQ, returned in upper case and in the trader's spelling (the
   * gateway's EP is ES).
   */
  String symbolRoot(YamlNode node, String path) {
    Text text = text(node, path);
    if (text == null) {
      return null;
    }
    String root = text.value().strip().toUpperCase(Locale.ROOT);
    if (!isSymbolRoot(root)) {
      error(
          node,
          path,
          "not a symbol root: " + text.shown() + "; write the product code, e.g. ES or MNQ");
      return null;
    }
    return SymbolRootAliases.canonical(root);
  }

  /** True for an upper-case symbol root as configs write them (ES, MNQ, RTY…). */
  static boolean isSymbolRoot(String root) {
    return SYMBOL_ROOT.matcher(root).matches();
  }

  /** The scalar as written, or a stand-in when it came from the environment. */
  private static String shownScalar(YamlNode node) {
    YamlNode.Scalar scalar = (YamlNode.Scalar) node;
    return shownNumber(node, scalar.text());
  }

  private static String describeScalar(YamlNode node) {
    if (node instanceof YamlNode.Scalar scalar && scalar.kind() != YamlNode.Scalar.Kind.NULL) {
      return scalar.kind() == YamlNode.Scalar.Kind.STRING && scalar.text().contains("${")
          ? "(the value from the environment)"
          : "'" + scalar.text() + "'";
    }
    return node.describe();
  }
}
