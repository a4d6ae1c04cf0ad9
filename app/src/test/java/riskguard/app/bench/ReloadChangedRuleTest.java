package riskguard.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import riskguard.app.daemon.GatewayEcho;
import riskguard.app.daemon.SyntheticStream;
import riskguard.config.ConfigLoader;
import riskguard.engine.enforcement.EnforcementService;
import riskguard.engine.event.InputEvent;
import riskguard.engine.session.Engine;
import riskguard.engine.session.EngineSettings;
import riskguard.engine.session.RulePackage;

/**
 * The bench's "reload" case without threads or timing: the shipped package and the bench's
 * rule, ten accounts of the seeded stream through the replay engine (each event and the
 * gateway's answers to it run to the end before the next), the rule changed in place at a
 * fixed point between two events, the stream fed on. Before the fix (see {@code
 * SwapCountingTest.eventsAppliedAcross} for the trigger) the 34th event after the swap threw a
 * NullPointerException inside Drools, and 32 of the next 1,000 did; with the bench's earlier
 * stream an account's session then also fired without end in RULE-012 (now also stopped by
 * {@code FiringCap}). The timeout turns such a hang into a failure.
 */
class ReloadChangedRuleTest {

  @TempDir Path dir;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void theShippedPackageLosesNoEventWhenABenchRuleChangesInPlace() throws Exception {
    EngineSettings settings = EngineSettings.from(ConfigLoader.load(Path.of("..", "examples", "bench-config.yaml")));
    Reload.copyShippedRules(dir);
    Files.writeString(dir.resolve("bench-reload.drl"), Reload.rule("added"));
    GatewayEcho gateway = new GatewayEcho();
    SyntheticStream source = new SyntheticStream(42, 10);
    try (Engine engine = Engine.replay(RulePackage.compile(dir), settings, new EnforcementService(decision -> { }, gateway))) {
      SyntheticStream.CONTRACTS.forEach(engine::addContract);
      long accountEvents = feed(engine, gateway, source.opening()) + feed(engine, gateway, source.next(2_000));
      Files.writeString(dir.resolve("bench-reload.drl"), Reload.rule("changed"));
      engine.replaceRules(engine.rules().prepareUpdate(dir));
      accountEvents += feed(engine, gateway, source.next(1_000));

      assertThat(engine.positionsBehindQuotes()).isZero();
      assertThat(engine.eventsApplied()).isEqualTo(accountEvents);
    }
  }

  /** Feeds each event and then the gateway's answers to it; returns the account events fed. */
  private static long feed(Engine engine, GatewayEcho gateway, List<InputEvent> events) {
    long accountEvents = 0;
    for (InputEvent event : events) {
      List<InputEvent> next = List.of(event);
      while (!next.isEmpty()) {
        for (InputEvent fed : next) {
          gateway.observe(fed);
          engine.apply(fed);
          if (fed instanceof InputEvent.AccountScoped) {
            accountEvents++;
          }
        }
        next = gateway.drainAnswers();
      }
    }
    return accountEvents;
  }
}
