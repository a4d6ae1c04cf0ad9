package riskguard.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.enforcement.EnforcementService;
import riskguard.engine.event.PositionEvent;
import riskguard.engine.event.QuoteEvent;
import riskguard.engine.model.Contract;
import riskguard.engine.model.PositionType;

/**
 * The counts that prove a rule swap loses no event: {@link Engine#eventsApplied} matches what
 * was fed across swaps made while events flow, drops when an event is not applied, and no
 * position is left behind its contract's latest quote.
 */
class SwapCountingTest {

  private static final String MNQ = "CON.F.US.MNQ.H25";
  private static final Instant OPEN = Instant.parse("2025-03-10T14:30:00Z");
  private static final int ACCOUNTS = 4;

  @TempDir Path dir;
  private final List<Decision> decisions = new CopyOnWriteArrayList<>();
  private final EnforcementService enforcement = new EnforcementService(decisions::add, actions -> { });
  private final EngineSettings settings = TestSettings.defaults();

  private static String rule(String name, String condition, String consequence) {
    return """
        package test;
        import riskguard.engine.model.Position;
        global riskguard.engine.session.DecisionChannel decisions;

        rule "%s"
        when
            Position( %s, $c : contractId )
        then
            %s
        end
        """.formatted(name, condition, consequence);
  }

  private static PositionEvent position(int second, long account, int size) {
    Instant at = OPEN.plusSeconds(second);
    return new PositionEvent(at, account, 1, MNQ, OPEN, PositionType.LONG, size, 21000.0);
  }

  private static QuoteEvent quote(int second, double price) {
    Instant at = OPEN.plusSeconds(second);
    return new QuoteEvent(at, MNQ, price, null, null, at);
  }

  @Test
  void everyEventFedWhileTheRulesAreSwappedIsAppliedOnce() throws Exception {
    Files.writeString(dir.resolve("size.drl"), rule("SIZE", "size > 50", "decisions.closePosition(\"SIZE\", $c, \"size\");"));
    AtomicLong fed = new AtomicLong();
    try (Engine engine = Engine.live(RulePackage.compile(dir), settings, enforcement)) {
      engine.addContract(Contract.of(MNQ, "MNQH5", 0.25, 0.5, "F.US.MNQ"));
      Thread feeder = new Thread(() -> {
        for (int second = 0; second < 1_500; second++) {
          engine.apply(position(second, 1 + second % ACCOUNTS, 1 + second % 5));
          fed.incrementAndGet();
          engine.apply(quote(second, 21000.0 + second % 7));
        }
      });
      feeder.start();
      for (int limit = 4; limit >= 3; limit--) {
        Files.writeString(dir.resolve("size.drl"),
            rule("SIZE", "size > " + limit, "decisions.closePosition(\"SIZE\", $c, \"size\");"));
        engine.replaceRules(engine.rules().prepareUpdate(dir));
      }
      feeder.join();

      assertThat(engine.positionsBehindQuotes()).isZero();
      assertThat(engine.eventsApplied()).isEqualTo(fed.get()).isEqualTo(1_500);
      assertThat(decisions).extracting(Decision::rule).contains("SIZE");
    }
  }

  @Test
  void anEventWhoseStepFailsIsNotCounted() throws Exception {
    Files.writeString(dir.resolve("fails.drl"), rule("FAILS", "size == 13", "throw new IllegalStateException(\"boom\");"));
    try (Engine engine = Engine.live(RulePackage.compile(dir), settings, enforcement)) {
      engine.apply(position(0, 1, 1));
      engine.apply(position(1, 1, 13));
      engine.apply(position(2, 2, 2));
      engine.awaitIdle();

      assertThat(engine.eventsApplied()).isEqualTo(2);
    }
  }

  /**
   * Every account opens a position and it is valued, the rules are swapped (a rule sharing its
   * first pattern with the kept rule changed, or its file removed), then every account changes
   * its position and closes it: 3 account events per account, each to be counted once.
   *
   * <p>This is the bench's "reload" loss (issue 7) reduced to its trigger. The rule that changes
   * is one pattern with only alpha constraints ({@code Position( size > 0 )}), which Drools
   * builds as an alpha terminal node, without a beta network; the kept rule joins two patterns.
   * With Drools 10.2's default eager segment creation, changing or removing such a rule in
   * place ({@code KieContainer.updateToVersion}) while several sessions of the rule base hold a
   * fact it matched takes the old rule's matches out of one session only: in every other
   * session the next update of such a fact throws a NullPointerException in
   * {@code RuleExecutor.removeDormantTuple} and a delete one in {@code
   * ObjectTypeNode.retractLeftTuples}, and the event is lost (the shipped package, fed the
   * bench's stream, then also fired without end in RULE-012). One session alone, a changed rule
   * with a join, or an added rule lose nothing; it needs no accumulate, {@code from}, {@code
   * not}, logical insert or window. {@link RulePackage} therefore runs Drools with lazy segment
   * creation, whose rule removal handles every session.
   */
  private long eventsAppliedAcross(String before, String after, boolean wholeCompile) throws Exception {
    Files.writeString(dir.resolve("r.drl"), before);
    Files.writeString(dir.resolve("keep.drl"), """
        package keep;
        import riskguard.engine.model.Position;
        import riskguard.engine.model.Now;
        global riskguard.engine.session.DecisionChannel decisions;

        rule "KEEP: shares the first pattern of the rule that changes"
        when
            Position( size > 0, $c : contractId )
            Now( )
        then
            decisions.warn("KEEP", 100, "keep " + $c);
        end
        """);
    try (Engine engine = Engine.live(RulePackage.compile(dir), settings, enforcement)) {
      engine.addContract(Contract.of(MNQ, "MNQH5", 0.25, 0.5, "F.US.MNQ"));
      for (long account = 1; account <= ACCOUNTS; account++) {
        engine.apply(position(0, account, 2));
      }
      engine.apply(quote(1, 21001.0));
      engine.awaitIdle();
      if (after == null) {
        Files.delete(dir.resolve("r.drl"));
      } else {
        Files.writeString(dir.resolve("r.drl"), after);
      }
      engine.replaceRules(wholeCompile ? RulePackage.prepare(dir) : engine.rules().prepareUpdate(dir));
      for (long account = 1; account <= ACCOUNTS; account++) {
        engine.apply(position(3, account, 3));
        engine.apply(position(4, account, 0));
      }
      assertThat(engine.positionsBehindQuotes()).isZero();
      return engine.eventsApplied();
    }
  }

  private static String warnRule(String tag) {
    return rule("R", "size > 0", "decisions.warn(\"R\", 100, \"" + tag + " \" + $c);");
  }

  @Test
  void aChangedRuleLosesNothingInAnySession() throws Exception {
    assertThat(eventsAppliedAcross(warnRule("one"), warnRule("two"), false)).isEqualTo(3 * ACCOUNTS);
    assertThat(decisions).filteredOn(decision -> decision.reason().startsWith("two "))
        .extracting(Decision::accountId).containsOnly(1L, 2L, 3L, 4L);
  }

  @Test
  void aRemovedRuleLosesNothingInAnySession() throws Exception {
    assertThat(eventsAppliedAcross(warnRule("one"), null, true)).isEqualTo(3 * ACCOUNTS);
  }
}
