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
import riskguard.engine.event.AccountEvent;
import riskguard.engine.event.InputEvent;
import riskguard.engine.event.OrderEvent;
import riskguard.engine.event.PositionEvent;
import riskguard.engine.event.TradeEvent;
import riskguard.engine.model.OrderSide;
import riskguard.engine.model.OrderStatus;
import riskguard.engine.model.OrderType;
import riskguard.engine.model.PositionType;

/**
 * Live, the account events queued one behind the other are applied together and fired once;
 * the rules still see every state of every fact. A replay fires for each event.
 */
class BurstFiringTest {

  private static final String MNQ = "CON.F.US.MNQ.H25";
  private static final Instant OPEN = Instant.parse("2025-03-10T14:30:00Z");
  private static final long ACCOUNT = 1;

  private static RulePackage rules;
  private final List<Decision> decisions = new CopyOnWriteArrayList<>();
  private final CountDownLatch held = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final EngineSettings settings = TestSettings.defaults();

  @BeforeAll
  static void compile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("test.drl"), """
        package test;
        import riskguard.engine.enforcement.Action;
        import riskguard.engine.model.Account;
        import riskguard.engine.model.Enforcement;
        import riskguard.engine.model.Order;
        import riskguard.engine.model.Position;
        import riskguard.engine.model.Trade;
        global riskguard.engine.session.DecisionChannel decisions;

        rule "An account named hold: say so (the test holds the account's thread there)"
        when
            Account( name == "hold" )
        then
            decisions.warn("TEST-HOLD", 0, "hold");
        end

        rule "A working order: say its id"
        when
            Order( $id : id )
        then
            decisions.warn("TEST-ORDER", 0, "order " + $id);
        end

        rule "A fill and the position in its contract: say the position's size"
        when
            Trade( $c : contractId )
            Position( contractId == $c, $size : size )
        then
            decisions.warn("TEST-FILL", 0, "size " + $size);
        end

        rule "An account named cancel everything: cancel every order"
        when
            Account( name == "cancel everything" )
        then
            decisions.cancelAllOrders("TEST-CANCEL-ALL", "cancel everything");
        end

        rule "A working order no pending cancel-all covers: say its id"
        when
            Order( $id : id )
            not Enforcement( action == Action.CANCEL_ALL_ORDERS )
        then
            decisions.warn("TEST-UNCOVERED", 0, "order " + $id);
        end

        rule "A position of more than 2 contracts: say its size"
        when
            Position( size > 2, $size : size )
        then
            decisions.warn("TEST-BIG", 0, "size " + $size);
        end
        """);
    rules = RulePackage.compile(dir);
  }

  private static Instant at(int millis) {
    return OPEN.plusMillis(millis);
  }

  private static AccountEvent account(int millis, String name) {
    return new AccountEvent(at(millis), ACCOUNT, name, 50_000.0, true);
  }

  private static OrderEvent order(int millis, long id, OrderStatus status) {
    return new OrderEvent(at(millis), ACCOUNT, id, MNQ, status, OrderType.MARKET, OrderSide.BUY, 1, null, null,
        at(millis), at(millis), null);
  }

  private static TradeEvent trade(int millis, long id) {
    return new TradeEvent(at(millis), ACCOUNT, id, MNQ, at(millis), 21000.0, null, 0.37, OrderSide.BUY, 1, false, 7L);
  }

  private static PositionEvent position(int millis, int size) {
    return new PositionEvent(at(millis), ACCOUNT, 1, MNQ, OPEN, PositionType.LONG, size, 21000.0);
  }

  /** The order, trade, position and account events the gateway sends for one fill. */
  private static List<InputEvent> fill() {
    return List.of(order(10, 7, OrderStatus.OPEN), trade(11, 70), position(12, 1), account(13, "trader"));
  }

  @Test
  void liveTheEventsOfOneFillQueuedTogetherFireOnce() throws Exception {
    try (Engine engine = Engine.live(rules, settings, holdingEnforcement())) {
      holdTheAccountThen(engine, fill());

      assertThat(engine.firings()).as("the hold's event, then the fill's four events").isEqualTo(2);
      assertThat(engine.eventsApplied()).isEqualTo(5);
      assertThat(reasons("TEST-ORDER")).containsExactly("order 7");
      assertThat(reasons("TEST-FILL")).containsExactly("size 1");
      assertThat(decisions).filteredOn(decision -> decision.rule().equals("TEST-FILL")).extracting(Decision::ts)
          .as("decided at the time of the burst's last event").containsExactly(at(13));
    }
  }

  @Test
  void aReplayFiresForEachEvent() {
    try (Engine engine = Engine.replay(rules, settings, new EnforcementService(decisions::add, actions -> { }))) {
      engine.apply(account(0, "hold"));
      fill().forEach(engine::apply);

      assertThat(engine.firings()).isEqualTo(5);
      assertThat(reasons("TEST-FILL")).containsExactly("size 1");
      assertThat(decisions).filteredOn(decision -> decision.rule().equals("TEST-FILL")).extracting(Decision::ts)
          .as("decided when the position arrived").containsExactly(at(12));
    }
  }

  @Test
  void aPositionChangedTwiceInABurstIsSeenInBothStates() throws Exception {
    try (Engine engine = Engine.live(rules, settings, holdingEnforcement())) {
      holdTheAccountThen(engine, List.of(position(10, 3), position(11, 1)));

      assertThat(reasons("TEST-BIG")).as("the 3 lots were seen before the 1 replaced them").containsExactly("size 3");
      assertThat(engine.firings()).isEqualTo(3);
    }
  }

  @Test
  void anOrderPlacedAndCancelledInABurstIsSeenWhileItWorked() throws Exception {
    try (Engine engine = Engine.live(rules, settings, holdingEnforcement())) {
      holdTheAccountThen(engine, List.of(order(10, 8, OrderStatus.OPEN), order(11, 8, OrderStatus.CANCELLED)));

      assertThat(reasons("TEST-ORDER")).containsExactly("order 8");
      assertThat(engine.eventsApplied()).isEqualTo(3);
    }
  }

  @Test
  void aCancelAllIsDoneWhenItsOrdersAreGoneEvenIfANewOrderFollowsInTheSameBurst() throws Exception {
    try (Engine engine = Engine.live(rules, settings, holdingEnforcement())) {
      engine.apply(order(1, 8, OrderStatus.OPEN));
      engine.apply(account(2, "cancel everything"));
      engine.awaitIdle();
      assertThat(reasons("TEST-CANCEL-ALL")).hasSize(1);

      holdTheAccountThen(engine, List.of(order(10, 8, OrderStatus.CANCELLED), order(11, 9, OrderStatus.OPEN)));

      assertThat(reasons("TEST-UNCOVERED")).as("order 9 came after the cancel-all was done")
          .containsExactly("order 8", "order 9");
    }
  }

  /**
   * Sends an account event that holds the account's thread in its decision log, queues
   * {@code events} behind it, lets the thread go and waits until they are processed.
   */
  private void holdTheAccountThen(Engine engine, List<InputEvent> events) throws InterruptedException {
    engine.apply(account(0, "hold"));
    assertThat(held.await(10, TimeUnit.SECONDS)).as("the account's thread is held deciding").isTrue();
    events.forEach(engine::apply);
    release.countDown();
    engine.awaitIdle();
  }

  private List<String> reasons(String rule) {
    return decisions.stream().filter(decision -> decision.rule().equals(rule)).map(Decision::reason).toList();
  }

  private EnforcementService holdingEnforcement() {
    return new EnforcementService(decision -> {
      decisions.add(decision);
      if (decision.rule().equals("TEST-HOLD")) {
        held.countDown();
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
