package riskguard.connectors.sim;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import riskguard.connectors.projectx.model.DepthEntry;
import riskguard.connectors.projectx.model.DomType;
import riskguard.connectors.projectx.model.OrderSide;
import riskguard.connectors.projectx.model.Quote;

/** The top of book of one contract, in ticks; mutable, guarded by the exchange's lock. */
final class QuoteBook {

  private static final int DEPTH_LEVELS = 5;

  final SimContract contract;
  long bid;
  long ask;
  long last;
  private final long open;
  private long high;
  private long low;
  private long volume;
  private OffsetDateTime lastUpdated;

  QuoteBook(SimContract contract, OffsetDateTime now) {
    this.contract = contract;
    this.last = contract.startTicks();
    this.bid = last;
    this.ask = last + 1;
    this.open = last;
    this.high = last;
    this.low = last;
    this.lastUpdated = now;
  }

  /** Moves the book; a crossed or locked book is widened to one tick so the touch stays valid. */
  void set(long newBid, long newAsk, long newLast, long tradedVolume, OffsetDateTime now) {
    bid = newBid;
    ask = Math.max(newAsk, newBid + 1);
    last = newLast;
    high = Math.max(high, last);
    low = Math.min(low, last);
    volume += tradedVolume;
    lastUpdated = now;
  }

  void addVolume(long traded) {
    volume += traded;
  }

  /** The price a market order of this side fills at: buy at the ask, sell at the bid. */
  long touch(OrderSide side) {
    return side == OrderSide.BID ? ask : bid;
  }

  /** The full quote; the simulator always sends every field (updates may, not must, be partial). */
  Quote quote(OffsetDateTime now) {
    double change = contract.price(last - open);
    double changePercent = open == 0 ? 0 : Math.round((last - open) * 1_000_000.0 / open) / 10_000.0;
    return new Quote(contract.symbolId(), contract.symbolName(),
        contract.price(last), contract.price(bid), contract.price(ask), change, changePercent,
        contract.price(open), contract.price(high), contract.price(low), volume, lastUpdated, now);
  }

  /** A synthetic book: best bid/ask, then four more levels each side with sizes from the seed. */
  List<DepthEntry> depth(OffsetDateTime now, Random random) {
    List<DepthEntry> levels = new ArrayList<>();
    levels.add(level(now, DomType.BEST_BID, bid, random));
    levels.add(level(now, DomType.BEST_ASK, ask, random));
    for (int i = 1; i < DEPTH_LEVELS; i++) {
      levels.add(level(now, DomType.BID, bid - i, random));
      levels.add(level(now, DomType.ASK, ask + i, random));
    }
    return levels;
  }

  private DepthEntry level(OffsetDateTime now, DomType type, long ticks, Random random) {
    long size = 1 + random.nextInt(40);
    return new DepthEntry(now, type, contract.price(ticks), size, size);
  }
}
