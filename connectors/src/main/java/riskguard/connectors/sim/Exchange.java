package riskguard.connectors.sim;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.Consumer;
import riskguard.connectors.projectx.model.Account;
import riskguard.connectors.projectx.model.Bracket;
import riskguard.connectors.projectx.model.MarketTrade;
import riskguard.connectors.projectx.model.Order;
import riskguard.connectors.projectx.model.OrderSide;
import riskguard.connectors.projectx.model.OrderStatus;
import riskguard.connectors.projectx.model.OrderType;
import riskguard.connectors.projectx.model.PlaceOrderRequest;
import riskguard.connectors.projectx.model.Position;
import riskguard.connectors.projectx.model.Quote;
import riskguard.connectors.projectx.model.Trade;

/**
 * The simulated venue: accounts, the market's top of book, working orders, net positions and
 * fills. Every public operation runs under this object's lock and publishes what changed to the
 * {@link VenueListener} in the order it happened, so hub subscribers see a consistent story.
 *
 * <p>Matching: market orders fill at the touch (buy at the ask, sell at the bid). A limit
 * that is marketable when placed fills at the touch; a resting limit fills at its own price
 * when the opposite touch reaches it. Stops trigger when the touch they would fill at reaches
 * the stop (buy stop: ask ≥ stop; sell stop: bid ≤ stop) and fill at that touch. A stop-limit
 * becomes a limit when triggered. A trailing stop keeps its stop {@code trailPrice} points
 * behind the best touch seen and only ever moves in the protective direction.
 */
final class Exchange {

  private static final int MAX_MATCH_PASSES = 100;

  private final ContractCatalogue catalogue;
  private final Clock clock;
  private final VenueListener listener;
  private final Random random;
  private final Map<Long, AccountBook> accounts = new LinkedHashMap<>();
  private final Map<String, QuoteBook> books = new LinkedHashMap<>();
  private final Map<Long, WorkingOrder> orders = new LinkedHashMap<>();
  /**
   * The orders that may still be open, in the order placed: matching and the open-order
   * search look only here, so their cost does not grow with every order of the session.
   * An order never opens again once filled or cancelled; those are dropped as they are met.
   */
  private final Map<Long, WorkingOrder> working = new LinkedHashMap<>();
  private final Map<String, NetPosition> positions = new HashMap<>();
  private final List<Trade> trades = new ArrayList<>();
  private long nextOrderId = 9001;
  private long nextTradeId = 8001;
  private long nextPositionId = 501;

  /** Mutable account state. */
  private static final class AccountBook {
    final long id;
    final String name;
    BigDecimal balance;
    boolean canTrade;

    AccountBook(SimAccount account) {
      this.id = account.id();
      this.name = account.name();
      this.balance = BigDecimal.valueOf(account.balance());
      this.canTrade = account.canTrade();
    }

    Account view() {
      return new Account(id, name, balance.doubleValue(), canTrade, true, true);
    }
  }

  Exchange(ContractCatalogue catalogue, List<SimAccount> startAccounts, Clock clock, long seed,
      VenueListener listener) {
    this.catalogue = catalogue;
    this.clock = clock;
    this.listener = listener;
    this.random = new Random(seed);
    OffsetDateTime now = now();
    startAccounts.forEach(a -> accounts.put(a.id(), new AccountBook(a)));
    catalogue.all().forEach(c -> books.put(c.id(), new QuoteBook(c, now)));
  }

  /** The monitor every operation holds; callers may hold it to make a step atomic with theirs. */
  Object lock() {
    return this;
  }

  ContractCatalogue catalogue() {
    return catalogue;
  }

  // ---- queries -------------------------------------------------------------------------

  synchronized List<Account> accounts() {
    return accounts.values().stream().map(AccountBook::view).toList();
  }

  synchronized Optional<Account> account(long accountId) {
    return Optional.ofNullable(accounts.get(accountId)).map(AccountBook::view);
  }

