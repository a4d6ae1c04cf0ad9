package riskguard.app.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import riskguard.connectors.projectx.hub.HubEvent;
import riskguard.connectors.projectx.hub.MarketHub;
import riskguard.connectors.projectx.hub.UserHub;
import riskguard.engine.event.ClockTick;
import riskguard.engine.event.DecodeResult;
import riskguard.engine.event.EventDecoder;
import riskguard.engine.event.InputEvent;
import riskguard.engine.event.OrderEvent;
import riskguard.engine.event.PositionEvent;
import riskguard.engine.event.TradeEvent;
import riskguard.engine.session.Engine;

/**
 * The one door into the engine. Hub events (as received), REST reconcile answers (in the
 * same JSON shape) and heartbeat ticks all come through here: recorded, decoded by the
 * engine's {@link EventDecoder}, applied to the {@link AccountBook} and fed to the engine —
 * one at a time, because the engine takes events from one source. Then the side effects of
 * what changed: quote subscriptions follow open positions ({@link QuoteFollowing}: kept a minute
 * after the last one closed, dropped at a tick), trades go to the ledger, an unknown contract's
 * metadata is fetched.
 */
final class EventIntake {

  private static final Logger LOG = LoggerFactory.getLogger(EventIntake.class);
  private static final Duration QUOTES_KEPT_WHEN_FLAT = Duration.ofMinutes(1);

  private final Object oneAtATime = new Object();
  private final EventDecoder decoder = new EventDecoder();
  private final Engine engine;
  private final AccountBook book;
  private final TradeLedger ledger;
  private final EventRecording recording;
  private final Clock clock;
  private final QuoteFollowing quotes = new QuoteFollowing(QUOTES_KEPT_WHEN_FLAT);
  private volatile MarketHub market;
  private volatile Consumer<String> unknownContract = contractId -> {};
  private volatile boolean stopped;

  EventIntake(Engine engine, AccountBook book, TradeLedger ledger, EventRecording recording, Clock clock) {
    this.engine = engine;
    this.book = book;
    this.ledger = ledger;
    this.recording = recording;
    this.clock = clock;
  }

  /** The market hub to subscribe quotes on, and who fetches metadata of contracts not seen before. */
  void connect(MarketHub marketHub, Consumer<String> metadataFetcher) {
    this.market = marketHub;
    this.unknownContract = metadataFetcher;
    quotes.clear();
    for (long account : book.guarded()) {
      book.positions(account).forEach(position -> followQuotes(position.contractId()));
    }
  }

  /** From the hubs' reader threads. */
  void hubEvent(HubEvent event) {
    if (stopped) {
      return;
    }
    List<JsonNode> arguments = event.arguments();
    if (!arguments.isEmpty()) {
      recording.event(event.receivedAt(), event.hub(), event.target(), event.contractId(),
          arguments.get(arguments.size() - 1));
    }
    decodeAndFeed(event.hub(), event.target(), event.contractId(), event.data(), event.receivedAt());
  }

  /** A REST answer standing for the user hub event {@code target} (reconciliation). */
  void restAnswer(String target, JsonNode data) {
    if (stopped) {
      return;
    }
    Instant now = clock.instant();
    recording.event(now, UserHub.HUB, target, null, data);
    decodeAndFeed(UserHub.HUB, target, null, data, now);
  }

  void tick(ClockTick tick) {
    feed(tick);
    if (stopped) {
      return;
    }
    synchronized (oneAtATime) {
      MarketHub hub = market;
      for (String contractId : quotes.due(tick.ts())) {
        if (hub != null) {
          hub.unsubscribeQuotes(contractId);
        }
      }
    }
  }

  private void decodeAndFeed(String hub, String target, String contractId, JsonNode data, Instant receivedAt) {
    if (data.isArray()) {
      data.forEach(item -> decodeAndFeed(hub, target, contractId, item, receivedAt));
      return;
    }
    DecodeResult result = decoder.decode(hub, target, contractId, data, receivedAt);
    if (result instanceof DecodeResult.Decoded decoded) {
      feed(decoded.event());
    } else if (result instanceof DecodeResult.Rejected rejected) {
      LOG.warn("{} hub event skipped: {}", hub, rejected.reason());
    } else if (result instanceof DecodeResult.Skipped skipped) {
      LOG.debug("{}", skipped.reason());
    }
  }

  /** Feeds an event made here (a contract, a position gone while disconnected, a tick). */
  void feed(InputEvent event) {
    if (stopped) {
      return;
    }
    synchronized (oneAtATime) {
      if (event instanceof InputEvent.AccountScoped scoped && !book.isGuarded(scoped.accountId())) {
        return;
      }
      AccountBook.Change change = book.apply(event);
      engine.apply(event);
      afterwards(event, change);
    }
  }

  private void afterwards(InputEvent event, AccountBook.Change change) {
    switch (change) {
      case POSITION_OPENED -> followQuotes(event.contractId());
      case POSITION_CLOSED -> {
        if (!book.anyoneHolds(event.contractId())) {
          quotes.flat(event.contractId(), clock.instant());
        }
      }
      case NEW_TRADE, TRADE_VOIDED -> {
        TradeEvent trade = (TradeEvent) event;
        ledger.record(trade, book.dayTotals(trade.accountId(), book.tradingDayOf(trade.time())));
      }
      default -> { }
    }
    if ((event instanceof PositionEvent || event instanceof OrderEvent || event instanceof TradeEvent)
        && !book.knowsContract(event.contractId())) {
      unknownContract.accept(event.contractId());
    }
  }

  private void followQuotes(String contractId) {
    MarketHub hub = market;
    if (hub != null && quotes.held(contractId)) {
      hub.subscribeQuotes(contractId).whenComplete((answer, failure) -> {
        if (failure != null) {
          // the market hub logs a refusal once and invokes it again with backoff; other contracts go on
          LOG.debug("quotes of {} not subscribed yet ({})", contractId, failure.getMessage());
        }
      });
    }
  }

  /** Stops taking events (the first step of a graceful stop). */
  void stop() {
    stopped = true;
    synchronized (oneAtATime) {
      LOG.debug("event intake stopped");
    }
  }

  /** Quotes subscribed for, for tests and status. */
  Set<String> quoteSubscriptions() {
    return quotes.subscribed();
  }
}
