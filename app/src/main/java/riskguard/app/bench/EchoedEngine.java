package riskguard.app.bench;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import riskguard.app.daemon.GatewayEcho;
import riskguard.app.daemon.SyntheticStream;
import riskguard.engine.enforcement.EnforcementService;
import riskguard.engine.event.InputEvent;
import riskguard.engine.session.Engine;
import riskguard.engine.session.EngineSettings;
import riskguard.engine.session.RulePackage;

/**
 * An engine wired to the {@link GatewayEcho}: each event goes in, then the gateway's answers
 * to what it caused, as the hub would send them. One thread feeds it. The replay engine
 * answers within {@link #feed}; the live one (account threads) as its sessions get there.
 */
final class EchoedEngine implements AutoCloseable {

  /** {@link Engine#replay} or {@link Engine#live}. */
  private interface Start {
    Engine start(RulePackage rules, EngineSettings settings, EnforcementService enforcement);
  }

  private final GatewayEcho gateway = new GatewayEcho();
  private final LongAdder decisions = new LongAdder();
  private final Engine engine;
  private long answers;

  EchoedEngine(RulePackage rules, EngineSettings settings) {
    this(rules, settings, Engine::replay);
  }

  private EchoedEngine(RulePackage rules, EngineSettings settings, Start start) {
    this.engine = start.start(rules, settings, new EnforcementService(decision -> decisions.increment(), gateway));
    SyntheticStream.CONTRACTS.forEach(engine::addContract);
  }

  /** The daemon's engine: a queue and thread per account, quotes applied in batches when behind. */
  static EchoedEngine live(RulePackage rules, EngineSettings settings) {
    return new EchoedEngine(rules, settings, Engine::live);
  }

  void feed(InputEvent event) {
    answers += gateway.feed(engine, event);
  }

  private void applyAnswers(List<InputEvent> replies) {
    for (InputEvent reply : replies) {
      answers++;
      gateway.observe(reply);
      engine.apply(reply);
    }
  }

  void feedAll(List<InputEvent> events) {
    events.forEach(this::feed);
  }

  /** Waits until every session has processed everything fed so far and the answers it caused. */
  void awaitIdle() throws InterruptedException {
    engine.awaitIdle();
    List<InputEvent> replies = gateway.drainAnswers();
    while (!replies.isEmpty()) {
      applyAnswers(replies);
      engine.awaitIdle();
      replies = gateway.drainAnswers();
    }
  }

  /** Open positions and working orders as the gateway holds them. */
  List<InputEvent> holdings() {
    return gateway.holdings();
  }

  /** Open positions as the gateway holds them. */
  int openPositions() {
    return gateway.openPositions();
  }

  long decisions() {
    return decisions.sum();
  }

  long answers() {
    return answers;
  }

  @Override
  public void close() {
    engine.close();
  }
}
