package riskguard.engine.session;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import riskguard.config.TradingDay;
import riskguard.engine.clock.EventClock;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.enforcement.EnforcementService;
import riskguard.engine.event.AccountEvent;
import riskguard.engine.event.ClockTick;
import riskguard.engine.event.ContractEvent;
import riskguard.engine.event.InputEvent;
import riskguard.engine.event.OrderEvent;
import riskguard.engine.event.PositionEvent;
import riskguard.engine.event.QuoteEvent;
import riskguard.engine.event.TradeEvent;
import riskguard.engine.model.Account;
import riskguard.engine.model.Contract;
import riskguard.engine.model.CurrentTradingDay;
import riskguard.engine.model.Lockout;
import riskguard.engine.model.Now;
import riskguard.engine.model.Order;
import riskguard.engine.model.Position;
import riskguard.engine.model.QuoteAge;
import riskguard.engine.model.SymbolRoots;
import riskguard.engine.model.Trade;
import riskguard.engine.model.Valuation;

/**
 * One account's rule session: a Drools session on a pseudo clock, fed that account's
 * events in order on one thread. Each event goes through the same named steps:
 * {@link #advanceClock} (rolling the trading day at the reset) → {@link #applyToFacts}
 * (updating facts in place, valuing positions) → {@link #fireAndEnforce}. Not thread-safe:
 * the engine gives each session its own queue.
 */
public final class AccountSession implements AutoCloseable {

  /**
   * Properties a quote changes on a {@link Valuation}: rules that do not read them are not
   * re-evaluated. {@code type} and {@code tickSize} change only when the position turns around
   * or the contract's tick size changes, so a quote leaves the rules reading only them alone.
   */
  private final PropertyUpdate revalued;
  private final PropertyUpdate priceMoved;
  private final PropertyUpdate quoteAged;
  /** The update for each set of position properties a position event changed (see Position.update). */
  private final Map<List<String>, PropertyUpdate> positionChanges = new HashMap<>();
  private final PropertyUpdate positionRoot;
  private final PropertyUpdate orderChange;
  private final PropertyUpdate orderRoot;
  private final PropertyUpdate clockMoved;

  /** Safety bound on fire/complete rounds for one event; rules that loop stop here. */
  private static final int MAX_ROUNDS = 16;

  private final long accountId;
  private final KieSession session;
  private final FiringCap firingCap;
  private final EventClock clock;
  private final SessionFacts facts;
  private final DecisionChannel channel;
  private final EnforcementService enforcement;
  private final TradingDay tradingDay;
  private final Function<String, Contract> contracts;
  /** max_quote_age_seconds: a valuation's quote older than this is stale (fixed until a restart). */
  private final Duration maxQuoteAge;
  /** The queued quote step that still takes quotes; touched only by the engine's feeder. */
  private QuoteBatch openBatch;
  /** The book's quote each held contract was last valued with; only a newer one is applied. */
  private final Map<String, QuoteEvent> valuedWith = new HashMap<>();
  private final Map<Long, Held> trades = new HashMap<>();
  private final Map<Class<?>, FactHandle> sections = new HashMap<>();
  /** The facts changed by events {@link #take taken} since the rules last fired (live bursts). */
  private final Set<FactKey> unfired = new HashSet<>();

  private final Now now = new Now(Instant.EPOCH);
  private final FactHandle nowHandle;
  /** The rules' stated deadlines: working memory hears that the clock moved only when one falls due. */
  private final PendingDeadlines deadlines = new PendingDeadlines();
  /** The clock time working memory last heard of (the last update of {@link Now}). */
  private Instant noticed = Instant.EPOCH;
  /** The latest heartbeat that found nothing due: the clock catches up with it at the next step. */
  private Instant heartbeat;
  /** The earliest time this session waits for, as of its last step; {@link Instant#MIN} before its first event. */
  private volatile Instant wakeAt = Instant.MIN;
  /** Times this session fired its rules (written by its own thread only). */
  private volatile long firings;
  private CurrentTradingDay day;
  private FactHandle dayHandle;
  private Account account;
  private FactHandle accountHandle;
  private volatile Instant lastReset;
  private volatile List<Lockout> lockoutSnapshot = List.of();
  /** Written only by the session's own thread; read by others. */
  private volatile long eventsApplied;

