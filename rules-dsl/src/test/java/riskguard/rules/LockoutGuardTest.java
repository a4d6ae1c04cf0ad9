package riskguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static riskguard.rules.Scenario.ES;
import static riskguard.rules.Scenario.MNQ;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import riskguard.config.CooldownAfterLoss;
import riskguard.config.CountType;
import riskguard.config.DailyRealizedLoss;
import riskguard.config.LimitAction;
import riskguard.config.LossThreshold;
import riskguard.config.MaxContracts;
import riskguard.config.PnlBasis;
import riskguard.engine.enforcement.Action;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.event.OrderEvent;
import riskguard.engine.event.PositionEvent;
import riskguard.engine.model.Lockout;
import riskguard.engine.model.LockoutKind;
import riskguard.engine.model.OrderSide;
import riskguard.engine.model.OrderStatus;
import riskguard.engine.model.OrderType;
import riskguard.engine.model.PositionType;

/** The lockout guard, the daily reset and merge precedence, with real sessions. */
class LockoutGuardTest {

  private static final String GUARD = "LOCKOUT-GUARD";

  private static Scenario lockedOutAt1432() {
    Scenario day = new Scenario(PnlBasis.GROSS, new DailyRealizedLoss(500));
    day.trade("2025-03-10T14:32:00Z", 1, MNQ, -600.0, 0.0);
    return day;
  }

  @Test
  void anOrderPlacedWhileLockedOutIsCancelled() {
    try (Scenario day = lockedOutAt1432()) {
      day.order("2025-03-10T14:40:00Z", 42, MNQ, OrderStatus.OPEN, OrderType.LIMIT, OrderSide.BUY, null);

      assertThat(day.decisions(GUARD)).singleElement().satisfies(cancel -> {
        assertThat(cancel.action()).isEqualTo(Action.CANCEL_ORDER);
        assertThat(cancel.orderId()).isEqualTo(42L);
        assertThat(cancel.reason()).contains("RULE-003");
      });

      day.order("2025-03-10T14:40:01Z", 42, MNQ, OrderStatus.OPEN, OrderType.LIMIT, OrderSide.BUY, null);
      assertThat(day.decisions(GUARD)).as("the same order again while its cancel is pending").hasSize(1);
    }
  }

  @Test
  void aMarketOrderWhileLockedOutIsLeftToFillAndItsPositionIsClosed() {
    try (Scenario day = lockedOutAt1432()) {
      day.order("2025-03-10T14:40:00Z", 43, MNQ, OrderStatus.OPEN, OrderType.MARKET, OrderSide.BUY, null);
      assertThat(day.decisions(GUARD)).as("cancelling a market order only races its fill").isEmpty();

      day.order("2025-03-10T14:40:00Z", 43, MNQ, OrderStatus.FILLED, OrderType.MARKET, OrderSide.BUY, null)
          .position("2025-03-10T14:40:00Z", MNQ, PositionType.LONG, 1, 21000.0);
      assertThat(day.actions(GUARD)).containsExactly(Action.CLOSE_POSITION);
    }
  }

  @Test
  void riskguardsOwnStopIsNotCancelledDuringACooldownThatLetsThePositionStand() {
    try (Scenario day = new Scenario(new CooldownAfterLoss(List.of(new LossThreshold(100, 300))))) {
      day.position("2025-03-10T14:29:00Z", ES, PositionType.LONG, 1, 5800.0)
          .trade("2025-03-10T14:30:00Z", 1, MNQ, -150.0, 0.74);
      assertThat(day.actions("RULE-007")).containsExactly(Action.COOLDOWN);

      day.order("2025-03-10T14:31:00Z", 50, ES, OrderStatus.OPEN, OrderType.STOP, OrderSide.SELL, 5790.0, "rg-17")
          .order("2025-03-10T14:31:05Z", 51, ES, OrderStatus.OPEN, OrderType.STOP, OrderSide.SELL, 5790.0, "my-stop");

      assertThat(day.decisions(GUARD)).as("the trader's own new stop is cancelled, riskguard's is not")
          .singleElement().extracting(Decision::orderId).isEqualTo(51L);
    }
  }

