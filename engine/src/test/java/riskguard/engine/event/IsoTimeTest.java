package riskguard.engine.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gateway's times read directly give the same instants as java.time; other forms go to java.time. */
class IsoTimeTest {

  private static Instant javaTime(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2025-01-21T16:13:52.523293+00:00", "2025-01-21T16:13:52.5232934+00:00", "2025-01-21T16:13:52.523293412Z",
      "2025-03-10T14:30:00Z", "2025-03-10T14:30:00", "2025-03-10T14:30:00.1", "2025-03-10T23:59:59.999-05:00",
      "2025-03-10T00:00:00+05:30", "2024-02-29T12:00:00+14:00", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z",
      "2025-11-02T01:30:00-04:00", "9999-12-31T23:59:59.999999999-17:59",
      // other forms: java.time decides
      "2025-03-10T14:30Z", "2025-03-10T14:30:00+18:00", "2025-03-10T14:30:00+01:00:30", "2025-03-10T14:30:00+00", "+12025-03-10T14:30:00Z"})
  void givesTheInstantJavaTimeGives(String text) {
    assertThat(IsoTime.parse(text)).isEqualTo(javaTime(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2025-02-30T10:00:00Z", "2025-13-01T10:00:00Z", "2025-03-10T24:00:00Z", "2025-03-10T14:60:00Z",
      "2025-03-10T14:30:60Z", "2025-03-10T14:30:00.1234567891Z", "2025-03-10 14:30:00Z",
      "2025-03-10T14:30:00z0", "2025-0a-10T14:30:00Z", "yesterday"})
  void rejectsWhatJavaTimeRejects(String text) {
    assertThatThrownBy(() -> javaTime(text)).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> IsoTime.parse(text)).isInstanceOf(DateTimeParseException.class);
  }
}