  private record Held(Trade trade, FactHandle handle) {}

  AccountSession(
      long accountId,
      RulePackage rules,
      EngineSettings settings,
      Function<String, Contract> contracts,
      EnforcementService enforcement,
      Supplier<String> decisionIds) {
    this.accountId = accountId;
    this.tradingDay = settings.tradingDay();
    this.contracts = contracts;
    this.enforcement = enforcement;
    this.session = rules.newSession();
    this.firingCap = new FiringCap(accountId, session);
    this.clock = new EventClock(session.getSessionClock());
    this.facts = new SessionFacts(session);
    this.channel = new DecisionChannel(accountId, facts, new DecisionChannel.SessionTime() {
      @Override
      public Instant now() {
        return clock.now();
      }

      @Override
      public Instant nextReset() {
        return day != null ? day.getNextReset() : tradingDay.nextResetAfter(clock.now());
      }
    }, decisionIds);
    rules.bindDecisions(session, channel);
    this.maxQuoteAge = settings.risk().maxQuoteAge();
    this.revalued = new PropertyUpdate(session, "type", "mark", "unrealizedPnl", "profitTicks", "tickSize",
        "quoteTime", "stale");
    this.priceMoved = new PropertyUpdate(session, "mark", "unrealizedPnl", "profitTicks", "quoteTime", "stale");
    this.quoteAged = new PropertyUpdate(session, "quoteTime", "stale");
    this.positionRoot = new PropertyUpdate(session, "root");
    this.orderChange = new PropertyUpdate(session, "status", "type", "side", "size", "limitPrice", "stopPrice",
        "createdAt", "updatedAt", "appearedAt");
    this.orderRoot = new PropertyUpdate(session, "root");
    this.clockMoved = new PropertyUpdate(session, "instant");
    session.addEventListener(deadlines);
    this.nowHandle = session.insert(now);
    session.insert(settings.risk());
    settings.ruleSections().forEach(section -> sections.put(section.getClass(), session.insert(section)));
  }

  public long accountId() {
    return accountId;
  }

  /** The instant of the last daily reset this session performed (null before its first event). */
  public Instant lastReset() {
    return lastReset;
  }

  /** The lockouts now holding, as of the last event processed. */
  public List<Lockout> lockouts() {
    return lockoutSnapshot;
  }

  /** Session-clock time. */
  public Instant now() {
    return clock.now();
  }

  /**
   * The earliest time this session waits for, as of its last step: a deadline the rules
   * stated, the daily reset, or one of Drools' own timers (a trade leaving a sliding window);
   * {@link Instant#MIN} before the first event (the first tick starts the clock); null when
   * nothing waits.
   */
  Instant wakeAt() {
    return wakeAt;
  }

  /**
   * Times this session fired its rules: once per event (live: per burst of queued events), due
   * tick, reset and look after a reload.
   */
  long firings() {
    return firings;
  }

  /**
   * Puts persisted state back before the first event: the last reset performed (so a reset
   * missed while the daemon was down is caught up at the first event) and the lockouts.
   */
  void restore(Instant lastReset, List<Lockout> lockouts) {
    this.lastReset = lastReset;
    lockouts.forEach(facts::insertLockout);
    lockoutSnapshot = facts.lockouts();
  }

  /**
   * The config was reloaded: each rule section that changed replaces the old one, a section
   * no longer enabled leaves, a new one arrives; then the rules look again at the current
   * clock time (so a symbol removed from RULE-011's list is unlocked now).
   */
  void updateRuleSections(List<Object> ruleSections) {
    replaceSections(ruleSections);
    lookAgain();
  }

  /**
   * The rule base was updated in place (between two events): the session kept all its facts;
   * the new package's {@code decisions} global is bound and the rules look again now.
   */
  void rulesReplaced(RulePackage rules) {
    rules.bindDecisions(session, channel);
    lookAgain();
  }

  /**
   * The rule base was updated in place for a config reload that changed which rules can fire:
   * the new rules and the new sections arrive together, then the rules look again.
   */
  void rulesAndSectionsReplaced(RulePackage rules, List<Object> ruleSections) {
    rules.bindDecisions(session, channel);
    replaceSections(ruleSections);
    lookAgain();
  }

