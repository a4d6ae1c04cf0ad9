package riskguard.app.daemon;

/**
 * The layout of riskguard's log files, with access tokens masked. Hub clients carry the token
 * in the URL ({@code ?access_token=…}) and REST calls in an {@code Authorization: Bearer}
 * header; a web server that logs a request (the simulator's Jetty, when its logging is turned
 * up to DEBUG in a JVM that runs it) would write either out. Every message and stack trace
 * passes through the mask, whoever logged it.
 */
public final class LogLayout {

  /** Replaces the value after {@code access_token=} or {@code Bearer } with {@code ***}. */
  private static final String MASK = "{'(access_token=|Bearer )[^&\\s\"]+', '$1***'}";

  /** Message and stack trace, masked, then a line break. */
  static final String MASKED_MESSAGE = "%replace(%msg)" + MASK + "%n%replace(%ex)" + MASK + "%nopex";

  /** A file line: time with offset, level, thread, logger, masked message. */
  public static final String FILE = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - " + MASKED_MESSAGE;

  private LogLayout() {}
}
