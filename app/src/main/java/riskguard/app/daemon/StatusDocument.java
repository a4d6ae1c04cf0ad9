package riskguard.app.daemon;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@code GET /status} of a running daemon answers, as JSON, and what {@code riskguard
 * status} shows. The same shape, with {@code live} false, carries what the database alone knows
 * when no daemon runs: then the connection, positions, working orders and unrealized P&amp;L are
 * null (unknown), not empty. Nothing in it is a secret.
 *
 * @param source where the figures come from: the endpoint's URL, or the database file
 * @param pid the daemon's process id; null when read from the database
 * @param connection the daemon's {@link ConnectionState}; null when read from the database
 * @param reload the running rule package's version and how the last hot reload went (a rejected
 *     package or config with its errors); null when read from the database
 */
public record StatusDocument(String source, boolean live, Long pid, Instant startedAt, Long uptimeSeconds,
    String rulePackage, Instant takenAt, String connection, List<Account> accounts, ReloadState reload) {

  public StatusDocument {
    accounts = List.copyOf(accounts);
  }

  /**
   * One guarded account.
   *
   * @param limits the configured limits these figures are measured against, with % used
   * @param positions, {@code workingOrders}, {@code hubs}, {@code unrealizedPnl}, {@code canTrade}:
   *     null when read from the database (only the running daemon knows them)
   * @param decisions newest first, each at the furthest step it reached
   */
  public record Account(long id, String name, Boolean canTrade, LocalDate tradingDay, Hubs hubs,
      double realizedPnl, Double unrealizedPnl, double fees, int tradeCount, List<LimitUse> limits,
      List<Position> positions, List<WorkingOrder> workingOrders, List<ActiveLockout> lockouts,
      List<DecisionStep> decisions) {

    public Account {
      limits = List.copyOf(limits);
      positions = positions == null ? null : List.copyOf(positions);
      workingOrders = workingOrders == null ? null : List.copyOf(workingOrders);
      lockouts = List.copyOf(lockouts);
      decisions = List.copyOf(decisions);
    }
  }

  /**
   * Each hub's state: {@code CONNECTED}, {@code DOWN} (reconnecting) or {@code NOT_STARTED}.
   *
   * @param refused the subscriptions that concern this account which a hub refused or left
   *     unanswered, each with the gateway's message (e.g. {@code user hub refused
   *     SubscribeTrades(536): …}); their events do not arrive until the hub accepts. Empty when none.
   */
  public record Hubs(String user, String market, List<String> refused) {

    public Hubs {
      refused = refused == null ? List.of() : List.copyOf(refused);
    }
  }

  /**
   * A figure against a configured limit.
   *
   * @param measure what is measured, e.g. {@code realized loss}, {@code contracts}
   * @param value the figure as the rule sees it (a loss as a positive amount)
   * @param percentUsed {@code value / limit} in percent, 0 when the figure is on the safe side
   */
  public record LimitUse(String rule, String measure, double value, double limit, double percentUsed) {

    /** A loss limit: {@code pnl} −200 against a limit of 500 is 40 % used; a gain uses none of it. */
    public static LimitUse ofLoss(String rule, String measure, double pnl, double limit) {
      return of(rule, measure, Math.max(0, -pnl), limit);
    }

    /** A cap on a positive figure (contracts held, profit against a target). */
    public static LimitUse of(String rule, String measure, double value, double limit) {
      double used = limit <= 0 ? (value > 0 ? 100 : 0) : Math.max(0, value) / limit * 100;
      return new LimitUse(rule, measure, value, limit, Math.round(used * 10) / 10.0);
    }
  }

  /** An open position; {@code lastPrice} and {@code unrealizedPnl} are null before its first quote. */
  public record Position(String contractId, String symbol, String side, int size, double averagePrice,
      Double lastPrice, Double unrealizedPnl) {}

  /** A working order at the gateway. */
  public record WorkingOrder(long orderId, String contractId, String type, String side, int size,
      Double limitPrice, Double stopPrice) {}

  /**
   * A lockout or cooldown in force.
   *
   * @param symbol the root it applies to; null for the whole account
   * @param until null while it lasts until lifted
   * @param secondsLeft null while it lasts until lifted
   */
  public record ActiveLockout(String rule, String symbol, Instant until, Long secondsLeft, String reason) {}

  /** An enforcement decision and its latest step ({@code DECIDED}, {@code SENT}, {@code SUCCEEDED}, …). */
  public record DecisionStep(Instant at, String rule, String action, String target, String status,
      String detail) {}
}