  private void replaceSections(List<Object> ruleSections) {
    Map<Class<?>, Object> wanted = new HashMap<>();
    ruleSections.forEach(section -> wanted.put(section.getClass(), section));
    sections.entrySet().removeIf(held -> {
      if (wanted.containsKey(held.getKey())) {
        return false;
      }
      session.delete(held.getValue());
      return true;
    });
    wanted.forEach((type, section) -> {
      FactHandle handle = sections.get(type);
      if (handle == null) {
        sections.put(type, session.insert(section));
      } else if (!section.equals(session.getObject(handle))) {
        session.delete(handle);
        sections.put(type, session.insert(section));
      }
    });
  }

  private void lookAgain() {
    if (clock.started()) {
      catchUpWithHeartbeat();
      fireAndEnforce();
    }
  }

  /**
   * The event path for one event: clock, facts, rules, enforcement. {@code quote} is the
   * book's quote of the event's contract when the event arrived (null when none, or the event
   * names no contract): a position is valued at the price of its moment, never at a price that
   * arrived after it and after the events queued behind it. A heartbeat tick when nothing is
   * due costs no Drools work: the clock catches up with it at the next step, which is the
   * same, since nothing falls due meanwhile.
   */
  void process(InputEvent event, QuoteEvent quote) {
    if (event instanceof ClockTick tick && !dueBy(tick.ts())) {
      heartbeat = heartbeat == null || tick.ts().isAfter(heartbeat) ? tick.ts() : heartbeat;
    } else {
      advanceClock(event.ts());
      applyToFacts(event, quote);
      fireAndEnforce();
    }
    eventsApplied++;
  }

  /**
   * Live: applies an account event that arrived in a burst (queued right behind the one
   * before it) without firing; {@link #fireTaken} fires once after the burst's last event. The
   * rules still see every state of every fact: when the event would change a position, order,
   * trade or the account that an unfired event of the burst already changed, or would move the
   * clock to something due (a deadline, a timer, the daily reset), what the burst applied so
   * far is fired first.
   */
  void take(InputEvent event, QuoteEvent quote) {
    FactKey changes = FactKey.of(event);
    if (!unfired.isEmpty() && (unfired.contains(changes) || dueBy(event.ts()))) {
      fireTaken();
    }
    advanceClock(event.ts());
    applyToFacts(event, quote);
    // An enforcement completes with the event that shows its effect, as it would if the rules
    // fired for that event: a cancel-all is done once its orders are gone, even when an order
    // placed right after arrives in the same burst (it would otherwise keep the cancel-all
    // pending, and the lockout guard, seeing one pending, would leave the new order alone).
    facts.completeSatisfied();
    unfired.add(changes);
  }

  /**
   * Fires the rules for the events {@link #take taken} since they last fired, if any (one per
   * changed fact: an event changing a fact already in {@link #unfired} fires the others first).
   */
  void fireTaken() {
    int events = unfired.size();
    if (events > 0) {
      unfired.clear();
      fireAndEnforce();
      eventsApplied += events;
    }
  }

  /** The fact an account event changes: a position by contract, an order or trade by id, the account. */
  private record FactKey(Class<?> kind, Object id) {

    static FactKey of(InputEvent event) {
      if (event instanceof PositionEvent position) {
        return new FactKey(PositionEvent.class, position.contractId());
      } else if (event instanceof OrderEvent order) {
        return new FactKey(OrderEvent.class, order.orderId());
      } else if (event instanceof TradeEvent trade) {
        return new FactKey(TradeEvent.class, trade.tradeId());
      }
      return new FactKey(event.getClass(), null);
    }
  }

  /** Events {@link #process processed} to the end; a step that threw is not counted. */
  long eventsApplied() {
    return eventsApplied;
  }

  /**
   * Positions not valued with their contract's latest quote in the book. Once the session has
   * run everything queued it is 0, unless a quote was lost on the way.
   */
  int positionsBehindTheBook(Function<String, QuoteEvent> book) {
    int behind = 0;
    for (SessionFacts.Held<Position> held : facts.positions()) {
      String contractId = held.fact().getContractId();
      QuoteEvent latest = book.apply(contractId);
      if (latest != null && latest != valuedWith.get(contractId)) {
        behind++;
      }
    }
    return behind;
  }

