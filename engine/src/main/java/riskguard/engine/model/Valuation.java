package riskguard.engine.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What an open position is worth at its contract's latest quote: a fact of its own, next to
 * the {@link Position} (same {@code contractId}), so that a quote changes only this and the
 * many rules that read a position's size, side, root or times are not touched by quotes.
 * There is one while the position is open and has been priced (a quote and the contract's
 * tick size and value known); a position without one is not valued yet.
 *
 * <p>The engine keeps it current on every quote for the contract and every change of the
 * position, with property reactivity: an update names only the properties that changed.
 */
public final class Valuation {

  private final long accountId;
  private final String contractId;
  private PositionType type;
  private double mark;
  private double unrealizedPnl;
  private double profitTicks;
  private double tickSize;
  private Instant quoteTime;
  private boolean stale;

  public Valuation(long accountId, String contractId) {
    this.accountId = accountId;
    this.contractId = contractId;
  }

  public long getAccountId() {
    return accountId;
  }

  public String getContractId() {
    return contractId;
  }

  /** The side of the position valued (a reversed position is valued as its new side). */
  public PositionType getType() {
    return type;
  }

  public double getMark() {
    return mark;
  }

  /** Unrealized P&amp;L in dollars, rounded to cents. */
  public double getUnrealizedPnl() {
    return unrealizedPnl;
  }

  /** (mark − average price) / tick size, positive when the position is in profit. */
  public double getProfitTicks() {
    return profitTicks;
  }

  /** The contract's tick size. */
  public double getTickSize() {
    return tickSize;
  }

  /** Time of the quote the valuation uses (the quote's own time, else when it was received). */
  public Instant getQuoteTime() {
    return quoteTime;
  }

  /**
   * Whether the quote was older than {@code max_quote_age_seconds} when the valuation last
   * changed (judged by the engine with the session clock then): a rule that only says a quote
   * is stale reads this and is not woken by every fresh quote. It does not flip as the quote
   * ages on the clock; the next change of the valuation judges it again.
   */
  public boolean isStale() {
    return stale;
  }

  /** What a {@link #revalue} changed, so the engine tells working memory only that. */
  public enum Change {
    /** Nothing: no rule needs to look again. */
    UNCHANGED,
    /**
     * Only the quote's time: a newer quote at the same mark (e.g. it moved only the other side of
     * the book). Only what reads {@code quoteTime} (and {@code stale}) needs to look again.
     */
    QUOTE_TIME,
    /**
     * The mark and what follows from it ({@code mark}, {@code unrealizedPnl}, {@code profitTicks},
     * {@code quoteTime}, {@code stale}).
     */
    PRICE,
    /** The position turned around or the tick size changed: every property. */
    FULL
  }

  /**
   * Engine only: values {@code position} at {@code mark} with the contract's tick size and value,
   * saying which properties changed (for a valuation not yet in working memory the answer does
   * not matter: it is inserted whole). {@code stale} is the quote's age judged now; it is taken
   * only with another change, so a valuation left unchanged does not turn stale.
   */
  public Change revalue(Position position, double mark, Instant quoteTime, boolean stale, Contract contract) {
    PositionType side = position.getType();
    double ticks = (mark - position.getAveragePrice()) / contract.tickSize() * side.sign();
    double pnl = Money.cents(ticks * contract.tickValue() * position.getSize());
    boolean full = this.type != side || this.tickSize != contract.tickSize();
    boolean samePrice = !full && this.mark == mark && this.profitTicks == ticks && this.unrealizedPnl == pnl;
    boolean sameTime = Objects.equals(this.quoteTime, quoteTime);
    this.type = side;
    this.mark = mark;
    this.profitTicks = ticks;
    this.tickSize = contract.tickSize();
    this.unrealizedPnl = pnl;
    this.quoteTime = quoteTime;
    if (!samePrice || !sameTime) {
      this.stale = stale;
    }
    if (full) {
      return Change.FULL;
    }
    if (samePrice) {
      return sameTime ? Change.UNCHANGED : Change.QUOTE_TIME;
    }
    return Change.PRICE;
  }

  @Override
  public String toString() {
    return "Valuation[" + accountId + " " + contractId + " " + type + " mark " + mark + " upnl " + unrealizedPnl + "]";
  }
}
