package riskguard.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import riskguard.engine.clock.ReplayTicker;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.enforcement.EnforcementService;
import riskguard.engine.event.ClockTick;
import riskguard.engine.event.InputEvent;
import riskguard.engine.event.PositionEvent;
import riskguard.engine.model.PositionType;

/**
 * Time as deadlines: the session clock reaches working memory only when a stated deadline
 * falls due, and a replay's heartbeat ticks only then. A small package of its own: a position
 * held 30 s is closed (its rule states the deadline), one of more than 2 contracts is closed.
 */
class DeadlineTest {

  private static final String MNQ = "CON.F.US.MNQ.H25";
  private static final String ES = "CON.F.US.EP.Z25";

  private static RulePackage rules;
  private final List<Decision> decisions = new ArrayList<>();
  private final EnforcementService enforcement = new EnforcementService(decisions::add, actions -> { });
  private final EngineSettings settings = TestSettings.defaults();

  @BeforeAll
  static void compile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("test.drl"), """
        package test;
        import riskguard.engine.model.Deadline;
        import riskguard.engine.model.Enforcement;
        import riskguard.engine.model.Now;
        import riskguard.engine.model.Position;
        global riskguard.engine.session.DecisionChannel decisions;

        rule "A position waits 30 s from its last change"
        when
            Position( $at : changedAt )
        then
            insertLogical(new Deadline($at.plusSeconds(30), "TEST-HOLD"));
        end

        rule "A position held 30 s: close it"
        when
            Position( $c : contractId, $at : changedAt )
            Now( instant >= $at.plusSeconds(30) )
            not Enforcement( contractId == $c )
        then
            decisions.closePosition("TEST-HOLD", $c, "held since " + $at);
        end

        rule "More than 2 contracts in one position: close it"
        when
            Position( size > 2, $c : contractId )
            not Enforcement( contractId == $c )
        then
            decisions.closePosition("TEST-SIZE", $c, "size");
        end
        """);
    rules = RulePackage.compile(dir);
  }

  private static PositionEvent position(String at, long account, String contract, int size) {
    Instant ts = Instant.parse(at);
    return new PositionEvent(ts, account, 1, contract, ts, PositionType.LONG, size, 21000.0);
  }

  private ReplayTicker ticker;
  private long ticks;

  /** Replays the events with the deadline-driven heartbeat (as {@code simulate} does), counting its ticks. */
  private void replayJumping(Engine engine, InputEvent... events) {
    if (ticker == null) {
      ticker = new ReplayTicker(engine::nextDeadline);
    }
    for (InputEvent event : events) {
      ticker.before(event.ts(), tick -> {
        ticks++;
        engine.apply(tick);
      });
      engine.apply(event);
    }
  }

  /** Replays the events with a tick at every whole second in between, as the live heartbeat ticks. */
  private void replayEverySecond(Engine engine, InputEvent... events) {
    Instant last = null;
    for (InputEvent event : events) {
      if (last != null) {
        for (Instant tick = last.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1); tick.isBefore(event.ts());
            tick = tick.plusSeconds(1)) {
          ticks++;
          engine.apply(new ClockTick(tick));
        }
      }
      last = event.ts();
      engine.apply(event);
    }
  }

  private static List<String> described(List<Decision> decisions) {
    return decisions.stream().map(d -> d.ts() + " " + d.accountId() + " " + d.rule() + " " + d.contractId()).toList();
  }

  @Test
  void aQuietGapDecidesTheSameWithFarFewerTicksAndFiringsOnlyWhereSomethingFallsDue() {
    InputEvent[] day = {
        position("2025-03-10T14:00:00.500Z", 1, MNQ, 1),
        position("2025-03-10T16:00:00Z", 1, ES, 1)};
    long jumpingFirings;
    try (Engine engine = Engine.replay(rules, settings, enforcement)) {
      replayJumping(engine, day);
      jumpingFirings = engine.firings();
    }
    long jumpingTicks = ticks;
    List<String> jumped = described(decisions);
    decisions.clear();
    ticks = 0;
    long everySecondFirings;
    try (Engine engine = Engine.replay(rules, settings, enforcement)) {
      replayEverySecond(engine, day);
      everySecondFirings = engine.firings();
    }

    assertThat(jumped).containsExactly("2025-03-10T14:00:31Z 1 TEST-HOLD " + MNQ);
    assertThat(described(decisions)).as("a tick every second decides the same").isEqualTo(jumped);
    assertThat(jumpingTicks).as("the deadline's second and the gap's last second").isEqualTo(2);
    assertThat(ticks).as("every second of two hours").isEqualTo(7_199);
    assertThat(jumpingFirings).as("two events and the tick at the deadline").isEqualTo(3);
    assertThat(everySecondFirings).as("the ticks with nothing due fire nothing").isEqualTo(3);
  }

  @Test
  void aDeadlineRetractedBeforeItFallsDueWakesNothing() {
    try (Engine engine = Engine.replay(rules, settings, enforcement)) {
      replayJumping(engine,
          position("2025-03-10T14:00:00.500Z", 1, MNQ, 1),
          position("2025-03-10T14:00:10Z", 1, MNQ, 0));
      assertThat(engine.nextDeadline()).as("only the daily reset (17:00 New York) is left")
          .isEqualTo(Instant.parse("2025-03-10T21:00:00Z"));

      replayJumping(engine, position("2025-03-10T16:00:00Z", 1, ES, 1));

      assertThat(decisions).isEmpty();
      assertThat(engine.firings()).as("the three events only").isEqualTo(3);
    }
  }

  @Test
  void deadlinesAtTheSameInstantFallDueInOneTick() {
    try (Engine engine = Engine.replay(rules, settings, enforcement)) {
      replayJumping(engine,
          position("2025-03-10T14:00:00.500Z", 1, MNQ, 1),
          position("2025-03-10T14:00:00.500Z", 1, ES, 1),
          position("2025-03-10T14:00:00.500Z", 2, MNQ, 1),
          position("2025-03-10T16:00:00Z", 2, ES, 1));

      assertThat(described(decisions)).containsExactlyInAnyOrder(
          "2025-03-10T14:00:31Z 1 TEST-HOLD " + MNQ,
          "2025-03-10T14:00:31Z 1 TEST-HOLD " + ES,
          "2025-03-10T14:00:31Z 2 TEST-HOLD " + MNQ);
      assertThat(engine.firings()).as("four events and one tick in each account").isEqualTo(4 + 2);
    }
  }

  @Test
  void aDeadlineSharedWithAnotherPositionStaysWhenOneOfThemCloses() {
    try (Engine engine = Engine.replay(rules, settings, enforcement)) {
      replayJumping(engine,
          position("2025-03-10T14:00:00.500Z", 1, MNQ, 1),
          position("2025-03-10T14:00:00.500Z", 1, ES, 1),
          position("2025-03-10T14:00:10Z", 1, MNQ, 0));
      assertThat(engine.nextDeadline()).isEqualTo(Instant.parse("2025-03-10T14:00:30.500Z"));

      replayJumping(engine, position("2025-03-10T16:00:00Z", 1, MNQ, 1));

      assertThat(described(decisions)).containsExactly("2025-03-10T14:00:31Z 1 TEST-HOLD " + ES);
    }
  }

  @Test
  void aHeartbeatWithNothingDueFiresNothingAndTheClockStillKeepsUpWithIt() {
    try (Engine engine = Engine.replay(rules, settings, enforcement)) {
      engine.apply(position("2025-03-10T14:00:00Z", 1, MNQ, 1));
      for (int second = 1; second <= 5; second++) {
        engine.apply(new ClockTick(Instant.parse("2025-03-10T14:00:00Z").plusSeconds(second)));
      }
      assertThat(engine.firings()).as("the position event only").isEqualTo(1);

      engine.apply(position("2025-03-10T14:00:03Z", 1, MNQ, 3));

      assertThat(described(decisions)).as("a late event is applied at the heartbeat's time, as before")
          .containsExactly("2025-03-10T14:00:05Z 1 TEST-SIZE " + MNQ);
    }
  }
}
