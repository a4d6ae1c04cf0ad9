package riskguard.engine.model;

import java.time.Instant;
import java.time.LocalDate;
import org.kie.api.definition.type.Role;
import org.kie.api.definition.type.Timestamp;
import riskguard.config.PnlBasis;

/**
 * A fill, as an event at its own time. {@code pnl} is null on an opening half-turn.
 * {@code tradingDay} is the date of the trading day the fill belongs to (the date of the
 * reset that ends it). A trade stays in working memory until the reset that ends the trading
 * day after its own, when its session deletes it: the rolling hour reaches back over a reset.
 * It has no {@code @Expires}: Drools would keep an expiry timer per trade in the session's timer
 * queue, in which every sliding window's next expiry is then filed and found (without it,
 * Drools keeps an event as long as a pattern without a window could match it).
 */
@Role(Role.Type.EVENT)
@Timestamp("timeMillis")
public record Trade(
    long id,
    long accountId,
    String contractId,
    String root,
    Instant time,
    double price,
    Double pnl,
    double fees,
    OrderSide side,
    int size,
    boolean voided,
    Long orderId,
    LocalDate tradingDay) {

  /** The event time for Drools ({@code @Timestamp} needs epoch milliseconds, not an Instant). */
  public long getTimeMillis() {
    return time.toEpochMilli();
  }

  /** A non-voided round-turn: the trades that make realized P&amp;L. */
  public boolean isClosing() {
    return !voided && pnl != null;
  }

  /** This trade's realized P&amp;L on the given basis: net subtracts fees, gross ignores them. */
  public double realizedPnl(PnlBasis basis) {
    if (!isClosing()) {
      return 0.0;
    }
    return basis == PnlBasis.NET ? pnl - fees : pnl;
  }
}
