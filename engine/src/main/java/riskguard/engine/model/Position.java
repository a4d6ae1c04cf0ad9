package riskguard.engine.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An open position in one contract (the gateway nets each contract into one position).
 * Flat positions are not facts: the engine retracts a position when its size drops to 0.
 *
 * <p>What the position is worth at the latest quote is a fact of its own, its
 * {@link Valuation}: quotes never update a position, so rules that read only positions are
 * not re-evaluated on quotes. Updates are property-reactive: say {@code @watch(...)} when a
 * pattern has no constraint.
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
  /** Whether the size or side changed after riskguard first saw the position. */
  private boolean changedSinceFirstSeen;

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
   * When the position, as it is now, appeared: when its size or side last changed; but for a
   * position unchanged since riskguard first saw it (one found at a restart, say), the gateway's
   * creation time when that is earlier. A cooldown's lockout guard compares this with the
   * cooldown's start, so that what the trader held before the cooldown does not look new
   * because riskguard saw it again after a restart. (A change made while riskguard was down is
   * not seen as one.)
   */
  public Instant getAppearedAt() {
    return !changedSinceFirstSeen && openedAt != null && openedAt.isBefore(changedAt) ? openedAt : changedAt;
  }

  /**
   * When the position was opened: the gateway's creation time, else when it was first seen.
   * Derived; {@link #update} names it when it changes, so a pattern reading it watches
   * {@code openedTime} and is not woken when the position is only scaled in or out.
   */
  public Instant getOpenedTime() {
    return openedAt != null ? openedAt : changedAt;
  }

  /**
   * Engine only: the position as the latest position event shows it. Returns the properties
   * that changed (derived ones included), for a property-reactive update that wakes only the
   * patterns reading them.
   */
  public List<String> update(PositionType type, int size, double averagePrice, Instant openedAt, Instant now) {
    Instant openedBefore = getOpenedTime();
    Instant appearedBefore = changedAt == null ? null : getAppearedAt();
    List<String> changed = new ArrayList<>(8);
    if (this.type != type || this.size != size) {
      changedSinceFirstSeen = this.type != null;
      this.changedAt = now;
      changed.add("changedAt");
      if (this.type != type) {
        changed.add("type");
      }
      if (this.size != size) {
        changed.add("size");
      }
      changed.add("signedSize");
    }
    if (Double.compare(this.averagePrice, averagePrice) != 0) {
      changed.add("averagePrice");
    }
    if (!Objects.equals(this.openedAt, openedAt)) {
      changed.add("openedAt");
    }
    this.type = type;
    this.size = size;
    this.averagePrice = averagePrice;
    this.openedAt = openedAt;
    if (!Objects.equals(openedBefore, getOpenedTime())) {
      changed.add("openedTime");
    }
    if (!Objects.equals(appearedBefore, getAppearedAt())) {
      changed.add("appearedAt");
    }
    return changed;
  }

  /** Engine only: contract metadata arrived and names the root. */
  public void setRoot(String root) {
    this.root = root;
  }

  @Override
  public String toString() {
    return "Position[" + accountId + " " + contractId + " " + root + " " + type + " " + size + " @ " + averagePrice + "]";
  }
}
