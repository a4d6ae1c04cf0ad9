package riskguard.app.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** Where the daemon writes what it saw ({@code --record DIR}); {@link #NONE} when not recording. */
interface EventRecording extends AutoCloseable {

  EventRecording NONE = new EventRecording() {
    @Override
    public void begin(List<Long> accounts, String note) {}

    @Override
    public void event(Instant ts, String hub, String target, String contractId, JsonNode data) {}

    @Override
    public void contract(Instant ts, JsonNode data) {}

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  /** Starts the recording once the guarded accounts are known; nothing is written before. */
  void begin(List<Long> accounts, String note);

  /** A hub event as received (or a REST reconcile answer in the shape of the hub event it stands for). */
  void event(Instant ts, String hub, String target, String contractId, JsonNode data);

  /** Contract metadata as {@code /api/Contract/searchById} answered it. */
  void contract(Instant ts, JsonNode data);

  void flush();

  @Override
  void close();
}
