package riskguard.connectors.sim;

import java.time.OffsetDateTime;
import riskguard.connectors.projectx.model.Bracket;
import riskguard.connectors.projectx.model.Order;
import riskguard.connectors.projectx.model.OrderSide;
import riskguard.connectors.projectx.model.OrderStatus;
import riskguard.connectors.projectx.model.OrderType;

/** An order inside the exchange; mutable, guarded by the exchange's lock. */
final class WorkingOrder {

  final long id;
  final long accountId;
  final SimContract contract;
  final OrderType type;
  final OrderSide side;
  final String customTag;
  final OffsetDateTime created;
  final Bracket stopLossBracket;
  final Bracket takeProfitBracket;
  int size;
  Long limitTicks;
  Long stopTicks;
  /** Trailing distance in ticks (TRAILING_STOP only). */
  Long trailTicks;
  OrderStatus status = OrderStatus.OPEN;
  OffsetDateTime updated;
  int fillVolume;
  Long filledTicks;
  /** A stop-limit whose stop has been touched works as a limit from then on. */
  boolean triggered;
  /** The other leg of a bracket pair, cancelled when this one fills or is cancelled. */
  Long ocoPartnerId;

  WorkingOrder(long id, long accountId, SimContract contract, OrderType type, OrderSide side, int size,
      String customTag, Bracket stopLossBracket, Bracket takeProfitBracket, OffsetDateTime now) {
    this.id = id;
    this.accountId = accountId;
    this.contract = contract;
    this.type = type;
    this.side = side;
    this.size = size;
    this.customTag = customTag;
    this.stopLossBracket = stopLossBracket;
    this.takeProfitBracket = takeProfitBracket;
    this.created = now;
    this.updated = now;
  }

  boolean isOpen() {
    return status == OrderStatus.OPEN;
  }

  Order view() {
    return new Order(id, accountId, contract.id(), contract.symbolId(), created, updated, status,
        type, side, size, price(limitTicks), price(stopTicks), fillVolume, price(filledTicks), customTag);
  }

  private Double price(Long ticks) {
    return ticks == null ? null : contract.price(ticks);
  }
}
