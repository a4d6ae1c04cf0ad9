package riskguard.engine.event;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parses the gateway's ISO-8601 times. Every hub event carries one or two, and
 * {@code java.time}'s general parser builds a field map per call, so the form the gateway
 * writes ({@code 2025-01-21T16:13:52.523293+00:00}: seconds, 0–9 fractional digits, {@code Z}
 * or {@code ±HH:MM}, or no offset for UTC) is read directly; anything else goes to
 * {@code java.time}, which accepts or rejects it as before.
 */
final class IsoTime {

  private static final int DATE_AND_TIME = "2025-01-21T16:13:52".length();

  private IsoTime() {}

  /** @throws DateTimeParseException when {@code text} is not an ISO-8601 time */
  static Instant parse(String text) {
    Instant fast = gatewayForm(text);
    if (fast != null) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }
  }

  /** The instant of a time in the gateway's form; null when {@code text} is in another form or out of range. */
  private static Instant gatewayForm(String text) {
    int length = text.length();
    if (length < DATE_AND_TIME || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
        || second > 59) {
      return null;
    }
    int at = DATE_AND_TIME;
    int nanos = 0;
    if (at < length && text.charAt(at) == '.') {
      int start = ++at;
      while (at < length && at - start < 10 && isDigit(text.charAt(at))) {
        nanos = nanos * 10 + (text.charAt(at) - '0');
        at++;
      }
      int fractionDigits = at - start;
      if (fractionDigits == 0 || fractionDigits > 9) {
        return null;
      }
      for (int i = fractionDigits; i < 9; i++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    if (at == length) {
      offsetSeconds = 0;
    } else if (at == length - 1 && text.charAt(at) == 'Z') {
      offsetSeconds = 0;
    } else if (at == length - 6 && (text.charAt(at) == '+' || text.charAt(at) == '-') && text.charAt(at + 3) == ':') {
      int offsetHours = digits(text, at + 1, 2);
      int offsetMinutes = digits(text, at + 4, 2);
      if (offsetHours < 0 || offsetHours > 17 || offsetMinutes < 0 || offsetMinutes > 59) {
        return null;
      }
      offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (text.charAt(at) == '-' ? -1 : 1);
    } else {
      return null;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException notADate) {
      return null;
    }
    long epochSecond = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
    return Instant.ofEpochSecond(epochSecond, nanos);
  }

  /** The value of {@code count} decimal digits at {@code from}; -1 when one is not a digit. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
