package riskguard.connectors.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Every REST call received, in arrival order, with API keys masked. */
final class CallLog {

  private static final Pattern API_KEY = Pattern.compile("(\"apiKey\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

  private final List<RecordedCall> calls = new ArrayList<>();

  synchronized void add(RecordedCall call) {
    calls.add(call);
  }

  synchronized List<RecordedCall> all() {
    return List.copyOf(calls);
  }

  synchronized void clear() {
    calls.clear();
  }

  /** The body with any {@code "apiKey": "..."} value replaced, so the log holds no secret. */
  static String masked(String body) {
    return API_KEY.matcher(body).replaceAll("$1\"***\"");
  }
}