  /**
   * Feeder: a quote for a contract this session holds. Returns the step to queue, or null when
   * the quote joined a step already queued (it has not started and nothing was queued behind it).
   */
  Runnable quoteArrived(QuoteEvent quote) {
    if (openBatch != null && openBatch.add(quote)) {
      return null;
    }
    QuoteBatch batch = new QuoteBatch(quote);
    openBatch = batch;
    return () -> applyQuotes(batch);
  }

  /** Feeder: another step is queued for this session; a later quote must queue behind it. */
  void stepQueued() {
    if (openBatch != null) {
      openBatch.close();
      openBatch = null;
    }
  }

  /**
   * The quote path: the clock moves to the newest of the batch's quotes not yet applied to a
   * held position, the positions in those contracts are valued with them, and the rules fire
   * once. Runs for every quote in a replay (a batch of one); in the live daemon once per batch
   * of queued quotes. It looks up the batch's contracts among the positions rather than walking
   * every position held: a session holds several positions, a batch mostly one quote.
   *
   * <p>The rules do not fire when working memory heard of nothing: no valuation changed (the
   * quote moved only the other side of the book, or repeated the mark and its time) and the
   * clock reached nothing waiting for it (a deadline, a timer, the daily reset). Firing then
   * would find no rule to look again; about half of all quotes are such.
   */
  void applyQuotes(QuoteBatch batch) {
    Collection<QuoteEvent> latest = batch.take().values();
    Instant newest = null;
    for (QuoteEvent quote : latest) {
      if (unapplied(quote) != null && (newest == null || quote.ts().isAfter(newest))) {
        newest = quote.ts();
      }
    }
    if (newest == null) {
      return;
    }
    boolean heard = dueBy(newest);
    advanceClock(newest);
    for (QuoteEvent quote : latest) {
      Position position = unapplied(quote);
      if (position != null) {
        heard |= value(position, quote);
      }
    }
    if (heard) {
      fireAndEnforce();
    }
  }

  /** The held position {@code quote} has not valued yet; null when none is held or it has. */
  private Position unapplied(QuoteEvent quote) {
    String contractId = quote.contractId();
    Position position = facts.position(contractId);
    return position == null || quote == valuedWith.get(contractId) ? null : position;
  }

  /**
   * The daemon reports how an action went. A failed action's pending enforcement is removed,
   * so the rule that decided it may decide again; a successful one stays pending until working
   * memory shows its effect (the position flat, the order gone).
   */
  void enforcementResult(String decisionId, boolean success) {
    if (!success && facts.removeEnforcement(decisionId)) {
      catchUpWithHeartbeat();
      fireAndEnforce();
    }
  }

  /**
   * Moves the clock to {@code time} (never back). The first event opens the trading day and
   * catches up a reset missed while the daemon was down; crossing a reset moves the clock to
   * the reset instant, rolls the day and lets the rules react there, once per trading day.
   */
  private void advanceClock(Instant time) {
    if (heartbeat != null && heartbeat.isAfter(time)) {
      time = heartbeat;
    }
    if (!clock.started()) {
      clock.advanceTo(time);
      openTradingDay(time);
      return;
    }
    while (day != null && !time.isBefore(day.getNextReset()) && time.isAfter(clock.now())) {
      Instant reset = day.getNextReset();
      moveClock(reset);
      rollTradingDay(reset);
      fireAndEnforce();
    }
    moveClock(time);
  }

  private void catchUpWithHeartbeat() {
    if (heartbeat != null) {
      advanceClock(heartbeat);
    }
  }

  /**
   * Moves the clock. {@link Now} always holds the clock's time, so a rule that looks at it
   * reads the time of the step; but working memory hears that it moved (and re-joins every
   * rule waiting on {@code Now}) only when the clock reaches a deadline stated since it last
   * heard: before then no comparison with a stated deadline can have changed.
   */
  private void moveClock(Instant time) {
    if (clock.advanceTo(time)) {
      now.set(clock.now());
      Instant due = deadlines.after(noticed);
      if (due != null && !due.isAfter(clock.now())) {
        clockMoved.apply(nowHandle, now);
        noticed = clock.now();
      }
    }
  }

