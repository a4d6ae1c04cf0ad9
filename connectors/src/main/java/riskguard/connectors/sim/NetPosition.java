package riskguard.connectors.sim;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.OffsetDateTime;
import riskguard.connectors.projectx.model.Position;
import riskguard.connectors.projectx.model.PositionType;

/**
 * The one net position of an account in a contract; mutable, guarded by the exchange's lock.
 * The average price is kept in ticks as a decimal: scaling in at different prices leaves it
 * between ticks, as on the real gateway.
 */
final class NetPosition {

  final long id;
  final long accountId;
  final SimContract contract;
  final OffsetDateTime created;
  /** Contracts held, positive long, negative short, never 0 while the object is alive. */
  long signedSize;
  BigDecimal averageTicks;

  NetPosition(long id, long accountId, SimContract contract, OffsetDateTime created, long signedSize, long priceTicks) {
    this.id = id;
    this.accountId = accountId;
    this.contract = contract;
    this.created = created;
    this.signedSize = signedSize;
    this.averageTicks = BigDecimal.valueOf(priceTicks);
  }

  /** Adds contracts on the same side at a price; the average is size-weighted. */
  void add(long signedQuantity, long priceTicks) {
    BigDecimal held = BigDecimal.valueOf(Math.abs(signedSize));
    BigDecimal added = BigDecimal.valueOf(Math.abs(signedQuantity));
    averageTicks = averageTicks.multiply(held).add(BigDecimal.valueOf(priceTicks).multiply(added))
        .divide(held.add(added), MathContext.DECIMAL64);
    signedSize += signedQuantity;
  }

  /**
   * Dollars realized by closing {@code quantity} contracts at a price:
   * (price − average) / tickSize × tickValue × quantity, negated for a short.
   */
  BigDecimal realize(long quantity, long priceTicks) {
    return BigDecimal.valueOf(priceTicks).subtract(averageTicks)
        .multiply(contract.tickValue())
        .multiply(BigDecimal.valueOf(quantity * Long.signum(signedSize)))
        .setScale(2, java.math.RoundingMode.HALF_EVEN);
  }

  Position view() {
    return viewWithSize(Math.abs(signedSize));
  }

  Position closedView() {
    return viewWithSize(0);
  }

  private Position viewWithSize(long size) {
    double average = averageTicks.multiply(contract.tickSize()).round(MathContext.DECIMAL64).doubleValue();
    return new Position(id, accountId, contract.id(), created,
        signedSize > 0 ? PositionType.LONG : PositionType.SHORT, (int) size, average);
  }
}
