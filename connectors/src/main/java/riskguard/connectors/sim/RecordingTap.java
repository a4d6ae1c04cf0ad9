package riskguard.connectors.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what the simulator publishes as a recording (RECORDING_FORMAT.md, version 1): a header,
 * one {@code kind: contract} line per catalogue contract (so a replay needs no gateway), then
 * one line per hub event with the time it was published. GatewayDepth is left out: no rule reads
 * the book and it would be most of the file. Each line is flushed, so the file can be read live.
 */
abstract class RecordingTap implements HubBroadcaster.EventTap, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RecordingTap.class);

  static RecordingTap none() {
    return new RecordingTap() {
      @Override
      public void published(Hub hub, String target, String contractId, JsonNode data) {}

      @Override
      public void close() {}
    };
  }

  static RecordingTap toFile(Path file, JsonMapper json, Clock clock, List<SimAccount> accounts) throws IOException {
    return new FileTap(file, json, clock, accounts);
  }

  @Override
  public abstract void close();

  private static final class FileTap extends RecordingTap {
    private final Path file;
    private final JsonMapper json;
    private final Clock clock;
    private final BufferedWriter out;
    private boolean failed;

    FileTap(Path file, JsonMapper json, Clock clock, List<SimAccount> accounts) throws IOException {
      this.file = file;
      this.json = json;
      this.clock = clock;
      this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      ObjectNode header = json.createObjectNode();
      header.put("format", "riskguard-recording");
      header.put("version", 1);
      accounts.forEach(a -> header.withArray("accounts").add(a.id()));
      header.put("note", "written by the riskguard gateway simulator");
      line(header);
      for (SimContract contract : ContractCatalogue.standard().all()) {
        ObjectNode line = json.createObjectNode();
        line.put("ts", clock.instant().toString());
        line.put("kind", "contract");
        line.set("data", json.valueToTree(RestApi.wire(contract)));
        line(line);
      }
    }

    @Override
    public synchronized void published(Hub hub, String target, String contractId, JsonNode data) {
      if (failed || target.equals("GatewayDepth")) {
        return;
      }
      ObjectNode line = json.createObjectNode();
      line.put("ts", clock.instant().toString());
      line.put("hub", hub.name().toLowerCase(Locale.ROOT));
      line.put("target", target);
      if (contractId != null) {
        line.put("contractId", contractId);
      }
      line.set("data", data);
      line(line);
    }

    private void line(ObjectNode node) {
      try {
        out.write(node.toString());
        out.newLine();
        out.flush();
      } catch (IOException e) {
        failed = true;
        log.error("cannot write the recording {}; recording stopped: {}", file, e.toString());
      }
    }

    @Override
    public synchronized void close() {
      try {
        out.close();
      } catch (IOException e) {
        log.error("cannot close the recording {}: {}", file, e.toString());
      }
    }
  }
}