  @Test
  void aFillWhileLockedOutIsClosed() {
    try (Scenario day = lockedOutAt1432()) {
      day.position("2025-03-10T14:32:00Z", MNQ, PositionType.LONG, 1, 21000.0)
          .flat("2025-03-10T14:32:01Z", MNQ);
      assertThat(day.decisions(GUARD)).as("RULE-003 closes what was open itself").isEmpty();

      day.position("2025-03-10T14:45:00Z", ES, PositionType.SHORT, 2, 5800.0)
          .quote("2025-03-10T14:45:01Z", ES, 5799.0);

      assertThat(day.decisions(GUARD)).singleElement().satisfies(close -> {
        assertThat(close.action()).isEqualTo(Action.CLOSE_POSITION);
        assertThat(close.contractId()).isEqualTo(ES);
        assertThat(close.ts()).hasToString("2025-03-10T14:45:00Z");
      });
    }
  }

  /**
   * A restart during a cooldown: riskguard finds again (first sight, 14:30) what the trader
   * held before the cooldown began at 14:00. That is left alone; what the gateway created
   * during the cooldown, and a change seen after the restart, are not.
   */
  @Test
  void afterARestartDuringACooldownWhatTheTraderHeldBeforeItIsLeftAlone() {
    try (Scenario day = new Scenario()) {
      day.engine().restore(Scenario.ACCOUNT, null, List.of(new Lockout("c", "RULE-007", LockoutKind.COOLDOWN, null,
          Instant.parse("2025-03-10T14:00:00Z"), Instant.parse("2025-03-10T15:00:00Z"), "trade 7 lost -350.00")));

      foundAtRestart(day, 1, MNQ, "2025-03-10T13:50:00Z", 61, OrderType.STOP, "2025-03-10T13:51:00Z");
      foundAtRestart(day, 2, ES, "2025-03-10T14:20:00Z", 62, OrderType.LIMIT, "2025-03-10T14:21:00Z");

      assertThat(day.decisions(GUARD)).as("the ES position and order the trader opened during the cooldown")
          .extracting(Decision::action, Decision::contractId, Decision::orderId)
          .containsExactlyInAnyOrder(tuple(Action.CLOSE_POSITION, ES, null), tuple(Action.CANCEL_ORDER, null, 62L));

      day.position("2025-03-10T14:31:00Z", MNQ, PositionType.LONG, 2, 21000.0);
      assertThat(day.decisions(GUARD)).as("added to after the restart, during the cooldown").hasSize(3).last()
          .extracting(Decision::action, Decision::contractId).containsExactly(Action.CLOSE_POSITION, MNQ);
    }
  }

  /**
   * What the reconcile at a restart (14:30) finds: a long position in {@code contract} the gateway
   * created at {@code opened}, and a working order of {@code type} in it created at {@code placed}.
   */
  private static void foundAtRestart(Scenario day, long positionId, String contract, String opened, long orderId,
      OrderType type, String placed) {
    Instant restart = Instant.parse("2025-03-10T14:30:00Z");
    boolean stop = type == OrderType.STOP;
    day.apply(new PositionEvent(restart, Scenario.ACCOUNT, positionId, contract, Instant.parse(opened),
            PositionType.LONG, 1, 21000.0))
        .apply(new OrderEvent(restart, Scenario.ACCOUNT, orderId, contract, OrderStatus.OPEN, type,
            stop ? OrderSide.SELL : OrderSide.BUY, 1, stop ? null : 20900.0, stop ? 20950.0 : null,
            Instant.parse(placed), Instant.parse(placed), null));
  }

  /** A restart during a lockout that flattened the account: whatever is found open is closed, as before. */
  @Test
  void afterARestartDuringAFlatteningLockoutWhatIsFoundOpenIsClosedWhenItWasCreated() {
    try (Scenario day = new Scenario()) {
      day.engine().restore(Scenario.ACCOUNT, null, List.of(new Lockout("x", "RULE-003", LockoutKind.UNTIL_RESET, null,
          Instant.parse("2025-03-10T14:00:00Z"), Instant.parse("2025-03-10T21:00:00Z"), "realized -550.00 <= -500.00")));

      foundAtRestart(day, 1, MNQ, "2025-03-10T13:50:00Z", 61, OrderType.STOP, "2025-03-10T13:51:00Z");

      assertThat(day.decisions(GUARD)).extracting(Decision::action, Decision::contractId, Decision::orderId)
          .containsExactlyInAnyOrder(tuple(Action.CLOSE_POSITION, MNQ, null), tuple(Action.CANCEL_ORDER, null, 61L));
    }
  }