  synchronized boolean hasAccount(long accountId) {
    return accounts.containsKey(accountId);
  }

  synchronized List<Position> openPositions(long accountId) {
    return positions.values().stream()
        .filter(p -> p.accountId == accountId)
        .sorted(Comparator.comparingLong(p -> p.id))
        .map(NetPosition::view)
        .toList();
  }

  synchronized Optional<Position> position(long accountId, String contractId) {
    return Optional.ofNullable(positions.get(key(accountId, contractId))).map(NetPosition::view);
  }

  synchronized List<Order> openOrders(long accountId) {
    return working.values().stream()
        .filter(o -> o.accountId == accountId && o.isOpen())
        .map(WorkingOrder::view)
        .toList();
  }

  synchronized Optional<Order> order(long orderId) {
    return Optional.ofNullable(orders.get(orderId)).map(WorkingOrder::view);
  }

  /** Orders created in [from, to] (to null = open-ended). */
  synchronized List<Order> orders(long accountId, OffsetDateTime from, OffsetDateTime to) {
    return orders.values().stream()
        .filter(o -> o.accountId == accountId && within(o.created, from, to))
        .map(WorkingOrder::view)
        .toList();
  }

  /** Fills made in [from, to] (to null = open-ended). */
  synchronized List<Trade> trades(long accountId, OffsetDateTime from, OffsetDateTime to) {
    return trades.stream()
        .filter(t -> t.accountId() == accountId && within(t.creationTimestamp(), from, to))
        .toList();
  }

  synchronized Quote quote(String contractId) {
    return book(contractId).quote(now());
  }

  /**
   * Hands {@code subscriber} the contract's current quote while no other quote can be published
   * (quotes are published under this lock): a new subscriber gets the current quote before any
   * later one, never a price that a quote published meanwhile has replaced.
   */
  synchronized void withCurrentQuote(String contractId, Consumer<Quote> subscriber) {
    subscriber.accept(quote(contractId));
  }

  /** Every contract's full quote, keyed by contract id in catalogue order. */
  synchronized Map<String, Quote> quotes() {
    OffsetDateTime now = now();
    Map<String, Quote> quotes = new LinkedHashMap<>();
    books.forEach((id, book) -> quotes.put(id, book.quote(now)));
    return quotes;
  }

  private static boolean within(OffsetDateTime t, OffsetDateTime from, OffsetDateTime to) {
    return (from == null || !t.isBefore(from)) && (to == null || !t.isAfter(to));
  }

  // ---- the venue's side ------------------------------------------------------------------

  synchronized void setCanTrade(long accountId, boolean canTrade) {
    AccountBook account = requireAccount(accountId);
    account.canTrade = canTrade;
    listener.account(account.view());
  }

  /** Sets the whole top of book and matches resting orders against it. */
  synchronized void setQuote(String contractId, double bid, double ask, double last) {
    QuoteBook book = book(contractId);
    SimContract c = book.contract;
    if (bid >= ask) {
      throw new IllegalArgumentException(
          "bid " + bid + " must be below ask " + ask + " for " + contractId);
    }
    moveBook(book, onGrid(c, bid, "bid"), onGrid(c, ask, "ask"), onGrid(c, last, "last"), 0);
  }

  /** Sets the last price; the bid is the last price and the ask one tick above it. */
  synchronized void setPrice(String contractId, double last) {
    QuoteBook book = book(contractId);
    long ticks = onGrid(book.contract, last, "price");
    moveBook(book, ticks, ticks + 1, ticks, 0);
  }

  /** Moves the whole book by a number of ticks (negative moves down). */
  synchronized void move(String contractId, long ticks) {
    QuoteBook book = book(contractId);
    moveBook(book, book.bid + ticks, book.ask + ticks, book.last + ticks, 0);
  }

