package riskguard.engine.model;

import java.time.Instant;
import java.time.LocalDate;
import org.kie.api.definition.type.Expires;
import org.kie.api.definition.type.Role;
import org.kie.api.definition.type.Timestamp;
import riskguard.config.PnlBasis;

/**
 * A fill, as an event at its own time. {@code pnl} is null on an opening half-turn.
 * {@code tradingDay} is the date of the trading day the fill belongs to (the date of the
 * reset that ends it). Trades expire from working memory after 26 hours: longer than any
 * trading day, including the 25-hour day of a daylight-saving change.
 */
@Role(Role.Type.EVENT)
@Timestamp("timeMillis")
@Expires("26h")
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
