package riskguard.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.enforcement.EnforcementService;
import riskguard.engine.event.PositionEvent;
import riskguard.engine.event.QuoteEvent;
import riskguard.engine.model.Contract;
import riskguard.engine.model.PositionType;

/** How quotes reach sessions: every one in a replay, the latest of a queued batch live, none that changes nothing. */
class QuoteBatchingTest {

  private static final String MNQ = "CON.F.US.MNQ.H25";
  private static final String ES = "CON.F.US.EP.H25";
  private static final Instant OPEN = Instant.parse("2025-03-10T14:30:00Z");

  private static RulePackage rules;
  private final List<Decision> decisions = new CopyOnWriteArrayList<>();
  /** Counted down when the account's thread is held busy deciding (see {@link #slowAccount}). */
  private final CountDownLatch busy = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final EngineSettings settings = TestSettings.defaults();

  @BeforeAll
  static void compile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("test.drl"), """
        package test;
        import riskguard.engine.model.Deadline;
        import riskguard.engine.model.Now;
        import riskguard.engine.model.Position;
        import riskguard.engine.model.Valuation;
        global riskguard.engine.session.DecisionChannel decisions;

        rule "A position valued at a new mark: say the mark"
        when
            Valuation( $mark : mark )
        then
            decisions.warn("TEST-MARK", 0, "mark " + $mark);
        end

        rule "A position valued: say its size and mark"
        when
            Position( $c : contractId, $size : size )
            Valuation( contractId == $c, $mark : mark )
        then
            decisions.warn("TEST-SEEN", 0, $size + " at " + $mark);
        end

        rule "A position waits 30 s from its opening"
        when
            Position( $at : openedTime )
        then
            insertLogical(new Deadline($at.plusSeconds(30), "TEST-HELD"));
        end

        rule "A position held 30 s: say so"
        when
            Position( $at : openedTime )
            Now( instant >= $at.plusSeconds(30) )
        then
            decisions.warn("TEST-HELD", 0, "held since " + $at);
        end

        rule "A position of more than 2 contracts: close it"
        when
            Position( size > 2, $c : contractId )
        then
            decisions.closePosition("TEST-SIZE", $c, "size");
        end
        """);
    rules = RulePackage.compile(dir);
  }

  private static PositionEvent position(long account, int size) {
    return new PositionEvent(OPEN, account, 1, MNQ, OPEN, PositionType.LONG, size, 21000.0);
  }

  private static QuoteEvent last(int second, double price) {
    Instant at = OPEN.plusSeconds(second);
    return new QuoteEvent(at, MNQ, price, null, null, at);
  }

  private List<String> marks() {
    return decisions.stream().filter(decision -> decision.rule().equals("TEST-MARK")).map(Decision::reason).toList();
  }

  @Test
  void aReplayAppliesEveryQuoteAtItsOwnTime() {
    try (Engine engine = Engine.replay(rules, settings, new EnforcementService(decisions::add, actions -> { }))) {
      engine.addContract(Contract.of(MNQ, "MNQH5", 0.25, 0.5, "F.US.MNQ"));
      engine.apply(position(1, 1));
      engine.apply(last(1, 21001.0));
      engine.apply(last(2, 21002.0));
      engine.apply(last(3, 21003.0));

      assertThat(marks()).containsExactly("mark 21001.0", "mark 21002.0", "mark 21003.0");
      assertThat(decisions).filteredOn(decision -> decision.rule().equals("TEST-MARK")).extracting(Decision::ts)
          .containsExactly(OPEN.plusSeconds(1), OPEN.plusSeconds(2), OPEN.plusSeconds(3));
    }
  }

  @Test
  void aQuoteThatLeavesTheValuationAsItWasWakesNoRule() {
    try (Engine engine = Engine.replay(rules, settings, new EnforcementService(decisions::add, actions -> { }))) {
      engine.addContract(Contract.of(MNQ, "MNQH5", 0.25, 0.5, "F.US.MNQ"));
      engine.apply(position(1, 1));
      engine.apply(last(1, 21001.0));
      long firings = engine.firings();
      engine.apply(new QuoteEvent(OPEN.plusSeconds(2), MNQ, null, 21000.75, null, null));

      assertThat(marks()).as("the bid moved, the mark (last price) did not").containsExactly("mark 21001.0");
      assertThat(engine.firings()).as("working memory heard of nothing: the rules did not fire").isEqualTo(firings);
    }
  }

  @Test
  void aQuoteThatLeavesTheValuationAsItWasStillBringsTheClockToADeadline() {
    try (Engine engine = Engine.replay(rules, settings, new EnforcementService(decisions::add, actions -> { }))) {
      engine.addContract(Contract.of(MNQ, "MNQH5", 0.25, 0.5, "F.US.MNQ"));
      engine.apply(position(1, 1));
      engine.apply(last(1, 21001.0));
      engine.apply(new QuoteEvent(OPEN.plusSeconds(31), MNQ, null, 21000.75, null, null));

      assertThat(decisions).filteredOn(decision -> decision.rule().equals("TEST-HELD")).extracting(Decision::ts)
          .as("the bid-only quote changed no valuation, but the clock it moved reached the 30 s deadline")
          .containsExactly(OPEN.plusSeconds(31));
    }
  }

  @Test
  void aLiveSessionThatFellBehindAppliesOnlyTheLatestOfItsQueuedQuotes() throws Exception {
    try (Engine engine = Engine.live(rules, settings, slowAccount())) {
      engine.addContract(Contract.of(MNQ, "MNQH5", 0.25, 0.5, "F.US.MNQ"));
      engine.apply(position(1, 1));
      engine.apply(position(1, 3));
      assertThat(busy.await(10, TimeUnit.SECONDS)).as("the account's thread is busy deciding").isTrue();
      for (int second = 1; second <= 50; second++) {
        engine.apply(last(second, 21000.0 + second));
      }
      release.countDown();
      engine.awaitIdle();

      assertThat(marks()).containsExactly("mark 21050.0");
    }
  }

  @Test
  void aQueuedQuoteNeverOvertakesAnEventThatArrivedBeforeIt() throws Exception {
    try (Engine engine = Engine.live(rules, settings, slowAccount())) {
      engine.addContract(Contract.of(MNQ, "MNQH5", 0.25, 0.5, "F.US.MNQ"));
      engine.apply(position(1, 3));
      assertThat(busy.await(10, TimeUnit.SECONDS)).as("the account's thread is busy deciding").isTrue();
      engine.apply(last(1, 21001.0));
      engine.apply(position(1, 2));
      engine.apply(last(2, 21002.0));
      release.countDown();
      engine.awaitIdle();

      assertThat(decisions.stream().filter(decision -> decision.rule().equals("TEST-SEEN")).map(Decision::reason))
          .as("each quote applied where it arrived: the first while the position is 3, the second after it became 2")
          .containsExactly("3 at 21001.0", "2 at 21001.0", "2 at 21002.0");
    }
  }

  @Test
  void aNewPositionIsValuedAtThePriceOfItsMomentAndGetsEveryLaterQuote() throws Exception {
    try (Engine engine = Engine.live(rules, settings, slowAccount())) {
      engine.addContract(Contract.of(MNQ, "MNQH5", 0.25, 0.5, "F.US.MNQ"));
      engine.addContract(Contract.of(ES, "ESH5", 0.25, 12.5, "F.US.EP"));
      engine.apply(position(1, 3));
      assertThat(busy.await(10, TimeUnit.SECONDS)).as("the account's thread is busy deciding").isTrue();
      engine.apply(new PositionEvent(OPEN, 1, 2, ES, OPEN, PositionType.LONG, 1, 5800.0));
      engine.apply(new PositionEvent(OPEN, 1, 2, ES, OPEN, PositionType.LONG, 2, 5800.0));
      engine.apply(new QuoteEvent(OPEN.plusSeconds(1), ES, 5801.0, null, null, OPEN.plusSeconds(1)));
      release.countDown();
      engine.awaitIdle();

      assertThat(decisions.stream().filter(decision -> decision.rule().equals("TEST-SEEN")).map(Decision::reason))
          .as("no price when the position opened; the quote after both events values the 2 lots")
          .containsExactly("2 at 5801.0");
    }
  }

  /** Enforcement that holds the account's thread on its first TEST-SIZE decision until {@link #release}. */
  private EnforcementService slowAccount() {
    return new EnforcementService(decision -> {
      decisions.add(decision);
      if (decision.rule().equals("TEST-SIZE")) {
        busy.countDown();
        awaitQuietly(release);
      }
    }, actions -> { });
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