  /** One step of the seeded random walk for every contract: each moves −1, 0 or +1 tick. */
  synchronized void randomStep() {
    for (QuoteBook book : books.values()) {
      long step = random.nextInt(3) - 1;
      long printedVolume = 1 + random.nextInt(10);
      long last = random.nextBoolean() ? book.bid + step : book.ask + step;
      moveBook(book, book.bid + step, book.ask + step, last, printedVolume);
      OffsetDateTime now = now();
      listener.marketTrades(book.contract.id(), List.of(new MarketTrade(
          book.contract.symbolId(), book.contract.price(last), now,
          last >= book.ask ? OrderSide.BID.code() : OrderSide.ASK.code(), printedVolume)));
    }
  }

  private void moveBook(QuoteBook book, long bid, long ask, long last, long printedVolume) {
    OffsetDateTime now = now();
    book.set(bid, ask, last, printedVolume, now);
    listener.quote(book.contract.id(), book.quote(now));
    listener.depth(book.contract.id(), book.depth(now, random));
    match(book);
  }

  // ---- the trader's side -------------------------------------------------------------------

  synchronized Outcome place(PlaceOrderRequest request) {
    long accountId = request.accountId();
    AccountBook account = accounts.get(accountId);
    if (account == null) {
      return Outcome.error(Outcome.ACCOUNT_NOT_FOUND, "Account " + accountId + " not found");
    }
    if (!account.canTrade) {
      return Outcome.error(Outcome.PLACE_ACCOUNT_REJECTED,
          "Account " + accountId + " cannot trade (canTrade is false)");
    }
    Optional<SimContract> contract = catalogue.byId(request.contractId());
    if (contract.isEmpty()) {
      return Outcome.error(Outcome.PLACE_CONTRACT_NOT_FOUND,
          "Contract " + request.contractId() + " not found");
    }
    Optional<String> invalid = invalidReason(accountId, contract.get(), request);
    if (invalid.isPresent()) {
      return Outcome.error(Outcome.ORDER_REJECTED, invalid.get());
    }
    WorkingOrder order = new WorkingOrder(nextOrderId++, accountId, contract.get(), request.type(),
        request.side(), request.size(), request.customTag(), request.stopLossBracket(),
        request.takeProfitBracket(), now());
    price(order, request);
    enter(order);
    listener.order(order.view());
    QuoteBook book = books.get(order.contract.id());
    if (order.type == OrderType.MARKET) {
      fill(order, book.touch(order.side));
    } else if (order.limitTicks != null && order.type != OrderType.STOP_LIMIT && marketable(order, book)) {
      fill(order, book.touch(order.side));
    }
    match(book);
    return Outcome.created(order.id);
  }

  private Optional<String> invalidReason(long accountId, SimContract contract, PlaceOrderRequest request) {
    String where = " for order on " + contract.id() + " in account " + accountId;
    if (request.type() == null || request.type() == OrderType.UNKNOWN || request.side() == null) {
      return Optional.of("type (1..7) and side (0 buy, 1 sell) are required" + where);
    }
    if (request.size() <= 0) {
      return Optional.of("size must be positive, got " + request.size() + where);
    }
    if (request.customTag() != null && orders.values().stream()
        .anyMatch(o -> o.accountId == accountId && request.customTag().equals(o.customTag))) {
      return Optional.of("customTag '" + request.customTag() + "' is already used in account " + accountId);
    }
    boolean needsLimit = request.type() == OrderType.LIMIT || request.type() == OrderType.STOP_LIMIT;
    boolean needsStop = request.type() == OrderType.STOP || request.type() == OrderType.STOP_LIMIT;
    if (needsLimit && request.limitPrice() == null) {
      return Optional.of("limitPrice is required for a " + request.type() + " order" + where);
    }
    if (needsStop && request.stopPrice() == null) {
      return Optional.of("stopPrice is required for a " + request.type() + " order" + where);
    }
    if (request.type() == OrderType.TRAILING_STOP
        && (request.trailPrice() == null || contract.nearestTicks(request.trailPrice()) <= 0)) {
      return Optional.of("trailPrice (a positive distance in points) is required for a trailing stop" + where);
    }
    for (Double price : new Double[] {request.limitPrice(), request.stopPrice()}) {
      if (price != null && contract.ticksOf(price).isEmpty()) {
        return Optional.of("price " + price + " is not a multiple of the tick size "
            + contract.tickSize() + where);
      }
    }
    if (needsStop) {
      QuoteBook book = books.get(contract.id());
      long stop = contract.ticksOf(request.stopPrice()).getAsLong();
      boolean through = request.side() == OrderSide.BID ? stop <= book.ask : stop >= book.bid;
      if (through) {
        return Optional.of("a " + Sides.word(request.side()) + " stop at " + request.stopPrice()
            + " is already through the market (bid " + contract.price(book.bid) + ", ask "
            + contract.price(book.ask) + ")" + where);
      }
    }
    return Optional.empty();
  }

