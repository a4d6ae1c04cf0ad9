package riskguard.connectors.sim;

import java.time.Instant;

/** An order inside the exchange; mutable, guarded by the exchange's lock. */
final class WorkingOrder {

  final long id;
  final long accountId;
  final SimContract contract;
  final OrderKind type;
  final Side side;
  final String customTag;
  final Instant created;
  final OrderRequest.Bracket stopLossBracket;
  final OrderRequest.Bracket takeProfitBracket;
  int size;
  Long limitTicks;
  Long stopTicks;
  /** Trailing distance in ticks (TRAILING_STOP only). */
  Long trailTicks;
  OrderState status = OrderState.OPEN;
  Instant updated;
  int fillVolume;
  Long filledTicks;
  /** A stop-limit whose stop has been touched works as a limit from then on. */
  boolean triggered;
  /** The other leg of a bracket pair, cancelled when this one fills or is cancelled. */
  Long ocoPartnerId;

  WorkingOrder(long id, long accountId, SimContract contract, OrderRequest request, Instant now) {
    this.id = id;
    this.accountId = accountId;
    this.contract = contract;
    this.type = request.type();
    this.side = request.side();
    this.size = request.size();
    this.customTag = request.customTag();
    this.stopLossBracket = request.stopLossBracket();
    this.takeProfitBracket = request.takeProfitBracket();
    this.created = now;
    this.updated = now;
  }

  boolean isOpen() {
    return status == OrderState.OPEN;
  }

  OrderView view() {
    return new OrderView(id, accountId, contract.id(), contract.symbolId(), created, updated, status,
        type, side, size, price(limitTicks), price(stopTicks), fillVolume, price(filledTicks), customTag);
  }

  private Double price(Long ticks) {
    return ticks == null ? null : contract.price(ticks);
  }
}
