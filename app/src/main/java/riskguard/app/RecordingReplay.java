package riskguard.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import riskguard.connectors.recording.RecordingEntry;
import riskguard.connectors.recording.RecordingReader;
import riskguard.engine.clock.ReplayTicker;
import riskguard.engine.event.ContractEvent;
import riskguard.engine.event.DecodeResult;
import riskguard.engine.event.EventDecoder;
import riskguard.engine.event.InputEvent;
import riskguard.engine.session.Engine;

/**
 * Feeds a recording to an engine as fast as it goes: the recording is the event source,
 * event time (plus the replayed one-second heartbeat) the clock. Contract lines are read in
 * a first pass, so metadata anywhere in the file is known before the events that need it.
 * Lines that do not fit are reported as {@code file:line: reason} and skipped.
 */
final class RecordingReplay {

  /** An event names a contract the recording has no metadata for; the replay stops. */
  static final class MissingContractException extends RuntimeException {
    MissingContractException(String message) {
      super(message);
    }
  }

  private final Path file;
  private final Consumer<String> problems;
  private final EventDecoder decoder = new EventDecoder();
  private long events;

  RecordingReplay(Path file, Consumer<String> problems) {
    this.file = file;
    this.problems = problems;
  }

  /** Events applied so far (clock ticks not counted). */
  long events() {
    return events;
  }

  void run(Engine engine) throws IOException {
    loadContracts(engine);
    ReplayTicker ticker = new ReplayTicker(engine::nextDeadline);
    try (RecordingReader reader = RecordingReader.open(file)) {
      for (RecordingEntry entry : reader) {
        if (entry instanceof RecordingEntry.Event line) {
          InputEvent event = decode(line);
          if (event != null) {
            requireMetadata(engine, event, line.line());
            ticker.before(event.ts(), engine::apply);
            engine.apply(event);
            events++;
          }
        } else if (entry instanceof RecordingEntry.Bad bad) {
          report(bad.line(), bad.reason());
        }
      }
    }
  }

  private void loadContracts(Engine engine) throws IOException {
    try (RecordingReader reader = RecordingReader.open(file)) {
      for (RecordingEntry entry : reader) {
        if (entry instanceof RecordingEntry.Contract line) {
          DecodeResult result = decoder.decodeContract(line.data(), line.ts());
          if (result instanceof DecodeResult.Decoded decoded) {
            engine.addContract(((ContractEvent) decoded.event()).contract());
          } else if (result instanceof DecodeResult.Rejected rejected) {
            report(line.line(), rejected.reason());
          }
        }
      }
    }
  }

  private InputEvent decode(RecordingEntry.Event line) {
    DecodeResult result = decoder.decode(line.hub(), line.target(), line.contractId(), line.data(), line.ts());
    if (result instanceof DecodeResult.Decoded decoded) {
      return decoded.event();
    }
    if (result instanceof DecodeResult.Skipped skipped) {
      report(line.line(), "skipped: " + skipped.reason());
    } else if (result instanceof DecodeResult.Rejected rejected) {
      report(line.line(), rejected.reason());
    }
    return null;
  }

  private void requireMetadata(Engine engine, InputEvent event, int line) {
    String contractId = event.contractId();
    if (contractId != null && !engine.knowsContract(contractId)) {
      throw new MissingContractException(file + ":" + line + ": contract " + contractId
          + " has no metadata; add a line {\"kind\": \"contract\", \"data\": {\"id\": \"" + contractId
          + "\", \"name\": …, \"tickSize\": …, \"tickValue\": …}}");
    }
  }

  private void report(int line, String reason) {
    problems.accept(file + ":" + line + ": " + reason);
  }
}
