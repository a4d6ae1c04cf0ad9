package riskguard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session membership, next start and end across the 2025 daylight-saving changes (New York and
 * Chicago switch on 2025-03-09 and 2025-11-02) and holidays.
 */
class SessionHoursTest {

  @TempDir Path directory;
  private SessionHours session;

  @BeforeEach
  void load() throws IOException {
    session =
        load(
            """
start: "09:30"
end: "16:00"
timezone: America/New_York
days: [MON, TUE, WED, THU, FRI]
per_symbol:
  ES: {start: "18:00", end: "17:00", timezone: America/Chicago, from_day: SUN, to_day: FRI}
  NIGHT: {start: "20:00", end: "04:00", days: [SAT]}
holidays: ["2025-12-25"]
""");
  }

  private SessionHours load(String sessionYaml) throws IOException {
    Path file = directory.resolve("riskguard.yaml");
    Files.writeString(file, "rules:\n  session_hours:\n" + sessionYaml.indent(4));
    return new ConfigLoader(Map.of()).read(file).rules().sessionHours();
  }

  private static Instant at(String utc) {
    return Instant.parse(utc);
  }

  @Test
  void newYorkSessionOpensAt0930LocalOnBothSidesOfTheMarchChange() {
    assertThat(session.isInSession(at("2025-03-07T14:29:59Z"), "MNQ")).isFalse();
    assertThat(session.isInSession(at("2025-03-07T14:30:00Z"), "MNQ")).as("09:30 EST").isTrue();
    assertThat(session.isInSession(at("2025-03-10T13:29:59Z"), "MNQ")).isFalse();
    assertThat(session.isInSession(at("2025-03-10T13:30:00Z"), "MNQ")).as("09:30 EDT").isTrue();
    assertThat(session.isInSession(at("2025-03-10T20:00:00Z"), "MNQ"))
        .as("16:00 EDT is the end")
        .isFalse();
    assertThat(session.nextSessionStart(at("2025-03-08T12:00:00Z"), "MNQ"))
        .isEqualTo(at("2025-03-10T13:30:00Z"));
    assertThat(session.sessionEndAfter(at("2025-03-10T14:00:00Z"), "MNQ"))
        .isEqualTo(at("2025-03-10T20:00:00Z"));
  }

  @Test
  void newYorkSessionAfterTheNovemberChange() {
    assertThat(session.nextSessionStart(at("2025-10-31T20:00:00Z"), "MNQ"))
        .as("Friday 16:00 EDT to Monday 09:30 EST")
        .isEqualTo(at("2025-11-03T14:30:00Z"));
    assertThat(session.isInSession(at("2025-11-03T14:00:00Z"), "MNQ")).as("09:00 EST").isFalse();
    assertThat(session.isInSession(at("2025-11-03T20:59:00Z"), "MNQ")).as("15:59 EST").isTrue();
    assertThat(session.isInSession(at("2025-11-01T15:00:00Z"), "MNQ")).as("Saturday").isFalse();
  }

  @Test
  void overnightSessionThatSpansTheClockChangeLastsOneHourLessOrMore() {
    assertThat(session.sessionEndAfter(at("2025-03-09T02:00:00Z"), "NIGHT"))
        .as("Saturday 20:00 EST to Sunday 04:00 EDT")
        .isEqualTo(at("2025-03-09T08:00:00Z"));
    assertThat(session.isInSession(at("2025-03-09T07:30:00Z"), "NIGHT")).isTrue();
    assertThat(session.isInSession(at("2025-03-09T08:00:00Z"), "NIGHT")).isFalse();
    assertThat(session.isInSession(at("2025-11-02T08:30:00Z"), "NIGHT")).as("03:30 EST").isTrue();
    assertThat(session.sessionEndAfter(at("2025-11-02T08:30:00Z"), "NIGHT"))
        .isEqualTo(at("2025-11-02T09:00:00Z"));
  }