  @Test
  void aSymbolLockoutGuardsOnlyItsRoot() {
    try (Scenario day = new Scenario()) {
      Instant since = Instant.parse("2025-03-10T14:00:00Z");
      day.engine().restore(Scenario.ACCOUNT, null,
          List.of(new Lockout("x", "RULE-009", LockoutKind.UNTIL_TIME, "ES", since,
              Instant.parse("2025-03-10T22:00:00Z"), "ES outside its session")));

      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 1, 21000.0)
          .position("2025-03-10T14:30:01Z", ES, PositionType.LONG, 1, 5800.0);

      assertThat(day.decisions(GUARD)).singleElement().extracting(Decision::contractId).isEqualTo(ES);
    }
  }

  @Test
  void aRestoredLockoutFromADayAgoIsLiftedByTheCatchUpResetAtTheFirstEvent() {
    try (Scenario day = new Scenario()) {
      Instant yesterdayReset = Instant.parse("2025-03-07T22:00:00Z");
      Lockout untilReset = new Lockout("x", "RULE-003", LockoutKind.UNTIL_RESET, null,
          Instant.parse("2025-03-07T18:00:00Z"), yesterdayReset, "realized -550.00 <= -500.00");
      day.engine().restore(Scenario.ACCOUNT, Instant.parse("2025-03-06T22:00:00Z"), List.of(untilReset));

      day.account("2025-03-10T13:00:00Z", true);

      assertThat(day.decisions("DAILY-RESET")).singleElement().extracting(Decision::action).isEqualTo(Action.UNLOCK);
      assertThat(day.lockouts()).isEmpty();
      assertThat(day.engine().lastReset(Scenario.ACCOUNT)).as("Sunday 17:00 New York")
          .hasToString("2025-03-09T21:00:00Z");
    }
  }

  @Test
  void resetsFollowNewYorkAcrossBothDaylightSavingChanges() {
    try (Scenario day = new Scenario(PnlBasis.GROSS, new DailyRealizedLoss(500))) {
      day.trade("2025-03-07T15:00:00Z", 1, MNQ, -600.0, 0.0)
          .tick("2025-03-10T12:00:00Z");
      assertThat(day.decisions("DAILY-RESET")).singleElement().extracting(Decision::ts)
          .hasToString("2025-03-07T22:00:00Z");

      day.trade("2025-10-31T15:00:00Z", 2, MNQ, -600.0, 0.0)
          .tick("2025-11-03T12:00:00Z");

      assertThat(day.decisions("DAILY-RESET")).hasSize(2);
      assertThat(day.decisions("DAILY-RESET").get(1).ts()).as("EDT on Friday").hasToString("2025-10-31T21:00:00Z");
      assertThat(day.engine().lastReset(Scenario.ACCOUNT)).as("Sunday 2025-11-02 17:00 EST")
          .hasToString("2025-11-02T22:00:00Z");
    }
  }

  @Test
  void whenTwoRulesDecideOnOneEventBothAreRecordedAndOnlyTheStrongerCloseIsSent() {
    try (Scenario day = new Scenario(PnlBasis.GROSS, new DailyRealizedLoss(500),
        new MaxContracts(2, CountType.GROSS, LimitAction.REDUCE_TO_LIMIT))) {
      day.trade("2025-03-10T14:31:00Z", 1, MNQ, -600.0, 0.0);
      day.decisions.clear();
      day.executed.clear();

      day.position("2025-03-10T14:32:00Z", ES, PositionType.LONG, 3, 5800.0);

      assertThat(day.decisions).extracting(Decision::rule, Decision::action).containsExactlyInAnyOrder(
          org.assertj.core.groups.Tuple.tuple(GUARD, Action.CLOSE_POSITION),
          org.assertj.core.groups.Tuple.tuple("RULE-001", Action.REDUCE_POSITION));
      assertThat(day.executed).singleElement().satisfies(actions ->
          assertThat(actions).extracting(Decision::action, Decision::contractId)
              .containsExactly(org.assertj.core.groups.Tuple.tuple(Action.CLOSE_POSITION, ES)));
    }
  }
}