  /** True when something waits for {@code time} or earlier (always before the first event). */
  private boolean dueBy(Instant time) {
    Instant wake = wakeAt;
    return wake != null && !wake.isAfter(time);
  }

  private Instant nextWake() {
    Instant wake = day.getNextReset();
    Instant deadline = deadlines.after(noticed);
    if (deadline != null && deadline.isBefore(wake)) {
      wake = deadline;
    }
    Instant timer = clock.nextTimer();
    if (timer != null && timer.isBefore(wake)) {
      wake = timer;
    }
    return wake;
  }

  private void openTradingDay(Instant time) {
    now.set(clock.now());
    session.update(nowHandle, now, "instant");
    noticed = clock.now();
    Instant start = tradingDay.currentDayStart(time);
    day = new CurrentTradingDay(tradingDay.tradingDateOf(time), start, tradingDay.nextResetAfter(time));
    dayHandle = session.insert(day);
    if (lastReset == null || lastReset.isBefore(start)) {
      lastReset = start;
    }
  }

  private void rollTradingDay(Instant reset) {
    LocalDate date = tradingDay.tradingDateOf(reset);
    day.roll(date, reset, tradingDay.nextResetAfter(reset));
    session.update(dayHandle, day);
    lastReset = reset;
    forgetTradesBefore(date.minusDays(1));
  }

  private void applyToFacts(InputEvent event, QuoteEvent quote) {
    if (event instanceof PositionEvent position) {
      applyPosition(position, quote);
    } else if (event instanceof OrderEvent order) {
      applyOrder(order);
    } else if (event instanceof TradeEvent trade) {
      applyTrade(trade);
    } else if (event instanceof AccountEvent account) {
      applyAccount(account);
    } else if (event instanceof ContractEvent contract) {
      applyContract(contract.contract(), quote);
    }
  }

  private void applyAccount(AccountEvent event) {
    if (account == null) {
      account = new Account(event.accountId(), event.name(), event.canTrade());
      accountHandle = session.insert(account);
    } else {
      account.update(event.name(), event.canTrade());
      session.update(accountHandle, account, "name", "canTrade", "canTradeMissing");
    }
  }

  private void applyPosition(PositionEvent event, QuoteEvent quote) {
    String contractId = event.contractId();
    if (event.size() <= 0) {
      if (facts.removePosition(contractId)) {
        valuedWith.remove(contractId);
      }
      return;
    }
    Position position = facts.position(contractId);
    boolean isNew = position == null;
    if (isNew) {
      position = new Position(accountId, contractId, rootOf(contractId));
    }
    List<String> changed = position.update(event.type(), event.size(), event.averagePrice(), event.openedAt(),
        clock.now());
    if (isNew) {
      facts.insertPosition(position);
    } else {
      facts.updatePosition(position, positionChanges.computeIfAbsent(changed,
          names -> new PropertyUpdate(session, names.toArray(String[]::new))));
    }
    if (quote != null) {
      value(position, quote);
    }
  }

  private void applyOrder(OrderEvent event) {
    if (!event.status().isWorking()) {
      facts.removeOrder(event.orderId());
      return;
    }
    Order order = facts.order(event.orderId());
    boolean isNew = order == null;
    if (isNew) {
      order = new Order(event.orderId(), accountId, event.contractId(), rootOf(event.contractId()), clock.now(),
          event.customTag());
    }
    order.update(event.status(), event.type(), event.side(), event.size(), event.limitPrice(), event.stopPrice(),
        event.createdAt(), event.updatedAt());
    if (isNew) {
      facts.insertOrder(order);
    } else {
      facts.updateOrder(order, orderChange);
    }
  }

