package riskguard.connectors.recording;

import java.util.List;

/** The optional first line of a recording: {@code {"format": "riskguard-recording", "version": 1, ...}}. */
public record RecordingHeader(int version, List<Long> accounts, String note) {

  public static final String FORMAT = "riskguard-recording";
  public static final int VERSION = 1;

  public RecordingHeader {
    accounts = List.copyOf(accounts);
  }
}
