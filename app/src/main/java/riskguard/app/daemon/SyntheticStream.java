package riskguard.app.daemon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import riskguard.engine.event.AccountEvent;
import riskguard.engine.event.InputEvent;
import riskguard.engine.event.OrderEvent;
import riskguard.engine.event.PositionEvent;
import riskguard.engine.event.QuoteEvent;
import riskguard.engine.event.TradeEvent;
import riskguard.engine.model.Contract;
import riskguard.engine.model.OrderSide;
import riskguard.engine.model.OrderStatus;
import riskguard.engine.model.OrderType;
import riskguard.engine.model.PositionType;

/**
 * A seeded, reproducible trading day for the benchmark and the daemon's warm-up ({@link
 * Warmup}): 90 % quotes, the rest working orders placed and cancelled, fills, position changes
 * and account updates; one event every 50 simulated milliseconds, so each account trades a few
 * times a minute, as a busy trader does.
 *
 * <p>The traders are disciplined, so their positions stay open through the day and every quote
 * has positions to value (the "10 accounts, 50 open positions"): each account holds one
 * position in each of its five contracts and protects it with a stop order; a position change
 * scales it between one and two contracts, or closes it (with its stop) and opens it again at
 * once at the market, stop first, as a trader scratches a trade and re-enters. So all fifty are
 * open between any two events. Prices wander about their opening price within a
 * band, so unrealized losses stay mostly inside the limits, and fills win a little more than
 * they lose. Limits are still broken now and then (two ES contracts against a limit of one,
 * five contracts at once, a bad run of prices), as a trading day does.
 *
 * <p>The stream is generated ahead of the engine: it does not see what the rules close, so a
 * position the rules closed opens again with its next change, as a trader would reopen it.
 */
public final class SyntheticStream {

  public static final List<Contract> CONTRACTS = List.of(
      Contract.of("CON.F.US.MNQ.H25", "MNQH5", 0.25, 0.5, "F.US.MNQ"),
      Contract.of("CON.F.US.ENQ.H25", "NQH5", 0.25, 5.0, "F.US.ENQ"),
      Contract.of("CON.F.US.EP.H25", "ESH5", 0.25, 12.5, "F.US.EP"),
      Contract.of("CON.F.US.MES.H25", "MESH5", 0.25, 1.25, "F.US.MES"),
      Contract.of("CON.F.US.RTY.H25", "RTYH5", 0.1, 5.0, "F.US.RTY"),
      Contract.of("CON.F.US.M2K.H25", "M2KH5", 0.1, 0.5, "F.US.M2K"),
      Contract.of("CON.F.US.YM.H25", "YMH5", 1.0, 5.0, "F.US.YM"),
      Contract.of("CON.F.US.MYM.H25", "MYMH5", 1.0, 0.5, "F.US.MYM"),
      Contract.of("CON.F.US.CLE.J25", "CLJ5", 0.01, 10.0, "F.US.CLE"),
      Contract.of("CON.F.US.GCE.J25", "GCJ5", 0.1, 10.0, "F.US.GCE"));

  static final int CONTRACTS_PER_ACCOUNT = 5;
  /** RTY: the bench config blocks it (RULE-011), so the traders hold none and only now and then try an order. */
  private static final int BLOCKED_CONTRACT = 4;

  private static final double[] START_PRICES = {21000, 21000, 5800, 5800, 2100, 2100, 42000, 42000, 70, 2900};
  /** How far, in ticks, a price wanders from where it opened before it turns back. */
  private static final int PRICE_BAND_TICKS = 4;
  /** A protective stop sits this many ticks beyond the price the position opened at. */
  private static final int STOP_DISTANCE_TICKS = 12;
  /** A working limit order rests this many ticks away from the market. */
  private static final int LIMIT_DISTANCE_TICKS = 20;
  /** Contracts an account holds at most by its own choice (within the bench config's RULE-001 limit). */
  private static final int MAX_CONTRACTS = 8;
  private static final int STEP_MILLIS = 50;
  private static final Instant START = Instant.parse("2025-03-10T14:30:00Z");

  /** One account's position in one contract, as the trader sees it. */
  private static final class Holding {
    final int contract;
    long positionId;
    PositionType side;
    int size;
    double entry;
    /** When the position opened: the gateway's creation time, which a resize keeps. */
    Instant opened;
    OrderEvent stop;

    Holding(int contract) {
      this.contract = contract;
    }
  }

  private final SplittableRandom random;
  private final int accounts;
  private final double[] prices = START_PRICES.clone();
  private final List<List<Holding>> holdings = new ArrayList<>();
  private final List<List<OrderEvent>> restingOrders = new ArrayList<>();
  private long nextId = 1;
  private long millis;

  public SyntheticStream(long seed, int accounts) {
    this.random = new SplittableRandom(seed);
    this.accounts = accounts;
    for (int account = 1; account <= accounts; account++) {
      List<Holding> held = new ArrayList<>();
      for (int slot = 0; slot < CONTRACTS_PER_ACCOUNT; slot++) {
        int contract = (account + slot) % (CONTRACTS.size() - 1);
        held.add(new Holding(contract < BLOCKED_CONTRACT ? contract : contract + 1));
      }
      holdings.add(held);
      restingOrders.add(new ArrayList<>());
    }
  }

  /** Account updates, a price for every contract, and each account's positions with their stops. */
  public List<InputEvent> opening() {
    List<InputEvent> events = new ArrayList<>();
    for (int account = 1; account <= accounts; account++) {
      events.add(account(account, now()));
    }
    for (int index = 0; index < CONTRACTS.size(); index++) {
      events.add(quote(index));
    }
    for (int account = 1; account <= accounts; account++) {
      for (Holding holding : holdings.get(account - 1)) {
        open(account, holding, events);
      }
    }
    return events;
  }

