package riskguard.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.enforcement.EnforcementService;
import riskguard.engine.event.PositionEvent;
import riskguard.engine.model.PositionType;

/**
 * A rule that re-activates itself for ever ({@code looping/looping.drl}) is stopped after
 * {@link FiringCap#FIRINGS_PER_STEP} firings of one step: the event returns, the ERROR names
 * the account and the rule, and the session goes on deciding. Without the cap the first event
 * never returns (the timeout fails the test instead of hanging the build).
 */
class FiringCapTest {

  private static final String MNQ = "CON.F.US.MNQ.H25";
  private static final Instant OPEN = Instant.parse("2025-03-10T14:30:00Z");

  private final List<Decision> decisions = new CopyOnWriteArrayList<>();
  private final EnforcementService enforcement = new EnforcementService(decisions::add, actions -> { });
  private final EngineSettings settings = TestSettings.defaults();
  private final Logger capLog = (Logger) LoggerFactory.getLogger(FiringCap.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void captureTheCapsLog() {
    logged.start();
    capLog.addAppender(logged);
  }

  @AfterEach
  void release() {
    capLog.detachAppender(logged);
  }

  private static PositionEvent position(int second, long account, int size) {
    Instant at = OPEN.plusSeconds(second);
    return new PositionEvent(at, account, 1, MNQ, OPEN, PositionType.LONG, size, 21000.0);
  }

  private static Path looping() throws Exception {
    return Path.of(FiringCapTest.class.getResource("/looping").toURI());
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aLoopingRuleIsStoppedNamedAndTheSessionGoesOn() throws Exception {
    try (Engine engine = Engine.replay(RulePackage.compile(looping()), settings, enforcement)) {
      engine.apply(position(0, 1, 11));
      engine.apply(position(1, 2, 7));
      engine.apply(position(2, 1, 7));

      assertThat(engine.eventsApplied()).isEqualTo(3);
      assertThat(decisions).extracting(Decision::accountId, Decision::rule)
          .containsExactlyInAnyOrder(Tuple.tuple(2L, "SIZE"),
              Tuple.tuple(1L, "SIZE"));
      assertThat(logged.list).filteredOn(event -> event.getLevel() == Level.ERROR)
          .extracting(ILoggingEvent::getFormattedMessage)
          .singleElement().asString()
          .contains("account 1:", "fired 10000 times in one step",
              "rule \"LOOP: touches the position it matched, which matches it again\" fired 1000 of the next 1000");
    }
  }
}
