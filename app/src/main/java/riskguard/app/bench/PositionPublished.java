package riskguard.app.bench;

import java.time.Instant;
import riskguard.connectors.sim.PublishWatch;

/**
 * The live path's clock at the simulator: when, in a round, the simulator published the first
 * position event (the breaching one: the trader's fill from flat).
 */
final class PositionPublished implements PublishWatch {

  private static final String POSITION = "GatewayUserPosition";

  private volatile boolean armed;
  private volatile Instant at;

  /** Starts a round: the next position event published belongs to it. */
  void arm() {
    at = null;
    armed = true;
  }

  /** When the round's position event was published. */
  Instant at() {
    if (at == null) {
      throw new IllegalStateException("the simulator published no " + POSITION + " event in this round");
    }
    return at;
  }

  @Override
  public void publishing(String target) {
    if (armed && POSITION.equals(target)) {
      at = Instant.now();
      armed = false;
    }
  }
}
