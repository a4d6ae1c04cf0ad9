package riskguard.connectors.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
  private Instant lastUpdated;

  QuoteBook(SimContract contract, Instant now) {
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
  void set(long newBid, long newAsk, long newLast, long tradedVolume, Instant now) {
    bid = newBid;
    ask = Math.max(newAsk, newBid + 1);
    last = newLast;
    high = Math.max(high, Math.max(last, bid));
    low = Math.min(low, Math.min(last, ask));
    volume += tradedVolume;
    lastUpdated = now;
  }

  void addVolume(long traded) {
    volume += traded;
  }

  /** The price a market order of this side fills at: buy at the ask, sell at the bid. */
  long touch(Side side) {
    return side == Side.BUY ? ask : bid;
  }

  QuoteView view(Instant now) {
    double change = contract.price(last - open);
    double changePercent = open == 0 ? 0 : Math.round((last - open) * 1_000_000.0 / open) / 10_000.0;
    return new QuoteView(contract.id(), contract.symbolId(), contract.symbolName(),
        contract.price(last), contract.price(bid), contract.price(ask), change, changePercent,
        contract.price(open), contract.price(high), contract.price(low), volume, lastUpdated, now);
  }

  /** A synthetic book: best bid/ask then four more levels each side with volumes from the seed. */
  List<DepthEntryView> depth(Instant now, java.util.Random random) {
    List<DepthEntryView> levels = new ArrayList<>();
    levels.add(level(now, DepthEntryView.BEST_BID, bid, random));
    levels.add(level(now, DepthEntryView.BEST_ASK, ask, random));
    for (int i = 1; i < DEPTH_LEVELS; i++) {
      levels.add(level(now, DepthEntryView.BID, bid - i, random));
      levels.add(level(now, DepthEntryView.ASK, ask + i, random));
    }
    return levels;
  }

  private DepthEntryView level(Instant now, int type, long ticks, java.util.Random random) {
    long size = 1 + random.nextInt(40);
    return new DepthEntryView(now, type, contract.price(ticks), size, size);
  }
}
