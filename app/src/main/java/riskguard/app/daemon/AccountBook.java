package riskguard.app.daemon;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import riskguard.config.PnlBasis;
import riskguard.config.TradingDay;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.event.AccountEvent;
import riskguard.engine.event.ContractEvent;
import riskguard.engine.event.InputEvent;
import riskguard.engine.event.OrderEvent;
import riskguard.engine.event.PositionEvent;
import riskguard.engine.event.QuoteEvent;
import riskguard.engine.event.TradeEvent;
import riskguard.engine.model.Contract;
import riskguard.engine.model.Lockout;

/**
 * The daemon's own picture of the guarded accounts, kept from the same events the engine is
 * fed: what reconciliation compares the gateway with (to find positions and orders that went
 * away while disconnected), what the gateway sink reads (which positions to close for
 * CLOSE_ALL, the size of a stop to place) and what {@link Daemon#snapshot()} shows. Written
 * by the event intake only; read from any thread.
 */
final class AccountBook {

  private static final int RECENT_DECISIONS = 20;

  private final TradingDay tradingDay;
  private final PnlBasis pnlBasis;
  private final Map<Long, AccountState> accounts = new ConcurrentHashMap<>();
  private final Map<String, Contract> contracts = new ConcurrentHashMap<>();
  private final Map<String, Double> marks = new ConcurrentHashMap<>();

  AccountBook(TradingDay tradingDay, PnlBasis pnlBasis) {
    this.tradingDay = tradingDay;
    this.pnlBasis = pnlBasis;
  }

  /** What applying an event changed, as far as the intake cares. */
  enum Change { NONE, NEW_TRADE, TRADE_VOIDED, POSITION_OPENED, POSITION_CLOSED, OTHER }

  void guard(long accountId, String name) {
    accounts.computeIfAbsent(accountId, AccountState::new).name = name;
  }

  Set<Long> guarded() {
    return Set.copyOf(accounts.keySet());
  }

  boolean isGuarded(long accountId) {
    return accounts.containsKey(accountId);
  }

  Change apply(InputEvent event) {
    if (event instanceof PositionEvent position) {
      return state(position.accountId()).applyPosition(position);
    }
    if (event instanceof OrderEvent order) {
      AccountState state = state(order.accountId());
      if (order.status().isWorking()) {
        state.orders.put(order.orderId(), order);
      } else {
        state.orders.remove(order.orderId());
      }
      return Change.OTHER;
    }
    if (event instanceof TradeEvent trade) {
      return state(trade.accountId()).applyTrade(trade);
    }
    if (event instanceof AccountEvent account) {
      AccountState state = state(account.accountId());
      state.name = account.name() != null ? account.name() : state.name;
      state.canTrade = account.canTrade() == null || account.canTrade();
      return Change.OTHER;
    }
    if (event instanceof QuoteEvent quote) {
      Double mark = quote.lastPrice() != null ? quote.lastPrice() : mid(quote);
      if (mark != null) {
        marks.put(quote.contractId(), mark);
      }
      return Change.NONE;
    }
    if (event instanceof ContractEvent metadata) {
      contracts.put(metadata.contract().id(), metadata.contract());
    }
    return Change.NONE;
  }

  private static Double mid(QuoteEvent quote) {
    return quote.bestBid() != null && quote.bestAsk() != null ? (quote.bestBid() + quote.bestAsk()) / 2 : null;
  }

  void addContract(Contract contract) {
    contracts.put(contract.id(), contract);
  }

  boolean knowsContract(String contractId) {
    return contracts.containsKey(contractId);
  }

  List<PositionEvent> positions(long accountId) {
    AccountState state = accounts.get(accountId);
    return state == null ? List.of() : List.copyOf(state.positions.values());
  }

  PositionEvent position(long accountId, String contractId) {
    AccountState state = accounts.get(accountId);
    return state == null ? null : state.positions.get(contractId);
  }

  List<OrderEvent> workingOrders(long accountId) {
    AccountState state = accounts.get(accountId);
    return state == null ? List.of() : List.copyOf(state.orders.values());
  }

  boolean hasWorkingOrder(long accountId, long orderId) {
    AccountState state = accounts.get(accountId);
    return state != null && state.orders.containsKey(orderId);
  }

  /** True while any guarded account holds a position in the contract. */
  boolean anyoneHolds(String contractId) {
    return accounts.values().stream().anyMatch(state -> state.positions.containsKey(contractId));
  }

  /** Remembers a decision's latest step for the snapshot. */
  void noteDecision(Decision decision, String status, String detail) {
    AccountState state = accounts.get(decision.accountId());
    if (state != null) {
      state.noteDecision(new DaemonSnapshot.DecisionSnapshot(decision, status, detail));
    }
  }

  LocalDate tradingDayOf(Instant time) {
    return tradingDay.tradingDateOf(time);
  }

  /** Today's realized P&amp;L, fees and trade count of an account. */
  DayTotals dayTotals(long accountId, LocalDate day) {
    AccountState state = accounts.get(accountId);
    return state == null ? new DayTotals(day, 0, 0, 0) : state.totals(day);
  }

  record DayTotals(LocalDate day, double realized, double fees, int trades) {}

