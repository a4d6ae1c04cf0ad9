package riskguard.connectors.recording;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One line of a recording that is not a comment, blank, or the header; with its line number. */
public sealed interface RecordingEntry {

  /** 1-based line number in the file. */
  int line();

  /**
   * A hub event exactly as the hub sent it: {@code data} is the event's argument; for market
   * events the first argument is {@code contractId}.
   */
  record Event(int line, Instant ts, String hub, String target, String contractId, JsonNode data)
      implements RecordingEntry {}

  /** Contract metadata ({@code kind: contract}): what {@code /api/Contract/searchById} answered. */
  record Contract(int line, Instant ts, JsonNode data) implements RecordingEntry {

    /** The contract id in {@code data}, or null when it has none. */
    public String contractId() {
      JsonNode id = data.get("id");
      return id == null || id.isNull() ? null : id.asText();
    }
  }

  /** A line that does not fit the format; reading goes on with the next line. */
  record Bad(int line, String reason) implements RecordingEntry {}
}
