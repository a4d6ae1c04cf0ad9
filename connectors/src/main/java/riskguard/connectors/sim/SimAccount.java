package riskguard.connectors.sim;

/**
 * An account the simulator starts with.
 *
 * @param id gateway account id
 * @param name account name, e.g. {@code 50KTC-V2-123-456}
 * @param balance starting balance in dollars
 * @param canTrade whether orders are accepted
 */
public record SimAccount(long id, String name, double balance, boolean canTrade) {

  /** A tradable account. */
  public static SimAccount of(long id, String name, double balance) {
    return new SimAccount(id, name, balance, true);
  }
}
