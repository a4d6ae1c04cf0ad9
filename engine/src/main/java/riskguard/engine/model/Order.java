package riskguard.engine.model;

import java.time.Instant;

/**
 * A working order (status open or pending). Orders reaching a final status (filled,
 * cancelled, expired, rejected) leave working memory, so a rule sees only orders that can
 * still fill.
 */
public final class Order {

  /** The prefix of the custom tag on every order riskguard places. */
  public static final String RISKGUARD_TAG_PREFIX = "rg-";

  private final long id;
  private final long accountId;
  private final String contractId;
  private String root;
  private OrderStatus status;
  private OrderType type;
  private OrderSide side;
  private int size;
  private Double limitPrice;
  private Double stopPrice;
  private Instant createdAt;
  private Instant updatedAt;
  private final Instant seenAt;
  private final String customTag;

  public Order(long id, long accountId, String contractId, String root, Instant seenAt, String customTag) {
    this.id = id;
    this.accountId = accountId;
    this.contractId = contractId;
    this.root = root;
    this.seenAt = seenAt;
    this.customTag = customTag;
  }

  public long getId() {
    return id;
  }

  public long getAccountId() {
    return accountId;
  }

  public String getContractId() {
    return contractId;
  }

  public String getRoot() {
    return root;
  }

  public OrderStatus getStatus() {
    return status;
  }

  public OrderType getType() {
    return type;
  }

  public OrderSide getSide() {
    return side;
  }

  public int getSize() {
    return size;
  }

  /** Null unless a limit order. */
  public Double getLimitPrice() {
    return limitPrice;
  }

  /** Null unless a stop order. */
  public Double getStopPrice() {
    return stopPrice;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  /** Session-clock time when the engine first saw the order. */
  public Instant getSeenAt() {
    return seenAt;
  }

  /**
   * When the order appeared: when riskguard first saw it, or the gateway's creation time when
   * that is earlier (an order found at a restart was placed before riskguard saw it). A
   * cooldown's lockout guard compares this with the cooldown's start, so that the stop the
   * trader had working before the cooldown does not look new after a restart.
   */
  public Instant getAppearedAt() {
    return createdAt != null && createdAt.isBefore(seenAt) ? createdAt : seenAt;
  }

  /** The tag the order was placed with; null when it has none. */
  public String getCustomTag() {
    return customTag;
  }

  /**
   * True for the orders riskguard placed itself (its protective stops carry the tag
   * {@code rg-<decision id>}), which no rule of riskguard's should cancel.
   */
  public boolean isPlacedByRiskguard() {
    return customTag != null && customTag.startsWith(RISKGUARD_TAG_PREFIX);
  }

  /** Engine only: the order as the latest order event shows it. */
  public void update(
      OrderStatus status,
      OrderType type,
      OrderSide side,
      int size,
      Double limitPrice,
      Double stopPrice,
      Instant createdAt,
      Instant updatedAt) {
    this.status = status;
    this.type = type;
    this.side = side;
    this.size = size;
    this.limitPrice = limitPrice;
    this.stopPrice = stopPrice;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
  }

  /** Engine only: contract metadata arrived and names the root. */
  public void setRoot(String root) {
    this.root = root;
  }

  @Override
  public String toString() {
    return "Order[" + id + " " + contractId + " " + status + " " + type + " " + side + " " + size
        + (stopPrice != null ? " stop " + stopPrice : "") + (limitPrice != null ? " limit " + limitPrice : "") + "]";
  }
}