  private void price(WorkingOrder order, PlaceOrderRequest request) {
    SimContract c = order.contract;
    QuoteBook book = books.get(c.id());
    switch (order.type) {
      case JOIN_BID -> order.limitTicks = book.bid;
      case JOIN_ASK -> order.limitTicks = book.ask;
      case TRAILING_STOP -> {
        order.trailTicks = c.nearestTicks(request.trailPrice());
        order.stopTicks = request.stopPrice() != null
            ? c.ticksOf(request.stopPrice()).getAsLong()
            : order.side == OrderSide.ASK ? book.bid - order.trailTicks : book.ask + order.trailTicks;
      }
      default -> {
        if (request.limitPrice() != null) {
          order.limitTicks = c.ticksOf(request.limitPrice()).getAsLong();
        }
        if (request.stopPrice() != null) {
          order.stopTicks = c.ticksOf(request.stopPrice()).getAsLong();
        }
      }
    }
  }

  /**
   * Changes a working order. Modifying an order that is not working (filled, cancelled, unknown)
   * answers errorCode 2 OrderNotFound, as the gateway does for an order it no longer works.
   */
  synchronized Outcome modify(long accountId, long orderId, Integer size, Double limitPrice,
      Double stopPrice, Double trailPrice) {
    AccountBook account = accounts.get(accountId);
    if (account == null) {
      return Outcome.error(Outcome.ACCOUNT_NOT_FOUND, "Account " + accountId + " not found");
    }
    WorkingOrder order = orders.get(orderId);
    if (order == null || order.accountId != accountId || !order.isOpen()) {
      return Outcome.error(Outcome.NOT_FOUND,
          "Order " + orderId + " is not working in account " + accountId);
    }
    if (!account.canTrade) {
      return Outcome.error(Outcome.MODIFY_ACCOUNT_REJECTED, "Account " + accountId + " cannot trade");
    }
    SimContract c = order.contract;
    if (size != null && size <= 0) {
      return Outcome.error(Outcome.MODIFY_REJECTED, "size must be positive, got " + size + " for order " + orderId);
    }
    OptionalLong limit = limitPrice == null ? OptionalLong.empty() : c.ticksOf(limitPrice);
    OptionalLong stop = stopPrice == null ? OptionalLong.empty() : c.ticksOf(stopPrice);
    if ((limitPrice != null && limit.isEmpty()) || (stopPrice != null && stop.isEmpty())) {
      return Outcome.error(Outcome.MODIFY_REJECTED,
          "price is not a multiple of the tick size " + c.tickSize() + " for order " + orderId);
    }
    if (size != null) {
      order.size = size;
    }
    limit.ifPresent(t -> order.limitTicks = t);
    stop.ifPresent(t -> order.stopTicks = t);
    if (trailPrice != null && order.type == OrderType.TRAILING_STOP) {
      order.trailTicks = Math.max(1, c.nearestTicks(trailPrice));
    }
    order.updated = now();
    listener.order(order.view());
    match(books.get(c.id()));
    return Outcome.ok();
  }

