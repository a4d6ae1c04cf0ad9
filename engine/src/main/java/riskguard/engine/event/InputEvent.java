package riskguard.engine.event;

import java.time.Instant;

/**
 * Something the engine is told, at the time {@code ts} it was received. The live hub,
 * the REST reconcile and a replayed recording all produce these, through
 * {@link EventDecoder}, so both paths feed the engine identically.
 */
public sealed interface InputEvent
    permits InputEvent.AccountScoped, QuoteEvent, ContractEvent, ClockTick {

  /** When the event was received; the session clock follows it. */
  Instant ts();

  /** The contract the event is about, or null. */
  default String contractId() {
    return null;
  }

  /** An event about one account: it goes to that account's session only. */
  sealed interface AccountScoped extends InputEvent permits AccountEvent, PositionEvent, OrderEvent, TradeEvent {
    long accountId();
  }
}
