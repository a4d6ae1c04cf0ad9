package riskguard.connectors.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP answer before it is written: status, JSON body (may be empty), extra headers, and the
 * envelope's {@code success} (false when there is no envelope).
 */
record RestAnswer(int status, String body, Map<String, String> headers, boolean success) {

  static RestAnswer json(int status, String body) {
    return new RestAnswer(status, body, Map.of(), false);
  }

  static RestAnswer envelope(String body, boolean success) {
    return new RestAnswer(200, body, Map.of(), success);
  }

  static RestAnswer empty(int status) {
    return new RestAnswer(status, "", Map.of(), false);
  }

  RestAnswer withHeader(String name, String value) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put(name, value);
    return new RestAnswer(status, body, Map.copyOf(all), success);
  }
}
