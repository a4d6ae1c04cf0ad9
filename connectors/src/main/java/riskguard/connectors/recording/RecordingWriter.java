package riskguard.connectors.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a recording that {@link RecordingReader} reads back: the header, then one line per
 * hub event or contract. gzip-compressed when the name ends in {@code .gz}. Safe to call
 * from several threads (user and market hubs); lines are written whole.
 */
public final class RecordingWriter implements Closeable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BufferedWriter out;

  private RecordingWriter(BufferedWriter out) {
    this.out = out;
  }

  /** Creates (or replaces) {@code file} and writes the header. */
  public static RecordingWriter create(Path file, List<Long> accounts, String note) throws IOException {
    OutputStream stream = Files.newOutputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      stream = new GZIPOutputStream(stream, 64 * 1024);
    }
    RecordingWriter writer =
        new RecordingWriter(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024));
    ObjectNode header = JSON.createObjectNode()
        .put("format", RecordingHeader.FORMAT)
        .put("version", RecordingHeader.VERSION);
    accounts.forEach(header.putArray("accounts")::add);
    if (note != null) {
      header.put("note", note);
    }
    writer.writeLine(header);
    return writer;
  }

  /** A hub event: {@code contractId} is the first argument of a market event, else null. */
  public void event(Instant ts, String hub, String target, String contractId, JsonNode data) throws IOException {
    ObjectNode line = JSON.createObjectNode().put("ts", ts.toString()).put("hub", hub).put("target", target);
    if (contractId != null) {
      line.put("contractId", contractId);
    }
    line.set("data", data);
    writeLine(line);
  }

  /** Contract metadata as {@code /api/Contract/searchById} answered it. */
  public void contract(Instant ts, JsonNode data) throws IOException {
    ObjectNode line = JSON.createObjectNode().put("ts", ts.toString()).put("kind", "contract");
    line.set("data", data);
    writeLine(line);
  }

  public synchronized void flush() throws IOException {
    out.flush();
  }

  private synchronized void writeLine(JsonNode line) throws IOException {
    out.write(JSON.writeValueAsString(line));
    out.write('\n');
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