  /** The opening update of one account. */
  private static AccountEvent account(long id, Instant at) {
    return new AccountEvent(at, id, "BENCH-" + id, 50_000.0, true);
  }

  /** {@code count} more events of the day (a position opening or closing also moves its stop). */
  public List<InputEvent> next(int count) {
    List<InputEvent> events = new ArrayList<>(count);
    while (events.size() < count) {
      millis += STEP_MILLIS;
      int roll = random.nextInt(100);
      long account = 1 + random.nextInt(accounts);
      Holding holding = holdings.get((int) account - 1).get(random.nextInt(CONTRACTS_PER_ACCOUNT));
      if (roll < 90) {
        events.add(quote(random.nextInt(CONTRACTS.size())));
      } else if (roll < 93) {
        events.add(order(account, random.nextInt(20) == 0 ? BLOCKED_CONTRACT : holding.contract));
      } else if (roll < 96) {
        events.add(trade(account, holding.contract));
      } else if (roll < 99) {
        change(account, holding, events);
      } else {
        events.add(new AccountEvent(now(), account, "BENCH-" + account, 50_000.0 + random.nextInt(1000), true));
      }
    }
    return events.size() > count ? new ArrayList<>(events.subList(0, count)) : events;
  }

  /**
   * One contract: mostly adds a second (within the trader's own limit of contracts), else closes
   * and re-enters at once. Two: scales out.
   */
  private void change(long account, Holding holding, List<InputEvent> events) {
    if (holding.size == 1 && random.nextInt(4) > 0 && contractsHeld(account) < MAX_CONTRACTS) {
      resize(account, holding, 2, events);
    } else if (holding.size == 1) {
      resize(account, holding, 0, events);
      events.add(withStatus(holding.stop, OrderStatus.CANCELLED));
      open(account, holding, events);
    } else {
      resize(account, holding, 1, events);
    }
  }

  private void open(long account, Holding holding, List<InputEvent> events) {
    Contract contract = CONTRACTS.get(holding.contract);
    holding.positionId = nextId++;
    holding.side = random.nextBoolean() ? PositionType.LONG : PositionType.SHORT;
    holding.entry = prices[holding.contract];
    holding.opened = now();
    double stopPrice = holding.entry - holding.side.sign() * STOP_DISTANCE_TICKS * contract.tickSize();
    holding.stop = new OrderEvent(now(), account, nextId++, contract.id(), OrderStatus.OPEN, OrderType.STOP,
        OrderSide.closing(holding.side), 1, null, stopPrice, now(), now(), null);
    events.add(holding.stop);
    resize(account, holding, 1, events);
  }

  private void resize(long account, Holding holding, int size, List<InputEvent> events) {
    holding.size = size;
    events.add(new PositionEvent(now(), account, holding.positionId, CONTRACTS.get(holding.contract).id(),
        holding.opened, holding.side, size, holding.entry));
  }

  private int contractsHeld(long account) {
    return holdings.get((int) account - 1).stream().mapToInt(holding -> holding.size).sum();
  }

  /** A mean-reverting walk: two ticks either way at most, turned back at the band's edge. */
  private QuoteEvent quote(int contract) {
    double tick = CONTRACTS.get(contract).tickSize();
    int step = random.nextInt(5) - 2;
    double fromStart = (prices[contract] - START_PRICES[contract]) / tick;
    if (Math.abs(fromStart + step) > PRICE_BAND_TICKS) {
      step = -step;
    }
    prices[contract] += tick * step;
    double last = prices[contract];
    return switch (random.nextInt(4)) {
      case 0 -> new QuoteEvent(now(), CONTRACTS.get(contract).id(), null, last - tick, null, null);
      case 1 -> new QuoteEvent(now(), CONTRACTS.get(contract).id(), null, null, last + tick, null);
      default -> new QuoteEvent(now(), CONTRACTS.get(contract).id(), last, last - tick, last + tick, now());
    };
  }

  /** Places a limit order away from the market, or cancels one placed earlier. */
  private OrderEvent order(long account, int contract) {
    List<OrderEvent> resting = restingOrders.get((int) account - 1);
    if (!resting.isEmpty() && random.nextBoolean()) {
      return withStatus(resting.remove(random.nextInt(resting.size())), OrderStatus.CANCELLED);
    }
    boolean buy = random.nextBoolean();
    double limit = prices[contract] + (buy ? -1 : 1) * LIMIT_DISTANCE_TICKS * CONTRACTS.get(contract).tickSize();
    OrderEvent order = new OrderEvent(now(), account, nextId++, CONTRACTS.get(contract).id(), OrderStatus.OPEN,
        OrderType.LIMIT, buy ? OrderSide.BUY : OrderSide.SELL, 1, limit, null, now(), now(), null);
    resting.add(order);
    return order;
  }

  /** A fill; half carry a P&L (a closing fill), from -$25 to +$30. */
  private TradeEvent trade(long account, int contract) {
    Double pnl = random.nextBoolean() ? null : (double) (random.nextInt(56) - 25);
    return new TradeEvent(now(), account, nextId++, CONTRACTS.get(contract).id(), now(), prices[contract], pnl, 0.74,
        random.nextBoolean() ? OrderSide.BUY : OrderSide.SELL, 1, false, null);
  }

  private OrderEvent withStatus(OrderEvent order, OrderStatus status) {
    return new OrderEvent(now(), order.accountId(), order.orderId(), order.contractId(), status, order.type(),
        order.side(), order.size(), order.limitPrice(), order.stopPrice(), order.createdAt(), now(), order.customTag());
  }

  private Instant now() {
    return START.plusMillis(millis);
  }
}
