package riskguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static riskguard.rules.Scenario.ES;
import static riskguard.rules.Scenario.MNQ;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import riskguard.config.SessionHours;
import riskguard.config.SymbolSession;
import riskguard.engine.enforcement.Action;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.model.Contract;
import riskguard.engine.model.Lockout;
import riskguard.engine.model.OrderSide;
import riskguard.engine.model.OrderStatus;
import riskguard.engine.model.OrderType;
import riskguard.engine.model.PositionType;

/**
 * RULE-009 session hours, in a real session: the global session 09:30–16:00 New York
 * Monday to Friday, ES from Sunday 18:00 to Friday 17:00 Chicago, closed on 2025-12-25.
 * New York and Chicago changed to daylight time on 2025-03-09 and back on 2025-11-02.
 */
class SessionHoursRuleTest {

  private static final String RULE = "RULE-009";

  private static SessionHours hours(boolean closeAtSessionEnd) {
    SymbolSession es = new SymbolSession(LocalTime.of(18, 0), LocalTime.of(17, 0), ZoneId.of("America/Chicago"),
        DayOfWeek.SUNDAY, DayOfWeek.FRIDAY, null);
    return new SessionHours(LocalTime.of(9, 30), LocalTime.of(16, 0), ZoneId.of("America/New_York"),
        SessionHours.DEFAULT_DAYS, Map.of("ES", es), List.of(LocalDate.parse("2025-12-25")), closeAtSessionEnd);
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  @Test
  void aPositionOpenedBeforeTheSessionIsClosedAndItsRootLockedUntilTheOpenInDaylightTime() {
    try (Scenario day = new Scenario(hours(false))) {
      day.position("2025-03-10T13:00:00Z", MNQ, PositionType.LONG, 1, 21000.0);

      assertThat(day.decisions(RULE)).extracting(Decision::action, Decision::contractId, Decision::symbol, Decision::until)
          .containsExactly(
              tuple(Action.CLOSE_POSITION, MNQ, null, null),
              tuple(Action.LOCKOUT, null, "MNQ", at("2025-03-10T13:30:00Z")));

      day.flat("2025-03-10T13:00:01Z", MNQ).tick("2025-03-10T13:30:00Z");

      assertThat(day.decisions(RULE)).last().extracting(Decision::action, Decision::symbol, Decision::ts)
          .containsExactly(Action.UNLOCK, "MNQ", at("2025-03-10T13:30:00Z"));
      assertThat(day.lockouts()).isEmpty();
    }
  }

  @Test
  void theSameLocalTimeBeforeTheDaylightChangeIsAnHourLaterInUtc() {
    try (Scenario day = new Scenario(hours(false))) {
      day.position("2025-03-07T14:00:00Z", MNQ, PositionType.LONG, 1, 21000.0);

      assertThat(day.decisions(RULE)).extracting(Decision::action, Decision::until).containsExactly(
          tuple(Action.CLOSE_POSITION, null), tuple(Action.LOCKOUT, at("2025-03-07T14:30:00Z")));
    }
  }

  @Test
  void aPositionOpenedInsideTheSessionIsLeftAlone() {
    try (Scenario day = new Scenario(hours(true))) {
      day.position("2025-03-10T13:30:00Z", MNQ, PositionType.LONG, 1, 21000.0)
          .position("2025-03-10T19:59:59Z", ES, PositionType.SHORT, 1, 5800.0)
          .tick("2025-03-10T19:59:59.999Z");

      assertThat(day.decisions).as("09:30 EDT is inside; ES trades through the week").isEmpty();
    }
  }

  @Test
  void atTheSessionEndPositionsAndOrdersAreClosedAndTheRootLockedOverTheWeekendAndTheDaylightChange() {
    try (Scenario day = new Scenario(hours(true))) {
      day.position("2025-03-07T20:00:00Z", MNQ, PositionType.LONG, 1, 21000.0)
          .order("2025-03-07T20:00:01Z", 5, MNQ, OrderStatus.OPEN, OrderType.STOP, OrderSide.SELL, 20990.0)
          .tick("2025-03-07T20:59:59Z");
      assertThat(day.decisions(RULE)).isEmpty();

      day.tick("2025-03-07T21:00:00.400Z");

      assertThat(day.decisions(RULE)).extracting(Decision::action, Decision::ts, Decision::until)
          .as("16:00 EST Friday; the next open is 09:30 EDT Monday")
          .containsExactlyInAnyOrder(
              tuple(Action.CLOSE_POSITION, at("2025-03-07T21:00:00Z"), null),
              tuple(Action.CANCEL_ORDER, at("2025-03-07T21:00:00Z"), null),
              tuple(Action.LOCKOUT, at("2025-03-07T21:00:00Z"), at("2025-03-10T13:30:00Z")));
    }
  }

  @Test
  void theSessionEndAfterTheAutumnChangeIsAtTheStandardTimeHour() {
    try (Scenario day = new Scenario(hours(true))) {
      day.position("2025-10-31T19:00:00Z", MNQ, PositionType.SHORT, 2, 21000.0)
          .tick("2025-10-31T20:00:00Z");

      assertThat(day.decisions(RULE)).extracting(Decision::action, Decision::ts, Decision::until)
          .as("16:00 EDT Friday; the next open is 09:30 EST Monday")
          .containsExactly(
              tuple(Action.CLOSE_POSITION, at("2025-10-31T20:00:00Z"), null),
              tuple(Action.LOCKOUT, at("2025-10-31T20:00:00Z"), at("2025-11-03T14:30:00Z")));
    }
  }

  @Test
  void anOrderPlacedInALockedRootIsCancelledWhileTheOtherRootInItsOwnSessionTrades() {
    try (Scenario day = new Scenario(hours(false))) {
      day.position("2025-03-11T03:00:00Z", MNQ, PositionType.LONG, 1, 21000.0)
          .flat("2025-03-11T03:00:01Z", MNQ)
          .order("2025-03-11T03:05:00Z", 8, MNQ, OrderStatus.OPEN, OrderType.LIMIT, OrderSide.BUY, null)
          .position("2025-03-11T03:06:00Z", ES, PositionType.LONG, 1, 5800.0)
          .order("2025-03-11T03:06:01Z", 9, ES, OrderStatus.OPEN, OrderType.STOP, OrderSide.SELL, 5790.0);

      assertThat(day.decisions(RULE)).extracting(Decision::action, Decision::contractId, Decision::orderId, Decision::symbol)
          .containsExactly(
              tuple(Action.CLOSE_POSITION, MNQ, null, null),
              tuple(Action.LOCKOUT, null, null, "MNQ"),
              tuple(Action.CANCEL_ORDER, null, 8L, null));
      assertThat(day.decisions("LOCKOUT-GUARD")).isEmpty();
      assertThat(day.lockouts()).extracting(Lockout::symbol).containsExactly("MNQ");
    }
  }

  @Test
  void esFollowsItsOwnSessionAcrossDaysAndClosesAtFridayFiveChicago() {
    try (Scenario day = new Scenario(hours(true))) {
      day.position("2025-03-11T03:00:00Z", ES, PositionType.LONG, 1, 5800.0)
          .tick("2025-03-14T21:59:59Z");
      assertThat(day.decisions(RULE)).as("Monday night to Friday afternoon is one ES session").isEmpty();

      day.tick("2025-03-14T22:00:00Z");

      assertThat(day.decisions(RULE)).extracting(Decision::action, Decision::ts, Decision::until).containsExactly(
          tuple(Action.CLOSE_POSITION, at("2025-03-14T22:00:00Z"), null),
          tuple(Action.LOCKOUT, at("2025-03-14T22:00:00Z"), at("2025-03-16T23:00:00Z")));
    }
  }

  @Test
  void esOpenedOnSundayBeforeSixChicagoIsOutsideOnBothDaylightChangeDays() {
    try (Scenario day = new Scenario(hours(false))) {
      day.position("2025-03-09T22:30:00Z", ES, PositionType.LONG, 1, 5800.0)
          .flat("2025-03-09T22:30:01Z", ES)
          .tick("2025-03-09T23:00:00Z")
          .position("2025-03-09T23:00:01Z", ES, PositionType.LONG, 1, 5800.0);

      assertThat(day.decisions(RULE)).extracting(Decision::action, Decision::until).as("17:30 CDT; opens 18:00 CDT")
          .containsExactly(
              tuple(Action.CLOSE_POSITION, null),
              tuple(Action.LOCKOUT, at("2025-03-09T23:00:00Z")),
              tuple(Action.UNLOCK, null));

      day.flat("2025-03-10T00:00:00Z", ES)
          .position("2025-11-02T23:30:00Z", ES, PositionType.LONG, 1, 5800.0);

      assertThat(day.decisions(RULE)).last().extracting(Decision::action, Decision::until)
          .as("17:30 CST, which in daylight time would have been inside the session")
          .containsExactly(Action.LOCKOUT, at("2025-11-03T00:00:00Z"));
    }
  }

  @Test
  void aPositionOpenedOnAHolidayIsClosedAndLockedUntilTheNextTradingDayOpens() {
    try (Scenario day = new Scenario(hours(false))) {
      day.position("2025-12-25T15:00:00Z", MNQ, PositionType.LONG, 1, 21000.0);

      assertThat(day.decisions(RULE)).extracting(Decision::action, Decision::until).containsExactly(
          tuple(Action.CLOSE_POSITION, null), tuple(Action.LOCKOUT, at("2025-12-26T14:30:00Z")));
    }
  }

  @Test
  void withoutCloseAtSessionEndAPositionHeldPastTheEndStays() {
    try (Scenario day = new Scenario(hours(false))) {
      day.position("2025-03-10T19:00:00Z", MNQ, PositionType.LONG, 1, 21000.0)
          .tick("2025-03-10T20:00:00Z")
          .quote("2025-03-10T21:00:00Z", MNQ, 21010.0);

      assertThat(day.decisions).isEmpty();
    }
  }

  @Test
  void contractMetadataArrivingAfterThePositionPutsItUnderItsOwnProductsSession() {
    String gold = "CON.F.US.GCE.Z25";
    SymbolSession noonHour = new SymbolSession(LocalTime.of(12, 0), LocalTime.of(13, 0), ZoneId.of("America/New_York"),
        null, null, SessionHours.DEFAULT_DAYS);
    SessionHours hours = new SessionHours(LocalTime.of(9, 30), LocalTime.of(16, 0), ZoneId.of("America/New_York"),
        SessionHours.DEFAULT_DAYS, Map.of("GC", noonHour), List.of(), false);
    try (Scenario day = new Scenario(hours)) {
      day.position("2025-03-10T14:00:00Z", gold, PositionType.LONG, 1, 2650.0);
      assertThat(day.decisions(RULE)).as("10:00 EDT under the root GCE: the global session, open").isEmpty();

      day.contract("2025-03-10T14:00:02Z", Contract.of(gold, "GCZ5", 0.1, 10.0, "F.US.GCE"));

      assertThat(day.decisions(RULE)).extracting(Decision::action, Decision::contractId, Decision::symbol, Decision::until)
          .as("GC trades 12:00-13:00 New York")
          .containsExactly(
              tuple(Action.CLOSE_POSITION, gold, null, null),
              tuple(Action.LOCKOUT, null, "GC", at("2025-03-10T16:00:00Z")));
    }
  }
}