  @Test
  void esRunsFromSundayEveningToFridayEveningChicagoTime() {
    assertThat(session.isInSession(at("2025-03-07T22:59:00Z"), "ES")).as("Fri 16:59 CST").isTrue();
    assertThat(session.isInSession(at("2025-03-07T23:00:00Z"), "ES")).as("Fri 17:00 CST").isFalse();
    assertThat(session.isInSession(at("2025-03-08T12:00:00Z"), "ES")).as("Saturday").isFalse();
    assertThat(session.nextSessionStart(at("2025-03-08T12:00:00Z"), "es"))
        .as("Sunday 18:00 CDT, the day the clocks changed")
        .isEqualTo(at("2025-03-09T23:00:00Z"));
    assertThat(session.isInSession(at("2025-03-09T22:59:00Z"), "ES")).isFalse();
    assertThat(session.isInSession(at("2025-03-09T23:00:00Z"), "ES")).isTrue();
    assertThat(session.isInSession(at("2025-03-12T12:00:00Z"), "ES"))
        .as("Wednesday early morning, outside the global hours")
        .isTrue();
    assertThat(session.sessionEndAfter(at("2025-03-12T12:00:00Z"), "ES"))
        .as("Friday 17:00 CDT")
        .isEqualTo(at("2025-03-14T22:00:00Z"));
    assertThat(session.nextSessionStart(at("2025-11-01T12:00:00Z"), "ES"))
        .as("Sunday 18:00 CST after the November change")
        .isEqualTo(at("2025-11-03T00:00:00Z"));
  }

  @Test
  void aHolidayClosesItsWholeDayInEachSessionsZone() {
    assertThat(session.isHoliday(java.time.LocalDate.of(2025, 12, 25))).isTrue();
    assertThat(session.isInSession(at("2025-12-24T15:00:00Z"), "MNQ")).isTrue();
    assertThat(session.isInSession(at("2025-12-25T15:00:00Z"), "MNQ")).isFalse();
    assertThat(session.nextSessionStart(at("2025-12-24T21:30:00Z"), "MNQ"))
        .isEqualTo(at("2025-12-26T14:30:00Z"));

    assertThat(session.isInSession(at("2025-12-24T18:00:00Z"), "ES")).isTrue();
    assertThat(session.sessionEndAfter(at("2025-12-24T18:00:00Z"), "ES"))
        .as("midnight Chicago starts Christmas Day")
        .isEqualTo(at("2025-12-25T06:00:00Z"));
    assertThat(session.isInSession(at("2025-12-25T18:00:00Z"), "ES")).isFalse();
    assertThat(session.nextSessionStart(at("2025-12-25T18:00:00Z"), "ES"))
        .as("reopens at midnight Chicago after the holiday, inside the weekly span")
        .isEqualTo(at("2025-12-26T06:00:00Z"));
  }

  @Test
  void aStartInsideTheSpringGapMovesForwardByTheGap() throws IOException {
    SessionHours early = load("start: \"02:30\"\nend: \"05:00\"\ndays: [SUN]\n");
    assertThat(early.nextSessionStart(at("2025-03-08T12:00:00Z"), "ES"))
        .as("02:30 does not exist on 2025-03-09 in New York; 03:30 EDT")
        .isEqualTo(at("2025-03-09T07:30:00Z"));
  }

  @Test
  void aSessionWithoutEndReportsNoEndAndOneAlwaysOpenHasNoNextStart() throws IOException {
    SessionHours always =
        load("start: \"00:00\"\nend: \"00:00\"\ndays: [MON, TUE, WED, THU, FRI, SAT, SUN]\n");
    assertThat(always.isInSession(at("2025-07-04T12:00:00Z"), "ES")).isTrue();
    assertThat(always.nextSessionStart(at("2025-07-04T12:00:00Z"), "ES")).isNull();
    assertThat(always.sessionEndAfter(at("2025-07-04T12:00:00Z"), "ES")).isNull();
  }

  @Test
  void twoConfigsAskedInTurnEachAnswerWithTheirOwnHours() throws IOException {
    SessionHours later =
        load(
            """
start: "11:00"
end: "15:00"
timezone: America/New_York
days: [MON, TUE, WED, THU, FRI]
""");
    Instant tenThirty = at("2025-03-10T14:30:00Z");
    for (int turn = 0; turn < 2; turn++) {
      assertThat(session.isInSession(tenThirty, "MNQ")).as("09:30-16:00, turn " + turn).isTrue();
      assertThat(later.isInSession(tenThirty, "MNQ")).as("11:00-15:00, turn " + turn).isFalse();
      assertThat(session.sessionEndAfter(tenThirty, "MNQ")).isEqualTo(at("2025-03-10T20:00:00Z"));
      assertThat(later.sessionEndAfter(tenThirty, "MNQ")).isEqualTo(at("2025-03-10T19:00:00Z"));
      assertThat(session.sessionEndAfter(tenThirty, "ES")).as("ES's own session").isEqualTo(at("2025-03-14T22:00:00Z"));
      assertThat(later.sessionEndAfter(tenThirty, "ES")).as("no ES session here").isEqualTo(at("2025-03-10T19:00:00Z"));
    }
  }
}
