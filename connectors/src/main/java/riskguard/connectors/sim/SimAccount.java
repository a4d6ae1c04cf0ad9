package riskguard.connectors.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An account the simulator starts with.
 *
 * @param id gateway account id
 * @param name account name, e.g. {@code 50KTC-V2-123-456}
 * @param balance starting balance in dollars
 * @param canTrade whether orders are accepted
 */
public record SimAccount(long id, String name, double balance, boolean canTrade) {

  private static final double DEFAULT_BALANCE = 50_000;

  /** A tradable account. */
  public static SimAccount of(long id, String name, double balance) {
    return new SimAccount(id, name, balance, true);
  }

  /**
   * Parses a command-line list: comma-separated {@code id[:name[:balance]]}, e.g.
   * {@code 536:50KTC-A:50000,537}. A missing name becomes {@code SIM-<id>}, a missing balance
   * $50,000.
   *
   * @throws IllegalArgumentException naming the entry that does not fit
   */
  public static List<SimAccount> parseList(String spec) {
    List<SimAccount> accounts = new ArrayList<>();
    Set<Long> ids = new HashSet<>();
    for (String entry : spec.split(",")) {
      String[] parts = entry.trim().split(":", -1);
      if (parts.length > 3 || parts[0].isBlank()) {
        throw new IllegalArgumentException("account '" + entry.trim() + "' must be id[:name[:balance]]");
      }
      long id = number(parts[0], "id", entry);
      String name = parts.length > 1 && !parts[1].isBlank() ? parts[1].trim() : "SIM-" + id;
      double balance = parts.length > 2 ? number(parts[2], "balance", entry) : DEFAULT_BALANCE;
      if (!ids.add(id)) {
        throw new IllegalArgumentException("account id " + id + " is listed twice in '" + spec + "'");
      }
      accounts.add(of(id, name, balance));
    }
    return accounts;
  }

  private static long number(String text, String what, String entry) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("account '" + entry.trim() + "': " + what + " '" + text
          + "' is not a whole number");
    }
  }
}
