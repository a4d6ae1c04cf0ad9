package riskguard.connectors.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Subscriptions a test asked the hubs to refuse: every invocation of a subscribe method (for one
 * argument, or any) is answered with an error completion until the refusal is lifted.
 */
final class SubscriptionRefusals {

  /** {@code argument}: the account id or contract id as text; null refuses every argument. */
  private record Refusal(String target, String argument, String message) {
    boolean matches(String invoked, List<JsonNode> arguments) {
      if (!target.equalsIgnoreCase(invoked)) {
        return false;
      }
      return argument == null || (!arguments.isEmpty() && argument.equals(arguments.get(0).asText()));
    }
  }

  private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
  private final AtomicLong refused = new AtomicLong();

  void refuse(String target, String argument, String message) {
    if (target == null || !target.startsWith("Subscribe")) {
      throw new IllegalArgumentException("only a Subscribe… method can be refused, got " + target);
    }
    refusals.add(new Refusal(target, argument, message == null || message.isBlank()
        ? "subscription refused" : message));
  }

  void acceptAll() {
    refusals.clear();
  }

  /** The message to refuse this invocation with (counting it), or empty to serve it. */
  Optional<String> refusal(String target, List<JsonNode> arguments) {
    for (Refusal refusal : refusals) {
      if (refusal.matches(target, arguments)) {
        refused.incrementAndGet();
        return Optional.of(refusal.message());
      }
    }
    return Optional.empty();
  }

  long refusedCount() {
    return refused.get();
  }
}
