package riskguard.app.daemon;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.model.Lockout;
import riskguard.engine.model.OrderSide;
import riskguard.engine.model.OrderType;
import riskguard.engine.model.PositionType;

/**
 * What the daemon knows right now, for {@code riskguard status} and the demo: the connection,
 * and per guarded account its P&amp;L, positions, lockouts and last decisions.
 */
public record DaemonSnapshot(Instant takenAt, ConnectionState connection, String rulePackage,
    List<AccountSnapshot> accounts) {

  public DaemonSnapshot {
    accounts = List.copyOf(accounts);
  }

  /**
   * One guarded account.
   *
   * @param tradingDay the trading day the P&amp;L figures belong to
   * @param realizedPnl today's realized P&amp;L on the configured basis (net subtracts fees)
   * @param fees today's fees
   * @param unrealizedPnl the open positions valued at their last quote (those without a quote count 0)
   * @param tradeCount today's fills, voided ones excluded
   */
  public record AccountSnapshot(long id, String name, boolean canTrade, LocalDate tradingDay,
      double realizedPnl, double fees, double unrealizedPnl, int tradeCount, List<PositionSnapshot> positions,
      List<OrderSnapshot> workingOrders, List<Lockout> lockouts, List<DecisionSnapshot> recentDecisions) {

    public AccountSnapshot {
      positions = List.copyOf(positions);
      workingOrders = List.copyOf(workingOrders);
      lockouts = List.copyOf(lockouts);
      recentDecisions = List.copyOf(recentDecisions);
    }
  }

  /**
   * An open position; {@code mark} and {@code unrealizedPnl} are null before its first quote,
   * {@code symbol} (the contract's name, e.g. {@code MNQZ5}) before its metadata is loaded.
   */
  public record PositionSnapshot(String contractId, String symbol, PositionType type, int size,
      double averagePrice, Double mark, Double unrealizedPnl) {}

  /** A working order at the gateway. */
  public record OrderSnapshot(long orderId, String contractId, OrderType type, OrderSide side, int size,
      Double limitPrice, Double stopPrice) {}

  /**
   * A decision and how far it got: {@code DECIDED}, {@code SENT}, {@code SUCCEEDED},
   * {@code RETRY}, {@code FAILED} or {@code SKIPPED} (the audit log's phases).
   */
  public record DecisionSnapshot(Decision decision, String status, String detail) {}
}
