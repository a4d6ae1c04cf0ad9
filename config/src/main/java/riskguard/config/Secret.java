package riskguard.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A secret string (an API key) that never shows itself: {@link #toString()} and JSON serialisation
 * print a mask, so a config record can be logged whole. Read the value only where it is sent to the
 * gateway, with {@link #reveal()}.
 */
public final class Secret {

  private static final String MASK = "******";

  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The secret itself; call it only to hand the value to the gateway. */
  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @JsonValue
  @Override
  public String toString() {
    return MASK;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
