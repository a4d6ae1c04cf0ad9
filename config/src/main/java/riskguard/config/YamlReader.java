package riskguard.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into {@link YamlNode}s that remember their line and column. Syntax errors,
 * duplicate keys and aliases are reported to {@link Problems}; the result is null when the text
 * cannot be read at all.
 *
 * <p>An alias ({@code *name}) is an error: the parser hands it over as the text of its anchor's
 * name and does not tell a scalar's anchor, so reading on would turn it into a value nobody wrote
 * ({@code accounts: [*main]} would guard an account named "main").
 */
final class YamlReader {

  private static final YAMLFactory FACTORY = new YAMLFactory();

  private final Problems problems;

  YamlReader(Problems problems) {
    this.problems = problems;
  }

  YamlNode read(String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.fileProblem("the file is empty");
        return null;
      }
      YamlNode root = readValue(parser, "");
      if (parser.nextToken() != null) {
        JsonLocation where = parser.currentTokenLocation();
        problems.add(
            where.getLineNr(), where.getColumnNr(), "", "only one YAML document is allowed");
      }
      return root;
    } catch (JsonProcessingException e) {
      Mark mark =
          e.getCause() instanceof MarkedYAMLException marked ? marked.getProblemMark() : null;
      JsonLocation where = e.getLocation();
      int line = mark != null ? mark.getLine() + 1 : where == null ? 0 : where.getLineNr();
      int column = mark != null ? mark.getColumn() + 1 : where == null ? 0 : where.getColumnNr();
      problems.add(line, column, "", "not valid YAML: " + syntaxProblem(e.getOriginalMessage()));
      return null;
    } catch (IOException e) {
      problems.fileProblem("cannot read: " + e.getMessage());
      return null;
    }
  }

  private YamlNode readValue(JsonParser parser, String path) throws IOException {
    JsonLocation where = parser.currentTokenLocation();
    int line = where.getLineNr();
    int column = where.getColumnNr();
    JsonToken token = parser.currentToken();
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      problems.add(
          line,
          column,
          path,
          "YAML aliases (*" + parser.getText() + ") are not supported; write the value itself");
      return new YamlNode.Scalar(null, YamlNode.Scalar.Kind.NULL, line, column);
    }
    return switch (token) {
      case START_OBJECT -> readMapping(parser, path, line, column);
      case START_ARRAY -> readSequence(parser, path, line, column);
      case VALUE_STRING -> scalar(parser, YamlNode.Scalar.Kind.STRING, line, column);
      case VALUE_NUMBER_INT -> scalar(parser, YamlNode.Scalar.Kind.INTEGER, line, column);
      case VALUE_NUMBER_FLOAT -> scalar(parser, YamlNode.Scalar.Kind.DECIMAL, line, column);
      case VALUE_TRUE -> scalar(parser, YamlNode.Scalar.Kind.TRUE, line, column);
      case VALUE_FALSE -> scalar(parser, YamlNode.Scalar.Kind.FALSE, line, column);
      case VALUE_NULL -> new YamlNode.Scalar(null, YamlNode.Scalar.Kind.NULL, line, column);
      default -> throw new IllegalStateException("unexpected YAML token " + token);
    };
  }

  private YamlNode.Mapping readMapping(JsonParser parser, String path, int line, int column)
      throws IOException {
    List<YamlNode.Entry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      JsonLocation keyAt = parser.currentTokenLocation();
      String key = parser.currentName();
      String keyPath = path.isEmpty() ? key : path + "." + key;
      parser.nextToken();
      YamlNode value = readValue(parser, keyPath);
      if (seen.add(key)) {
        entries.add(new YamlNode.Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value));
      } else {
        problems.add(
            keyAt.getLineNr(), keyAt.getColumnNr(), keyPath, "duplicate key; write it only once");
      }
    }
    return new YamlNode.Mapping(List.copyOf(entries), line, column);
  }

  private YamlNode.Sequence readSequence(JsonParser parser, String path, int line, int column)
      throws IOException {
    List<YamlNode> items = new ArrayList<>();
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      items.add(readValue(parser, path + "[" + index++ + "]"));
    }
    return new YamlNode.Sequence(List.copyOf(items), line, column);
  }

  private static YamlNode.Scalar scalar(
      JsonParser parser, YamlNode.Scalar.Kind kind, int line, int column) throws IOException {
    return new YamlNode.Scalar(parser.getText(), kind, line, column);
  }

  /**
   * SnakeYAML's message without its source excerpt and caret lines: the excerpt would repeat the
   * file's text, which the error already locates by line and column.
   */
  private static String syntaxProblem(String message) {
    return message
        .lines()
        .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
        .map(String::strip)
        .collect(Collectors.joining(": "));
  }
}
