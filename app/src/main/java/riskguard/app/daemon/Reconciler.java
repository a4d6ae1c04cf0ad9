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
import riskguard.engine.event.OrderEvent;
import riskguard.engine.event.PositionEvent;
import riskguard.engine.model.OrderStatus;

/**
 * Rebuilds an account from REST, the gateway being the truth (on start and after every hub
 * reconnect): the account and {@code canTrade}, contract metadata, today's trades since the
 * trading day began, open positions and working orders — each answer fed through the intake
 * in the shape of the hub event it stands for, so the engine takes the same path as live.
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
  private final TradingDay tradingDay;
  private final Clock clock;
  private final ObjectMapper json = ProjectXJson.newMapper();

  Reconciler(ProjectXRestClient rest, EventIntake intake, AccountBook book, ContractCache contracts,
      TradingDay tradingDay, Clock clock) {
    this.rest = rest;
    this.intake = intake;
    this.book = book;
    this.contracts = contracts;
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
    orders.forEach(order -> intake.restAnswer("GatewayUserOrder", json.valueToTree(order)));

    LOG.info("account {} ({}) reconciled: canTrade {}, {} position(s), {} working order(s), {} trade(s) today",
        id, account.name(), account.canTrade() == null || account.canTrade(), positions.size(), orders.size(),
        trades.size());
  }
}
