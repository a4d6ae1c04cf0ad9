package riskguard.app.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import riskguard.config.TradingDay;
import riskguard.connectors.projectx.model.Account;
import riskguard.connectors.projectx.model.Order;
import riskguard.connectors.projectx.model.Position;
import riskguard.connectors.projectx.model.ProjectXJson;
import riskguard.connectors.projectx.model.Trade;
import riskguard.connectors.projectx.rest.ProjectXRestClient;
import riskguard.db.PlacedOrderRepository;
import riskguard.engine.event.OrderEvent;
import riskguard.engine.event.PositionEvent;
import riskguard.engine.model.OrderStatus;

/**
 * Rebuilds an account from REST, the gateway being the truth (on start and after every hub
 * reconnect): the account and {@code canTrade}, contract metadata, today's trades since the
 * trading day began, open positions and working orders — each answer fed through the intake
 * in the shape of the hub event it stands for, so the engine takes the same path as live.
 * Orders riskguard placed get back the {@code rg-} tag the REST answers leave out (from the
 * database's record of placed orders), so the engine knows them as its own at first sight.
 * Positions and orders the daemon still holds but the gateway no longer has went away while
 * nobody listened: they are fed as flat / cancelled. Trades already seen are not counted
 * again (the engine and the book know trades by id). Every event fires the rules, so a breach
 * that happened meanwhile is decided at once.
 */
final class Reconciler {

  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

  private final ProjectXRestClient rest;
  private final EventIntake intake;
  private final AccountBook book;
  private final ContractCache contracts;
  private final PlacedOrderRepository placed;
  private final TradingDay tradingDay;
  private final Clock clock;
  private final ObjectMapper json = ProjectXJson.newMapper();

  Reconciler(ProjectXRestClient rest, EventIntake intake, AccountBook book, ContractCache contracts,
      PlacedOrderRepository placed, TradingDay tradingDay, Clock clock) {
    this.rest = rest;
    this.intake = intake;
    this.book = book;
    this.contracts = contracts;
    this.placed = placed;
    this.tradingDay = tradingDay;
    this.clock = clock;
  }

  /** Reconciles one guarded account; throws the REST client's exception when the gateway fails. */
  void reconcile(Account account) {
    long id = account.id();
    Instant dayStart = tradingDay.currentDayStart(clock.instant());
    List<Position> positions = rest.openPositions(id);
    List<Order> orders = rest.openOrders(id);
    List<Trade> trades = rest.searchTrades(id, dayStart.atOffset(ZoneOffset.UTC), null);

    Set<String> contractIds = new LinkedHashSet<>();
    positions.forEach(position -> contractIds.add(position.contractId()));
    orders.forEach(order -> contractIds.add(order.contractId()));
    trades.forEach(trade -> contractIds.add(trade.contractId()));
    contractIds.forEach(contracts::ensure);

    intake.restAnswer("GatewayUserAccount", json.valueToTree(account));
    trades.stream()
        .sorted(Comparator.comparing(Trade::creationTimestamp, Comparator.nullsFirst(Comparator.naturalOrder())))
        .forEach(trade -> intake.restAnswer("GatewayUserTrade", json.valueToTree(trade)));

    // Orders before positions: a position first seen with its stop already known is not taken
    // for one without a stop (RULE-012 would place a second, RULE-008 start a grace period).
    Set<Long> working = new HashSet<>();
    orders.forEach(order -> working.add(order.id()));
    for (OrderEvent held : book.workingOrders(id)) {
      if (!working.contains(held.orderId())) {
        LOG.info("account {}: order {} ended while disconnected", id, held.orderId());
        intake.feed(new OrderEvent(clock.instant(), id, held.orderId(), held.contractId(), OrderStatus.CANCELLED,
            held.type(), held.side(), held.size(), held.limitPrice(), held.stopPrice(), held.createdAt(),
            clock.instant(), held.customTag()));
      }
    }
    orders.forEach(order -> intake.restAnswer("GatewayUserOrder", json.valueToTree(withOwnTag(id, order))));

    Set<String> open = new HashSet<>();
    positions.forEach(position -> open.add(position.contractId()));
    for (PositionEvent held : book.positions(id)) {
      if (!open.contains(held.contractId())) {
        LOG.info("account {}: position in {} was closed while disconnected", id, held.contractId());
        intake.feed(new PositionEvent(clock.instant(), id, held.positionId(), held.contractId(), held.openedAt(),
            held.type(), 0, 0.0));
      }
    }
    positions.forEach(position -> intake.restAnswer("GatewayUserPosition", json.valueToTree(position)));

    LOG.info("account {} ({}) reconciled: canTrade {}, {} position(s), {} working order(s), {} trade(s) today",
        id, account.name(), account.canTrade() == null || account.canTrade(), positions.size(), orders.size(),
        trades.size());
  }

  /**
   * The order with the tag riskguard placed it with. The REST searches do not carry
   * {@code customTag}, and the engine knows an order as riskguard's own by its {@code rg-} tag
   * from the first sight on (after a restart, that is this answer): the tag comes from the
   * orders riskguard recorded when it placed them.
   */
  private Order withOwnTag(long accountId, Order order) {
    if (order.customTag() != null) {
      return order;
    }
    return placed.tagOf(accountId, order.id())
        .map(tag -> new Order(order.id(), order.accountId(), order.contractId(), order.symbolId(),
            order.creationTimestamp(), order.updateTimestamp(), order.status(), order.type(), order.side(),
            order.size(), order.limitPrice(), order.stopPrice(), order.fillVolume(), order.filledPrice(), tag))
        .orElse(order);
  }
}
