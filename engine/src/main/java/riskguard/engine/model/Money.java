package riskguard.engine.model;

import java.util.Locale;

/** Dollar amounts: rounding to cents and the two-decimal form used in decision reasons. */
public final class Money {

  private Money() {}

  public static double cents(double dollars) {
    return Math.round(dollars * 100.0) / 100.0;
  }

  /** {@code -550.0} → {@code "-550.00"}, independent of the machine's locale. */
  public static String format(double dollars) {
    return String.format(Locale.ROOT, "%.2f", dollars);
  }
}
