package riskguard.connectors.recording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Reads an event recording (RECORDING_FORMAT.md): UTF-8 JSON Lines, gzip-compressed when the
 * name ends in {@code .gz}; blank lines and lines starting with {@code #} skipped; an optional
 * header as the first other line; event lines and {@code kind: contract} lines. A line that
 * does not fit comes back as {@link RecordingEntry.Bad} with its number and reason, and
 * reading goes on. A header of another format or an unknown version is rejected at
 * {@link #open}.
 */
public final class RecordingReader implements Closeable, Iterable<RecordingEntry> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final BufferedReader lines;
  private final RecordingHeader header;
  private int lineNumber;
  private String pendingLine;
  private int pendingLineNumber;

  private RecordingReader(Path file, BufferedReader lines) {
    this.file = file;
    this.lines = lines;
    this.header = readHeader();
  }

  /**
   * Opens {@code file} and reads its header, if any.
   *
   * @throws RecordingFormatException when the header names another format or an unknown version
   */
  public static RecordingReader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      if (file.getFileName().toString().endsWith(".gz")) {
        in = new GZIPInputStream(in, 64 * 1024);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
      return new RecordingReader(file, reader);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** The header line, when the recording has one. */
  public Optional<RecordingHeader> header() {
    return Optional.ofNullable(header);
  }

  /** The entries after the header, in file order; one pass only. */
  @Override
  public Iterator<RecordingEntry> iterator() {
    return new Iterator<>() {
      private RecordingEntry next = advance();

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public RecordingEntry next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        RecordingEntry current = next;
        next = advance();
        return current;
      }
    };
  }

  private RecordingHeader readHeader() {
    String line = nextContentLine();
    if (line == null) {
      return null;
    }
    JsonNode node = parseOrNull(line);
    if (node == null || !node.isObject() || !node.has("format")) {
      pendingLine = line;
      pendingLineNumber = lineNumber;
      return null;
    }
    String where = file + ":" + lineNumber;
    String format = node.path("format").asText();
    if (!RecordingHeader.FORMAT.equals(format)) {
      close();
      throw new RecordingFormatException(where + ": format '" + format + "' is not " + RecordingHeader.FORMAT);
    }
    JsonNode version = node.get("version");
    if (version == null || !version.isInt() || version.asInt() != RecordingHeader.VERSION) {
      close();
      throw new RecordingFormatException(where + ": recording version " + version
          + " is not supported (this riskguard reads version " + RecordingHeader.VERSION + ")");
    }
    List<Long> accounts = new ArrayList<>();
    node.path("accounts").forEach(account -> accounts.add(account.asLong()));
    JsonNode note = node.get("note");
    return new RecordingHeader(version.asInt(), accounts, note == null || note.isNull() ? null : note.asText());
  }

  private RecordingEntry advance() {
    String line;
    int number;
    if (pendingLine != null) {
      line = pendingLine;
      number = pendingLineNumber;
      pendingLine = null;
    } else {
      line = nextContentLine();
      number = lineNumber;
    }
    return line == null ? null : parseEntry(line, number);
  }

  private RecordingEntry parseEntry(String line, int number) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return new RecordingEntry.Bad(number, "not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      return new RecordingEntry.Bad(number, "not a JSON object");
    }
    if (node.has("format")) {
      return new RecordingEntry.Bad(number, "a header is only allowed as the first line");
    }
    JsonNode data = node.get("data");
    if (data == null || !data.isObject()) {
      return new RecordingEntry.Bad(number, "'data' is missing or not an object");
    }
    Instant ts;
    try {
      ts = time(node.get("ts"));
    } catch (DateTimeParseException e) {
      return new RecordingEntry.Bad(number, "'ts' is not an ISO-8601 time: " + node.get("ts").asText());
    }
    JsonNode kind = node.get("kind");
    if (kind != null) {
      if (!"contract".equals(kind.asText())) {
        return new RecordingEntry.Bad(number, "unknown kind '" + kind.asText() + "'");
      }
      if (!data.hasNonNull("id")) {
        return new RecordingEntry.Bad(number, "contract line without 'data.id'");
      }
      return new RecordingEntry.Contract(number, ts, data);
    }
    if (ts == null) {
      return new RecordingEntry.Bad(number, "'ts' is missing");
    }
    String hub = text(node, "hub");
    String target = text(node, "target");
    if (hub == null) {
      return new RecordingEntry.Bad(number, "'hub' is missing");
    }
    if (target == null) {
      return new RecordingEntry.Bad(number, "'target' is missing");
    }
    return new RecordingEntry.Event(number, ts, hub, target, text(node, "contractId"), data);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
  }

  private static Instant time(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    String text = node.asText().trim();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }
  }

  private static JsonNode parseOrNull(String line) {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private String nextContentLine() {
    try {
      String line;
      while ((line = lines.readLine()) != null) {
        lineNumber++;
        String trimmed = line.strip();
        if (lineNumber == 1 && trimmed.startsWith("\uFEFF")) {
          trimmed = trimmed.substring(1);
        }
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          return trimmed;
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(file + ":" + lineNumber + ": cannot read", e);
    }
  }

  @Override
  public void close() {
    try {
      lines.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file, e);
    }
  }
}
