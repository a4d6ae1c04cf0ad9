package riskguard.app.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import riskguard.connectors.recording.RecordingWriter;

/**
 * {@code --record DIR}: one recording file per run, {@code DIR/riskguard-20251110-143000.jsonl},
 * in the format {@code simulate} replays. A write that fails stops the recording (logged once);
 * the daemon goes on guarding. Lines are flushed every heartbeat, so a kill loses at most the
 * last second.
 */
final class SessionRecording implements EventRecording {

  private static final Logger LOG = LoggerFactory.getLogger(SessionRecording.class);
  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Path file;
  private volatile RecordingWriter writer;

  private SessionRecording(Path file) {
    this.file = file;
  }

  /** A recording into {@code dir}, started by {@link #begin}; nothing when {@code dir} is null. */
  static EventRecording open(Path dir, Clock clock) {
    if (dir == null) {
      return EventRecording.NONE;
    }
    String name = "riskguard-" + FILE_TIME.format(clock.instant().atZone(ZoneOffset.UTC)) + ".jsonl";
    return new SessionRecording(dir.resolve(name));
  }

  @Override
  public void begin(List<Long> accounts, String note) {
    if (writer != null) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      writer = RecordingWriter.create(file, accounts, note);
      LOG.info("recording what the daemon sees to {}", file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the recording " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void event(java.time.Instant ts, String hub, String target, String contractId, JsonNode data) {
    RecordingWriter out = writer;
    if (out != null) {
      try {
        out.event(ts, hub, target, contractId, data);
      } catch (IOException e) {
        stop(e);
      }
    }
  }

  @Override
  public void contract(java.time.Instant ts, JsonNode data) {
    RecordingWriter out = writer;
    if (out != null) {
      try {
        out.contract(ts, data);
      } catch (IOException e) {
        stop(e);
      }
    }
  }

  @Override
  public void flush() {
    RecordingWriter out = writer;
    if (out != null) {
      try {
        out.flush();
      } catch (IOException e) {
        stop(e);
      }
    }
  }

  private void stop(IOException problem) {
    LOG.error("recording to {} stopped: {}", file, problem.getMessage());
    RecordingWriter out = writer;
    writer = null;
    closeQuietly(out);
  }

  @Override
  public void close() {
    RecordingWriter out = writer;
    writer = null;
    closeQuietly(out);
  }

  private void closeQuietly(RecordingWriter out) {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        LOG.warn("recording {} not closed cleanly: {}", file, e.getMessage());
      }
    }
  }
}
