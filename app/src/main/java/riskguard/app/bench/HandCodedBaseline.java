package riskguard.app.bench;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import riskguard.app.daemon.SyntheticStream;
import riskguard.engine.event.AccountEvent;
import riskguard.engine.event.InputEvent;
import riskguard.engine.event.OrderEvent;
import riskguard.engine.event.PositionEvent;
import riskguard.engine.event.QuoteEvent;
import riskguard.engine.event.TradeEvent;
import riskguard.engine.model.Contract;
import riskguard.engine.model.OrderType;
import riskguard.engine.model.PositionType;

/**
 * Section 2: the same stream through plain Java checks of the same twelve rules, with the
 * limits of {@code examples/bench-config.yaml} written in. Only for measuring what the rule
 * engine costs: it counts breaches and performs nothing, it is not a second implementation
 * of the product.
 */
final class HandCodedBaseline {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Set<String> BLOCKED = Set.of("RTY", "BTC");
  private static final Map<String, Integer> PER_INSTRUMENT = Map.of("MNQ", 2, "ES", 1);

  private final Map<String, Contract> contracts = new HashMap<>();
  private final Map<String, Double> prices = new HashMap<>();
  private final Map<Long, Book> books = new HashMap<>();
  private long breaches;
  private double eventsPerCpuSecond;

  private HandCodedBaseline() {
    SyntheticStream.CONTRACTS.forEach(contract -> contracts.put(contract.id(), contract));
  }

  /** One account's state as the checks need it. */
  private static final class Book {
    final Map<String, PositionEvent> positions = new HashMap<>();
    final Map<String, Double> stops = new HashMap<>();
    final Map<String, Double> bestStop = new HashMap<>();
    final ArrayDeque<Instant> trades = new ArrayDeque<>();
    double realized;
    long tradesToday;
    Instant lockedUntil = Instant.MIN;
    boolean canTrade = true;
  }

  /**
   * The median of {@code passes} timed passes, each on a fresh baseline after one untimed pass
   * (the same steady state the engine replay reports).
   */
  static Map<String, Object> run(BenchStream stream, int passes) {
    pass(stream);
    List<HandCodedBaseline> runs = new ArrayList<>();
    for (int i = 0; i < passes; i++) {
      runs.add(pass(stream));
    }
    runs.sort(Comparator.comparingDouble(run -> run.eventsPerCpuSecond));
    HandCodedBaseline median = runs.get(runs.size() / 2);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("events", stream.measured().size());
    figures.put("events_per_s_cpu", median.eventsPerCpuSecond);
    figures.put("breaches", median.breaches);
    return figures;
  }

  private static HandCodedBaseline pass(BenchStream stream) {
    HandCodedBaseline baseline = new HandCodedBaseline();
    stream.opening().forEach(baseline::apply);
    stream.warmup().forEach(baseline::apply);
    List<InputEvent> measured = stream.measured();
    long cpuStarted = CpuClock.nanos();
    for (InputEvent event : measured) {
      baseline.apply(event);
    }
    long cpu = CpuClock.nanos() - cpuStarted;
    baseline.eventsPerCpuSecond = measured.size() / (Math.max(cpu, 1) / 1e9);
    return baseline;
  }

  private void apply(InputEvent event) {
    if (event instanceof QuoteEvent quote) {
      quote(quote);
    } else if (event instanceof PositionEvent position) {
      position(position);
    } else if (event instanceof TradeEvent trade) {
      trade(trade);
    } else if (event instanceof OrderEvent order) {
      order(order);
    } else if (event instanceof AccountEvent account) {
      Book book = books.computeIfAbsent(account.accountId(), id -> new Book());
      book.canTrade = !Boolean.FALSE.equals(account.canTrade());
      count(!book.canTrade);                                                           // RULE-010
    }
  }

