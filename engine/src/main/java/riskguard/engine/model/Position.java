package riskguard.engine.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An open position in one contract (the gateway nets each contract into one position).
 * Flat positions are not facts: the engine retracts a position when its size drops to 0.
 *
 * <p>The engine keeps the valuation fields (mark, unrealized P&amp;L, profit in ticks,
 * quote time) current on every quote for the contract. It updates them with property
 * reactivity, so a rule that constrains only {@code size}, {@code type} or {@code root}
 * is not re-evaluated on quotes; say {@code @watch(...)} when a pattern has no constraint.
 */
public final class Position {

  private final long accountId;
  private final String contractId;
  private String root;
  private PositionType type;
  private int size;
  private double averagePrice;
  private Instant openedAt;
  private Instant changedAt;
  private boolean valued;
  private double mark;
  private double unrealizedPnl;
  private double profitTicks;
  private double tickSize;
  private Instant quoteTime;

  public Position(long accountId, String contractId, String root) {
    this.accountId = accountId;
    this.contractId = contractId;
    this.root = root;
  }

  public long getAccountId() {
    return accountId;
  }

  public String getContractId() {
    return contractId;
  }

  /** The symbol root traders use (ES, MNQ…); see {@link SymbolRoots}. */
  public String getRoot() {
    return root;
  }

  public PositionType getType() {
    return type;
  }

  /** Contracts held, always &gt; 0 for a position in working memory. */
  public int getSize() {
    return size;
  }

  /** {@code size} with the sign of the position: long +, short −. */
  public int getSignedSize() {
    return size * type.sign();
  }

  public double getAveragePrice() {
    return averagePrice;
  }

  /** When the gateway opened the position ({@code creationTimestamp}). */
  public Instant getOpenedAt() {
    return openedAt;
  }

  /** Session-clock time when the size or side last changed (opened, added to, reduced). */
  public Instant getChangedAt() {
    return changedAt;
  }

  /**
   * When the position was opened: the gateway's creation time, else when it was first seen.
   * Derived, so no update names it: a pattern constraining it says {@code @watch(openedAt, changedAt)}.
   */
  public Instant getOpenedTime() {
    return openedAt != null ? openedAt : changedAt;
  }

  /** True once a quote has valued the position; until then the valuation fields mean nothing. */
  public boolean isValued() {
    return valued;
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

  /** The contract's tick size, known once the position is valued (0 before). */
  public double getTickSize() {
    return tickSize;
  }

  /** Time of the quote the valuation uses (the quote's own time, else when it was received). */
  public Instant getQuoteTime() {
    return quoteTime;
  }

  /** Engine only: the position as the latest position event shows it. */
  public void update(PositionType type, int size, double averagePrice, Instant openedAt, Instant now) {
    if (this.type != type || this.size != size) {
      this.changedAt = now;
    }
    this.type = type;
    this.size = size;
    this.averagePrice = averagePrice;
    this.openedAt = openedAt;
  }

  /** Engine only: contract metadata arrived and names the root. */
  public void setRoot(String root) {
    this.root = root;
  }

  /** What a {@link #revalue} changed, so the engine tells working memory only that. */
  public enum Revaluation {
    /** Nothing: no rule needs to look again. */
    UNCHANGED,
    /**
     * Only the quote's time: a newer quote at the same mark (e.g. it moved only the other side of
     * the book). Only what reads {@code quoteTime} needs to look again.
     */
    QUOTE_TIME,
    /** The mark and what follows from it ({@code mark}, {@code unrealizedPnl}, {@code profitTicks}, {@code quoteTime}). */
    PRICE,
    /** The position was valued for the first time or its tick size changed: every valuation property. */
    FULL
  }

  /**
   * Engine only: value the position at {@code mark} with the contract's tick size and value,
   * saying which valuation properties changed.
   */
  public Revaluation revalue(double mark, Instant quoteTime, Contract contract) {
    double ticks = (mark - averagePrice) / contract.tickSize() * type.sign();
    double pnl = Money.cents(ticks * contract.tickValue() * size);
    boolean full = !valued || this.tickSize != contract.tickSize();
    boolean samePrice = !full && this.mark == mark && this.profitTicks == ticks && this.unrealizedPnl == pnl;
    boolean sameTime = Objects.equals(this.quoteTime, quoteTime);
    this.valued = true;
    this.mark = mark;
    this.profitTicks = ticks;
    this.tickSize = contract.tickSize();
    this.unrealizedPnl = pnl;
    this.quoteTime = quoteTime;
    if (full) {
      return Revaluation.FULL;
    }
    if (samePrice) {
      return sameTime ? Revaluation.UNCHANGED : Revaluation.QUOTE_TIME;
    }
    return Revaluation.PRICE;
  }

  @Override
  public String toString() {
    return "Position[" + accountId + " " + contractId + " " + root + " " + type + " " + size + " @ "
        + averagePrice + (valued ? " mark " + mark + " upnl " + unrealizedPnl : "") + "]";
  }
}