  DaemonSnapshot.AccountSnapshot snapshot(long accountId, Instant now, List<Lockout> lockouts) {
    AccountState state = state(accountId);
    LocalDate day = tradingDay.tradingDateOf(now);
    DayTotals totals = state.totals(day);
    List<DaemonSnapshot.PositionSnapshot> positions = new ArrayList<>();
    double unrealized = 0;
    for (PositionEvent position : state.positions.values()) {
      Double mark = marks.get(position.contractId());
      Contract contract = contracts.get(position.contractId());
      Double pnl = mark == null || contract == null ? null
          : Math.round((mark - position.averagePrice()) * position.type().sign() * position.size()
              * contract.pointValue() * 100) / 100.0;
      unrealized += pnl == null ? 0 : pnl;
      positions.add(new DaemonSnapshot.PositionSnapshot(position.contractId(),
          contract == null ? null : contract.name(), position.type(), position.size(), position.averagePrice(), mark,
          pnl));
    }
    List<DaemonSnapshot.OrderSnapshot> orders = state.orders.values().stream()
        .map(order -> new DaemonSnapshot.OrderSnapshot(order.orderId(), order.contractId(), order.type(), order.side(),
            order.size(), order.limitPrice(), order.stopPrice()))
        .toList();
    return new DaemonSnapshot.AccountSnapshot(accountId, state.name, state.canTrade, day, totals.realized(),
        totals.fees(), Math.round(unrealized * 100) / 100.0, totals.trades(), positions, orders,
        lockouts, state.recentDecisions());
  }

  /**
   * Realized P&amp;L (on the configured basis), fees and count of one day's trades, exact in
   * decimal so that taking a voided trade back out leaves no rounding behind.
   */
  private record DaySums(BigDecimal realized, BigDecimal fees, int trades) {

    static final DaySums NONE = new DaySums(BigDecimal.ZERO, BigDecimal.ZERO, 0);

    DaySums without(TradeEvent trade, PnlBasis basis) {
      DaySums taken = of(trade, basis);
      return new DaySums(realized.subtract(taken.realized), fees.subtract(taken.fees), trades - taken.trades);
    }

    DaySums plus(DaySums other) {
      return new DaySums(realized.add(other.realized), fees.add(other.fees), trades + other.trades);
    }

    DayTotals totals(LocalDate day) {
      return new DayTotals(day, cents(realized), cents(fees), trades);
    }

    static DaySums of(TradeEvent trade, PnlBasis basis) {
      BigDecimal fees = BigDecimal.valueOf(trade.fees());
      BigDecimal pnl = trade.pnl() == null ? BigDecimal.ZERO : BigDecimal.valueOf(trade.pnl());
      BigDecimal realized = trade.pnl() != null && basis == PnlBasis.NET ? pnl.subtract(fees) : pnl;
      return new DaySums(realized, fees, 1);
    }

    private static double cents(BigDecimal amount) {
      return amount.setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
  }

  /** A trade and the trading day it counts for (worked out once: it is a time-zone calculation). */
  private record DatedTrade(TradeEvent trade, LocalDate day) {}

  private AccountState state(long accountId) {
    return accounts.computeIfAbsent(accountId, AccountState::new);
  }

  private final class AccountState {
    volatile String name;
    volatile boolean canTrade = true;
    final Map<String, PositionEvent> positions = new ConcurrentHashMap<>();
    final Map<Long, OrderEvent> orders = new ConcurrentHashMap<>();
    /** Today's and yesterday's trades by id, each with its trading day worked out once. */
    final Map<Long, DatedTrade> trades = new ConcurrentHashMap<>();
    /**
     * The sums of those trades per trading day, kept as each trade arrives: the intake asks for
     * them after every trade on the hub's reader thread, in front of the position event of the
     * same fill, so they must not cost a pass over the day's trades.
     */
    final Map<LocalDate, DaySums> sums = new ConcurrentHashMap<>();
    private LocalDate latestDay;
    private final LinkedHashMap<String, DaemonSnapshot.DecisionSnapshot> decisions = new LinkedHashMap<>();

    AccountState(long accountId) {
      this.name = Long.toString(accountId);
    }

    Change applyPosition(PositionEvent position) {
      if (position.size() <= 0) {
        return positions.remove(position.contractId()) != null ? Change.POSITION_CLOSED : Change.NONE;
      }
      return positions.put(position.contractId(), position) == null ? Change.POSITION_OPENED : Change.OTHER;
    }

    Change applyTrade(TradeEvent trade) {
      DatedTrade seen = trades.get(trade.tradeId());
      if (seen != null && seen.trade().voided() == trade.voided()) {
        return Change.NONE;
      }
      LocalDate day = tradingDay.tradingDateOf(trade.time());
      if (seen != null && !seen.trade().voided()) {
        sums.computeIfPresent(seen.day(), (d, daySums) -> daySums.without(seen.trade(), pnlBasis));
      }
      trades.put(trade.tradeId(), new DatedTrade(trade, day));
      if (!trade.voided()) {
        sums.merge(day, DaySums.of(trade, pnlBasis), DaySums::plus);
      }
      if (latestDay == null || day.isAfter(latestDay)) {
        // Only a new trading day can make trades old enough to forget; until then, no scan.
        latestDay = day;
        LocalDate oldest = day.minusDays(1);
        trades.values().removeIf(dated -> dated.day().isBefore(oldest));
        sums.keySet().removeIf(sumDay -> sumDay.isBefore(oldest));
      }
      return seen == null ? Change.NEW_TRADE : Change.TRADE_VOIDED;
    }

    DayTotals totals(LocalDate day) {
      return sums.getOrDefault(day, DaySums.NONE).totals(day);
    }

    synchronized void noteDecision(DaemonSnapshot.DecisionSnapshot entry) {
      decisions.put(entry.decision().id(), entry);
      Iterator<String> oldest = decisions.keySet().iterator();
      while (decisions.size() > RECENT_DECISIONS && oldest.hasNext()) {
        oldest.next();
        oldest.remove();
      }
    }

    synchronized List<DaemonSnapshot.DecisionSnapshot> recentDecisions() {
      return List.copyOf(decisions.values());
    }
  }
}
