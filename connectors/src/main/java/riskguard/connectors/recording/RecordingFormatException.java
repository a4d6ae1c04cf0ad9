package riskguard.connectors.recording;

/** The file is not a recording this riskguard can read (wrong format or version); names file and line. */
public final class RecordingFormatException extends RuntimeException {

  public RecordingFormatException(String message) {
    super(message);
  }
}