  /**
   * Cancels a working order. Cancelling an order that is gone (filled, already cancelled or
   * unknown) answers errorCode 2 OrderNotFound with HTTP 200, as the gateway does; the guard
   * treats that as done.
   */
  synchronized Outcome cancel(long accountId, long orderId) {
    if (!accounts.containsKey(accountId)) {
      return Outcome.error(Outcome.ACCOUNT_NOT_FOUND, "Account " + accountId + " not found");
    }
    WorkingOrder order = orders.get(orderId);
    if (order == null || order.accountId != accountId || !order.isOpen()) {
      return Outcome.error(Outcome.NOT_FOUND,
          "Order " + orderId + " is not working in account " + accountId);
    }
    cancelOrder(order);
    return Outcome.ok();
  }

  /**
   * Flattens a contract with a market order at the touch. Closing a contract that is already
   * flat answers errorCode 2 PositionNotFound with HTTP 200, as the gateway does.
   * Closing is allowed even when canTrade is false: flattening is how risk is taken off.
   */
  synchronized Outcome closeContract(long accountId, String contractId) {
    NetPosition position = positions.get(key(accountId, contractId));
    Optional<Outcome> missing = positionMissing(accountId, contractId, position);
    if (missing.isPresent()) {
      return missing.get();
    }
    return closeWithMarket(position, Math.abs(position.signedSize));
  }

  /** Reduces a position by {@code size} contracts at the touch (size must not exceed it). */
  synchronized Outcome partialClose(long accountId, String contractId, int size) {
    NetPosition position = positions.get(key(accountId, contractId));
    Optional<Outcome> missing = positionMissing(accountId, contractId, position);
    if (missing.isPresent()) {
      return missing.get();
    }
    if (size <= 0 || size > Math.abs(position.signedSize)) {
      return Outcome.error(Outcome.CLOSE_ORDER_REJECTED, "size " + size + " must be between 1 and "
          + Math.abs(position.signedSize) + " to partially close " + contractId + " in account " + accountId);
    }
    return closeWithMarket(position, size);
  }

  private Optional<Outcome> positionMissing(long accountId, String contractId, NetPosition position) {
    if (!accounts.containsKey(accountId)) {
      return Optional.of(Outcome.error(Outcome.ACCOUNT_NOT_FOUND, "Account " + accountId + " not found"));
    }
    if (catalogue.byId(contractId).isEmpty()) {
      return Optional.of(Outcome.error(Outcome.CLOSE_CONTRACT_NOT_FOUND, "Contract " + contractId + " not found"));
    }
    if (position == null) {
      return Optional.of(Outcome.error(Outcome.NOT_FOUND,
          "No open position in " + contractId + " for account " + accountId));
    }
    return Optional.empty();
  }

  private Outcome closeWithMarket(NetPosition position, long size) {
    OrderSide side = position.signedSize > 0 ? OrderSide.ASK : OrderSide.BID;
    WorkingOrder order = new WorkingOrder(nextOrderId++, position.accountId, position.contract,
        OrderType.MARKET, side, (int) size, null, null, null, now());
    enter(order);
    listener.order(order.view());
    QuoteBook book = books.get(position.contract.id());
    fill(order, book.touch(side));
    match(book);
    return Outcome.created(order.id);
  }

  // ---- matching ------------------------------------------------------------------------------

  private void match(QuoteBook book) {
    for (int pass = 0; pass < MAX_MATCH_PASSES; pass++) {
      boolean filledAny = false;
      working.values().removeIf(o -> !o.isOpen());
      List<WorkingOrder> resting = working.values().stream()
          .filter(o -> o.contract == book.contract)
          .toList();
      for (WorkingOrder order : resting) {
        if (order.isOpen() && work(order, book)) {
          filledAny = true;
        }
      }
      if (!filledAny) {
        return;
      }
    }
  }