  private void quote(QuoteEvent quote) {
    Double price = quote.lastPrice() != null ? quote.lastPrice()
        : quote.bestBid() != null && quote.bestAsk() != null ? (quote.bestBid() + quote.bestAsk()) / 2 : null;
    if (price == null) {
      return;
    }
    prices.put(quote.contractId(), price);
    for (Book book : books.values()) {
      if (!book.positions.containsKey(quote.contractId())) {
        continue;
      }
      double unrealized = 0;
      for (PositionEvent position : book.positions.values()) {
        unrealized += unrealized(position);
      }
      count(unrealized <= -300);                                                       // RULE-004
      count(unrealized >= 1000);                                                       // RULE-005
      PositionEvent position = book.positions.get(quote.contractId());
      Contract contract = contracts.get(quote.contractId());
      double ticks = unrealized(position) / contract.tickValue() / position.size();
      if (ticks >= 10) {                                                               // RULE-012
        book.bestStop.merge(quote.contractId(), price - 10 * contract.tickSize(), Math::max);
        breaches++;
      }
    }
  }

  private double unrealized(PositionEvent position) {
    Double price = prices.get(position.contractId());
    Contract contract = contracts.get(position.contractId());
    if (price == null || contract == null) {
      return 0;
    }
    int sign = position.type() == PositionType.LONG ? 1 : -1;
    return sign * (price - position.averagePrice()) * contract.pointValue() * position.size();
  }

  private void position(PositionEvent position) {
    Book book = books.computeIfAbsent(position.accountId(), id -> new Book());
    if (position.size() == 0) {
      book.positions.remove(position.contractId());
      return;
    }
    book.positions.put(position.contractId(), position);
    int net = 0;
    Map<String, Integer> perRoot = new HashMap<>();
    for (PositionEvent held : book.positions.values()) {
      int signed = held.type() == PositionType.LONG ? held.size() : -held.size();
      net += signed;
      Contract contract = contracts.get(held.contractId());
      perRoot.merge(contract == null ? held.contractId() : contract.root(), held.size(), Integer::sum);
    }
    count(Math.abs(net) > 5);                                                          // RULE-001
    perRoot.forEach((root, size) -> count(size > PER_INSTRUMENT.getOrDefault(root, Integer.MAX_VALUE))); // RULE-002
    Contract contract = contracts.get(position.contractId());
    count(contract != null && BLOCKED.contains(contract.root()));                      // RULE-011
    count(!book.stops.containsKey(position.contractId()));                             // RULE-008 (grace starts)
    count(!inSession(position.ts()));                                                  // RULE-009
    count(position.ts().isBefore(book.lockedUntil));                                   // lockout guard
  }

  private void trade(TradeEvent trade) {
    Book book = books.computeIfAbsent(trade.accountId(), id -> new Book());
    if (trade.pnl() == null) {
      return;
    }
    book.realized += trade.pnl() - trade.fees();
    count(book.realized <= -500);                                                      // RULE-003
    book.tradesToday++;
    book.trades.addLast(trade.ts());
    while (book.trades.peekFirst().isBefore(trade.ts().minusSeconds(3600))) {
      book.trades.removeFirst();
    }
    long lastMinute = book.trades.stream().filter(at -> at.isAfter(trade.ts().minusSeconds(60))).count();
    count(lastMinute > 10 || book.trades.size() > 300 || book.tradesToday > 5000);    // RULE-006
    if (trade.pnl() <= -100) {                                                         // RULE-007
      book.lockedUntil = trade.ts().plusSeconds(trade.pnl() <= -300 ? 1800 : trade.pnl() <= -200 ? 900 : 300);
      breaches++;
    }
  }

  private void order(OrderEvent order) {
    Book book = books.computeIfAbsent(order.accountId(), id -> new Book());
    if (order.type() == OrderType.STOP && order.stopPrice() != null) {
      if (order.status().isWorking()) {
        book.stops.put(order.contractId(), order.stopPrice());
      } else {
        book.stops.remove(order.contractId());
      }
    }
    Contract contract = contracts.get(order.contractId());
    count(order.status().isWorking() && contract != null && BLOCKED.contains(contract.root())); // RULE-011
    count(order.status().isWorking() && order.ts().isBefore(book.lockedUntil));        // lockout guard
  }

  private static boolean inSession(Instant at) {
    ZonedDateTime local = at.atZone(NEW_YORK);
    DayOfWeek day = local.getDayOfWeek();
    LocalTime time = local.toLocalTime();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
        && !time.isBefore(LocalTime.of(9, 30)) && time.isBefore(LocalTime.of(16, 0));
  }

  private void count(boolean breached) {
    if (breached) {
      breaches++;
    }
  }
}
