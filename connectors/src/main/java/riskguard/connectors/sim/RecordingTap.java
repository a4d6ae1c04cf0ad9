package riskguard.connectors.sim;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import riskguard.connectors.recording.RecordingWriter;

/**
 * Writes what the simulator publishes as a recording (RECORDING_FORMAT.md) with the shared
 * {@link RecordingWriter}: the header, one contract line per catalogue contract (so a replay
 * needs no gateway), then one line per hub event at the time it was published. GatewayDepth and
 * GatewayTrade (market prints) are left out: their argument is an array, where the format's
 * {@code data} is an object, and no rule reads the book or the tape. Each event is flushed, so
 * the file can be read while the simulator runs. A write error stops the recording, not the venue.
 */
abstract class RecordingTap implements HubBroadcaster.EventTap, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RecordingTap.class);
  private static final Set<String> LEFT_OUT = Set.of("GatewayDepth", "GatewayTrade");

  static RecordingTap none() {
    return new RecordingTap() {
      @Override
      public void published(Hub hub, String target, String contractId, Object payload) {}

      @Override
      public void close() {}
    };
  }

  static RecordingTap toFile(Path file, JsonMapper json, Clock clock, List<SimAccount> accounts) throws IOException {
    RecordingWriter writer = RecordingWriter.create(file, accounts.stream().map(SimAccount::id).toList(),
        "published by the riskguard gateway simulator");
    for (SimContract contract : ContractCatalogue.standard().all()) {
      writer.contract(clock.instant(), json.valueToTree(RestApi.wire(contract)));
    }
    writer.flush();
    return new FileTap(file, writer, json, clock);
  }

  @Override
  public abstract void close();

  private static final class FileTap extends RecordingTap {
    private final Path file;
    private final RecordingWriter writer;
    private final JsonMapper json;
    private final Clock clock;
    private volatile boolean failed;

    FileTap(Path file, RecordingWriter writer, JsonMapper json, Clock clock) {
      this.file = file;
      this.writer = writer;
      this.json = json;
      this.clock = clock;
    }

    @Override
    public void published(Hub hub, String target, String contractId, Object payload) {
      if (failed || LEFT_OUT.contains(target)) {
        return;
      }
      try {
        writer.event(clock.instant(), hub.name().toLowerCase(Locale.ROOT), target, contractId,
            json.valueToTree(payload));
        writer.flush();
      } catch (IOException e) {
        failed = true;
        log.error("cannot write the recording {}; recording stopped: {}", file, e.toString());
      }
    }

    @Override
    public void close() {
      try {
        writer.close();
      } catch (IOException e) {
        log.error("cannot close the recording {}: {}", file, e.toString());
      }
    }
  }
}