  /** Lets one resting order react to the book; true when it filled. */
  private boolean work(WorkingOrder order, QuoteBook book) {
    switch (order.type) {
      case LIMIT, JOIN_BID, JOIN_ASK -> {
        return fillRestingLimit(order, book);
      }
      case STOP -> {
        if (stopReached(order, book)) {
          fill(order, book.touch(order.side));
          return true;
        }
        return false;
      }
      case STOP_LIMIT -> {
        if (!order.triggered && stopReached(order, book)) {
          order.triggered = true;
          if (marketable(order, book)) {
            fill(order, book.touch(order.side));
            return true;
          }
          return false;
        }
        return order.triggered && fillRestingLimit(order, book);
      }
      case TRAILING_STOP -> {
        trail(order, book);
        if (stopReached(order, book)) {
          fill(order, book.touch(order.side));
          return true;
        }
        return false;
      }
      default -> {
        return false;
      }
    }
  }

  private boolean fillRestingLimit(WorkingOrder order, QuoteBook book) {
    if (marketable(order, book)) {
      fill(order, order.limitTicks);
      return true;
    }
    return false;
  }

  private static boolean marketable(WorkingOrder order, QuoteBook book) {
    return order.side == OrderSide.BID ? book.ask <= order.limitTicks : book.bid >= order.limitTicks;
  }

  private static boolean stopReached(WorkingOrder order, QuoteBook book) {
    return order.side == OrderSide.BID ? book.ask >= order.stopTicks : book.bid <= order.stopTicks;
  }

  private void trail(WorkingOrder order, QuoteBook book) {
    long candidate = order.side == OrderSide.ASK ? book.bid - order.trailTicks : book.ask + order.trailTicks;
    boolean better = order.side == OrderSide.ASK ? candidate > order.stopTicks : candidate < order.stopTicks;
    if (better) {
      order.stopTicks = candidate;
      order.updated = now();
      listener.order(order.view());
    }
  }

  private void cancelOrder(WorkingOrder order) {
    order.status = OrderStatus.CANCELLED;
    order.updated = now();
    listener.order(order.view());
    cancelPartner(order);
  }

  private void cancelPartner(WorkingOrder order) {
    if (order.ocoPartnerId != null) {
      WorkingOrder partner = orders.get(order.ocoPartnerId);
      if (partner != null && partner.isOpen()) {
        partner.status = OrderStatus.CANCELLED;
        partner.updated = now();
        listener.order(partner.view());
      }
    }
  }

  // ---- fills ---------------------------------------------------------------------------------

  /**
   * Fills the whole order at a price: updates the order, the net position (open, add, reduce,
   * close or flip), the account balance (P&amp;L minus fees) and publishes order, trade,
   * position(s) and account, in that order.
   */
  private void fill(WorkingOrder order, long priceTicks) {
    OffsetDateTime now = now();
    SimContract c = order.contract;
    AccountBook account = accounts.get(order.accountId);
    String positionKey = key(order.accountId, c.id());
    NetPosition position = positions.get(positionKey);
    long signedQuantity = (long) Sides.sign(order.side) * order.size;

    List<Position> positionEvents = new ArrayList<>();
    BigDecimal pnl = null;
    if (position == null) {
      position = new NetPosition(nextPositionId++, order.accountId, c, now, signedQuantity, priceTicks);
      positions.put(positionKey, position);
      positionEvents.add(position.view());
    } else if (Long.signum(position.signedSize) == Long.signum(signedQuantity)) {
      position.add(signedQuantity, priceTicks);
      positionEvents.add(position.view());
    } else {
      long closing = Math.min(Math.abs(position.signedSize), Math.abs(signedQuantity));
      pnl = position.realize(closing, priceTicks);
      long remaining = position.signedSize + signedQuantity;
      if (remaining == 0) {
        positions.remove(positionKey);
        positionEvents.add(position.closedView());
      } else if (Long.signum(remaining) == Long.signum(position.signedSize)) {
        position.signedSize = remaining;
        positionEvents.add(position.view());
      } else {
        positionEvents.add(position.closedView());
        NetPosition flipped = new NetPosition(nextPositionId++, order.accountId, c, now, remaining, priceTicks);
        positions.put(positionKey, flipped);
        positionEvents.add(flipped.view());
      }
    }
    BigDecimal fees = c.feePerSide().multiply(BigDecimal.valueOf(order.size));
    account.balance = account.balance.add(pnl == null ? BigDecimal.ZERO : pnl).subtract(fees);

    order.status = OrderStatus.FILLED;
    order.fillVolume = order.size;
    order.filledTicks = priceTicks;
    order.updated = now;
    Trade trade = new Trade(nextTradeId++, order.accountId, c.id(), now, c.price(priceTicks),
        pnl == null ? null : pnl.doubleValue(), fees.doubleValue(), order.side, order.size, false, order.id);
    trades.add(trade);
    books.get(c.id()).addVolume(order.size);

    listener.order(order.view());
    listener.trade(trade);
    positionEvents.forEach(listener::position);
    listener.account(account.view());
    listener.marketTrades(c.id(), List.of(new MarketTrade(
        c.symbolId(), c.price(priceTicks), now, order.side.code(), (long) order.size)));

    cancelPartner(order);
    placeBrackets(order, priceTicks);
  }

