package riskguard.app.bench;

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
 * A seeded, reproducible market for the benchmark: 90 % quotes (a random walk per
 * contract, some updates carrying only bid or ask), the rest order placements and cancels,
 * fills, position changes and account updates. Accounts start with open positions spread
 * over the contracts. One event every 50 simulated milliseconds, so each account trades a
 * few times a minute, as a busy trader does.
 */
final class SyntheticStream {

  static final List<Contract> CONTRACTS = List.of(
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

  private static final double[] START_PRICES = {21000, 21000, 5800, 5800, 2100, 2100, 42000, 42000, 70, 2900};
  private static final int STEP_MILLIS = 50;
  private static final Instant START = Instant.parse("2025-03-10T14:30:00Z");

  private final SplittableRandom random;
  private final int accounts;
  private final double[] prices = START_PRICES.clone();
  private long nextId = 1;
  private long millis;

  SyntheticStream(long seed, int accounts) {
    this.random = new SplittableRandom(seed);
    this.accounts = accounts;
  }

  /** Account updates and {@code positions} open positions, spread over accounts and contracts. */
  List<InputEvent> opening(int positions) {
    List<InputEvent> events = new ArrayList<>();
    for (int account = 1; account <= accounts; account++) {
      events.add(account(account, now()));
    }
    for (int index = 0; index < CONTRACTS.size(); index++) {
      events.add(quote(index));
    }
    for (int position = 0; position < positions; position++) {
      int account = 1 + position % accounts;
      int contract = (position / accounts + account) % CONTRACTS.size();
      events.add(new PositionEvent(now(), account, nextId++, CONTRACTS.get(contract).id(), now(),
          random.nextBoolean() ? PositionType.LONG : PositionType.SHORT, 1, prices[contract]));
    }
    return events;
  }

  /** The opening update of one account. */
  static AccountEvent account(long id, Instant at) {
    return new AccountEvent(at, id, "BENCH-" + id, 50_000.0, true);
  }

  /** {@code count} more events of the day. */
  List<InputEvent> next(int count) {
    List<InputEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      millis += STEP_MILLIS;
      int roll = random.nextInt(100);
      int contract = random.nextInt(CONTRACTS.size());
      long account = 1 + random.nextInt(accounts);
      if (roll < 90) {
        events.add(quote(contract));
      } else if (roll < 93) {
        events.add(order(account, contract));
      } else if (roll < 96) {
        events.add(trade(account, contract));
      } else if (roll < 99) {
        events.add(new PositionEvent(now(), account, nextId++, CONTRACTS.get(contract).id(), now(),
            random.nextBoolean() ? PositionType.LONG : PositionType.SHORT, 1 + random.nextInt(2), prices[contract]));
      } else {
        events.add(new AccountEvent(now(), account, "BENCH-" + account, 50_000.0 + random.nextInt(1000), true));
      }
    }
    return events;
  }

  private QuoteEvent quote(int contract) {
    double tick = CONTRACTS.get(contract).tickSize();
    prices[contract] += tick * (random.nextInt(5) - 2);
    double last = prices[contract];
    return switch (random.nextInt(4)) {
      case 0 -> new QuoteEvent(now(), CONTRACTS.get(contract).id(), null, last - tick, null, null);
      case 1 -> new QuoteEvent(now(), CONTRACTS.get(contract).id(), null, null, last + tick, null);
      default -> new QuoteEvent(now(), CONTRACTS.get(contract).id(), last, last - tick, last + tick, now());
    };
  }

  private OrderEvent order(long account, int contract) {
    boolean cancel = random.nextBoolean() && nextId > 100;
    long id = cancel ? nextId - 1 - random.nextInt(50) : nextId++;
    return new OrderEvent(now(), account, id, CONTRACTS.get(contract).id(),
        cancel ? OrderStatus.CANCELLED : OrderStatus.OPEN, OrderType.STOP,
        random.nextBoolean() ? OrderSide.BUY : OrderSide.SELL, 1, null, prices[contract] - 10, now(), now(), null);
  }

  private TradeEvent trade(long account, int contract) {
    Double pnl = random.nextBoolean() ? null : (double) (random.nextInt(61) - 30);
    return new TradeEvent(now(), account, nextId++, CONTRACTS.get(contract).id(), now(), prices[contract], pnl, 0.74,
        random.nextBoolean() ? OrderSide.BUY : OrderSide.SELL, 1, false, null);
  }

  private Instant now() {
    return START.plusMillis(millis);
  }
}
