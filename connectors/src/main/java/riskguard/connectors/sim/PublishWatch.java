package riskguard.connectors.sim;

/**
 * Told of every hub event just before the simulator sends it to the subscribed connections,
 * on the thread that publishes it (for a benchmark that times from the publication of an
 * event). Must return quickly: the event waits for it.
 */
@FunctionalInterface
public interface PublishWatch {

  PublishWatch NONE = target -> { };

  /** {@code target} is the hub method, e.g. {@code GatewayUserPosition}. */
  void publishing(String target);
}
