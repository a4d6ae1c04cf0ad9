package riskguard.app.bench;

import java.util.List;
import riskguard.engine.enforcement.EnforcementService;
import riskguard.engine.event.InputEvent;
import riskguard.engine.session.Engine;
import riskguard.engine.session.EngineSettings;
import riskguard.engine.session.RulePackage;

/**
 * A replay engine wired to the {@link GatewayEcho}: each event goes in, then the gateway's
 * answers to what it caused, as the hub would send them. One thread feeds it.
 */
final class EchoedEngine implements AutoCloseable {

  private final GatewayEcho gateway = new GatewayEcho();
  private final Engine engine;
  private long decisions;
  private long answers;

  EchoedEngine(RulePackage rules, EngineSettings settings) {
    this.engine = Engine.replay(rules, settings, new EnforcementService(decision -> decisions++, gateway));
    SyntheticStream.CONTRACTS.forEach(engine::addContract);
  }

  void feed(InputEvent event) {
    gateway.observe(event);
    engine.apply(event);
    List<InputEvent> replies = gateway.drainAnswers();
    while (!replies.isEmpty()) {
      for (InputEvent reply : replies) {
        answers++;
        gateway.observe(reply);
        engine.apply(reply);
      }
      replies = gateway.drainAnswers();
    }
  }

  void feedAll(List<InputEvent> events) {
    events.forEach(this::feed);
  }

  /** Open positions and working orders as the gateway holds them. */
  List<InputEvent> holdings() {
    return gateway.holdings();
  }

  long decisions() {
    return decisions;
  }

  long answers() {
    return answers;
  }

  @Override
  public void close() {
    engine.close();
  }
}