  private void placeBrackets(WorkingOrder parent, long fillTicks) {
    WorkingOrder stopLoss = bracketLeg(parent, parent.stopLossBracket, fillTicks, -1);
    WorkingOrder takeProfit = bracketLeg(parent, parent.takeProfitBracket, fillTicks, +1);
    if (stopLoss != null && takeProfit != null) {
      stopLoss.ocoPartnerId = takeProfit.id;
      takeProfit.ocoPartnerId = stopLoss.id;
    }
  }

  /** A leg {@code ticks} away from the fill: against the position for a stop, with it for a target. */
  private WorkingOrder bracketLeg(WorkingOrder parent, Bracket bracket, long fillTicks, int direction) {
    if (bracket == null || bracket.ticks() <= 0) {
      return null;
    }
    long offset = (long) direction * Sides.sign(parent.side) * bracket.ticks();
    long legTicks = fillTicks + offset;
    OrderSide side = Sides.opposite(parent.side);
    OrderType type = bracket.type() == null || bracket.type() == OrderType.UNKNOWN
        ? (direction < 0 ? OrderType.STOP : OrderType.LIMIT)
        : bracket.type();
    WorkingOrder leg = new WorkingOrder(nextOrderId++, parent.accountId, parent.contract, type, side,
        parent.size, null, null, null, now());
    switch (type) {
      case STOP -> leg.stopTicks = legTicks;
      case STOP_LIMIT -> {
        leg.stopTicks = legTicks;
        leg.limitTicks = legTicks;
      }
      case TRAILING_STOP -> {
        leg.trailTicks = (long) bracket.ticks();
        leg.stopTicks = legTicks;
      }
      default -> leg.limitTicks = legTicks;
    }
    enter(leg);
    listener.order(leg.view());
    return leg;
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private void enter(WorkingOrder order) {
    orders.put(order.id, order);
    working.put(order.id, order);
  }

  private QuoteBook book(String contractId) {
    QuoteBook book = books.get(contractId);
    if (book == null) {
      throw new IllegalArgumentException("unknown contract " + contractId
          + "; the catalogue has " + books.keySet());
    }
    return book;
  }

  private AccountBook requireAccount(long accountId) {
    AccountBook account = accounts.get(accountId);
    if (account == null) {
      throw new IllegalArgumentException("unknown account " + accountId + "; the simulator has " + accounts.keySet());
    }
    return account;
  }

  private static long onGrid(SimContract c, double price, String what) {
    return c.ticksOf(price).orElseThrow(() -> new IllegalArgumentException(
        what + " " + price + " is not a multiple of the tick size " + c.tickSize() + " of " + c.id()));
  }

  /** Gateway timestamps: UTC with an offset, microsecond precision (the gateway sends up to 7 digits). */
  private OffsetDateTime now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  private static String key(long accountId, String contractId) {
    return accountId + "|" + contractId;
  }
}
