package riskguard.connectors.sim;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import riskguard.connectors.projectx.model.Quote;

/**
 * The simulated market: a seeded random walk on a timer that can be paused, or prices set by
 * hand. Every change is published as GatewayQuote/GatewayDepth and works the resting orders.
 */
public final class SimMarket {

  private final Exchange exchange;
  private final AtomicBoolean paused;

  SimMarket(Exchange exchange, boolean startPaused) {
    this.exchange = exchange;
    this.paused = new AtomicBoolean(startPaused);
  }

  /** Sets the last price; the bid becomes the price and the ask one tick above it. */
  public void setPrice(String contractId, double price) {
    exchange.setPrice(contractId, price);
  }

  /** Sets the whole top of book. */
  public void setQuote(String contractId, double bid, double ask, double last) {
    exchange.setQuote(contractId, bid, ask, last);
  }

  /** Moves bid, ask and last by a number of ticks (negative moves down). */
  public void move(String contractId, long ticks) {
    exchange.move(contractId, ticks);
  }

  /** Stops the random walk; explicit prices still apply. */
  public void pause() {
    paused.set(true);
  }

  public void resume() {
    paused.set(false);
  }

  public boolean paused() {
    return paused.get();
  }

  /** One random-walk step now, paused or not. */
  public void step() {
    exchange.randomStep();
  }

  public Quote quote(String contractId) {
    return exchange.quote(contractId);
  }

  public Map<String, Quote> quotes() {
    return exchange.quotes();
  }

  /** The timer's tick: a step unless paused. */
  void tick() {
    if (!paused.get()) {
      exchange.randomStep();
    }
  }
}