  /**
   * Inserts a fill once: the same trade id again is ignored, unless it voids (or un-voids)
   * the trade, which replaces it.
   */
  private void applyTrade(TradeEvent event) {
    Held seen = trades.get(event.tradeId());
    if (seen != null) {
      if (seen.trade().voided() == event.voided()) {
        return;
      }
      session.delete(seen.handle());
    }
    Trade trade = new Trade(event.tradeId(), accountId, event.contractId(), rootOf(event.contractId()),
        event.time(), event.price(), event.pnl(), event.fees(), event.side(), event.size(), event.voided(),
        event.orderId(), tradingDay.tradingDateOf(event.time()));
    trades.put(event.tradeId(), new Held(trade, session.insert(trade)));
  }

  /** Metadata arrived: positions and orders in the contract learn their root and value. */
  private void applyContract(Contract contract, QuoteEvent quote) {
    Position position = facts.position(contract.id());
    if (position != null) {
      position.setRoot(contract.root());
      facts.updatePosition(position, positionRoot);
      if (quote != null) {
        value(position, quote);
      }
    }
    for (SessionFacts.Held<Order> held : facts.orders()) {
      if (held.fact().getContractId().equals(contract.id())) {
        held.fact().setRoot(contract.root());
        facts.updateOrder(held.fact(), orderRoot);
      }
    }
  }

  /**
   * Values a position at the quote's mark (last price, else the side's closing price): its
   * {@link Valuation} is inserted at the first price, then working memory hears only of the
   * properties that changed: a quote that moves only the other side of the book wakes no rule,
   * and a newer quote at the same mark wakes only what reads the quote's time. Whether the quote
   * is stale is judged here, on the session clock the rules fire at. True when working memory
   * heard of it.
   */
  private boolean value(Position position, QuoteEvent quote) {
    String contractId = position.getContractId();
    valuedWith.put(contractId, quote);
    Contract contract = contracts.apply(contractId);
    Double mark = markOf(quote, position);
    if (contract == null || mark == null) {
      return false;
    }
    Instant quoteTime = quote.quoteTime() != null ? quote.quoteTime() : quote.ts();
    boolean stale = QuoteAge.isStale(quoteTime, clock.now(), maxQuoteAge);
    Valuation valuation = facts.valuation(contractId);
    if (valuation == null) {
      valuation = new Valuation(accountId, contractId);
      valuation.revalue(position, mark, quoteTime, stale, contract);
      facts.insertValuation(valuation);
      return true;
    }
    switch (valuation.revalue(position, mark, quoteTime, stale, contract)) {
      case FULL -> facts.revalueWholly(valuation, revalued);
      case PRICE -> facts.updateValuation(valuation, priceMoved);
      case QUOTE_TIME -> facts.updateValuation(valuation, quoteAged);
      case UNCHANGED -> {
        return false;
      }
    }
    return true;
  }

  private static Double markOf(QuoteEvent quote, Position position) {
    if (quote.lastPrice() != null) {
      return quote.lastPrice();
    }
    return position.getSignedSize() > 0 ? quote.bestBid() : quote.bestAsk();
  }

  private String rootOf(String contractId) {
    Contract contract = contracts.apply(contractId);
    return contract != null ? contract.root() : SymbolRoots.fromContractId(contractId);
  }

  /**
   * Fires the rules and enforces what they decided; repeats while pending enforcements
   * complete, so a rule guarded by one can look again in the same event. The firings of the
   * step are bounded ({@link FiringCap}): a looping rule is stopped there, what it decided
   * until then is enforced.
   */
  private void fireAndEnforce() {
    firings++;
    facts.completeSatisfied();
    firingCap.startStep();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      boolean settled = firingCap.fire();
      List<Decision> decisions = channel.drain();
      if (!decisions.isEmpty()) {
        lockoutSnapshot = facts.lockouts();
        enforcement.enforce(decisions);
      }
      if (!settled || !facts.completeSatisfied()) {
        break;
      }
    }
    if (day != null) {
      wakeAt = nextWake();
    }
  }

  /**
   * Trades of trading days before {@code oldest} leave working memory and the duplicate check
   * (a trade has no expiry of its own, see {@link Trade}).
   */
  private void forgetTradesBefore(LocalDate oldest) {
    trades.values().removeIf(held -> {
      if (!held.trade().tradingDay().isBefore(oldest)) {
        return false;
      }
      session.delete(held.handle());
      return true;
    });
  }

  @Override
  public void close() {
    session.dispose();
  }
}
