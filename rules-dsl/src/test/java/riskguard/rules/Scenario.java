package riskguard.rules;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import riskguard.config.PnlBasis;
import riskguard.config.TradingDay;
import riskguard.engine.enforcement.Action;
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
import riskguard.engine.model.Contract;
import riskguard.engine.model.Lockout;
import riskguard.engine.model.OrderSide;
import riskguard.engine.model.OrderStatus;
import riskguard.engine.model.OrderType;
import riskguard.engine.model.PositionType;
import riskguard.engine.model.RiskSettings;
import riskguard.engine.session.Engine;
import riskguard.engine.session.EngineSettings;
import riskguard.engine.session.RulePackage;

/**
 * A trading day for one account, replayed through the real engine and the shipped rule
 * package (compiled from this module's sources, once per test run). Times are UTC; the
 * trading day resets at 17:00 New York (21:00 or 22:00 UTC).
 */
final class Scenario implements AutoCloseable {

  static final long ACCOUNT = 12345;
  static final String MNQ = "CON.F.US.MNQ.H25";
  static final String ES = "CON.F.US.EP.Z25";
  static final String NQ = "CON.F.US.ENQ.H25";
  static final String MNQ_JUNE = "CON.F.US.MNQ.M25";

  private static RulePackage shipped;

  final List<Decision> decisions = new ArrayList<>();
  final List<List<Decision>> executed = new ArrayList<>();
  private final Engine engine;
  private final AtomicLong positionIds = new AtomicLong();

  Scenario(PnlBasis basis, Object... ruleSections) {
    this(rules(), basis, ruleSections);
  }

  /** A day under another package than the shipped one, e.g. the shipped rules plus a user's own. */
  Scenario(RulePackage rules, PnlBasis basis, Object... ruleSections) {
    EngineSettings settings = new EngineSettings(
        TradingDay.defaults(), new RiskSettings(basis, Duration.ofSeconds(10)), List.of(ruleSections));
    EnforcementService enforcement = new EnforcementService(decisions::add, executed::add);
    engine = Engine.replay(rules, settings, enforcement);
    engine.addContract(Contract.of(MNQ, "MNQH5", 0.25, 0.5, "F.US.MNQ"));
    engine.addContract(Contract.of(MNQ_JUNE, "MNQM5", 0.25, 0.5, "F.US.MNQ"));
    engine.addContract(Contract.of(ES, "ESZ5", 0.25, 12.5, "F.US.EP"));
    engine.addContract(Contract.of(NQ, "NQH5", 0.25, 5.0, "F.US.ENQ"));
  }

  Scenario(Object... ruleSections) {
    this(PnlBasis.NET, ruleSections);
  }

  static synchronized RulePackage rules() {
    if (shipped == null) {
      shipped = RulePackage.compile(Path.of("src/main/resources/rules"));
    }
    return shipped;
  }

  Engine engine() {
    return engine;
  }

  Scenario apply(InputEvent event) {
    engine.apply(event);
    return this;
  }

  Scenario contract(String at, Contract contract) {
    return apply(new ContractEvent(Instant.parse(at), contract));
  }

  /** An account update; {@code canTrade} null is an update that leaves the field out. */
  Scenario account(String at, Boolean canTrade) {
    return apply(new AccountEvent(Instant.parse(at), ACCOUNT, "50K-COMBINE", 50_000.0, canTrade));
  }

  Scenario position(String at, String contractId, PositionType type, int size, double averagePrice) {
    Instant ts = Instant.parse(at);
    return apply(new PositionEvent(ts, ACCOUNT, positionIds.incrementAndGet(), contractId, ts, type, size, averagePrice));
  }

  Scenario flat(String at, String contractId) {
    return position(at, contractId, PositionType.LONG, 0, 0.0);
  }

  Scenario trade(String at, long id, String contractId, Double pnl, double fees) {
    return trade(at, id, contractId, pnl, fees, false);
  }

  Scenario trade(String at, long id, String contractId, Double pnl, double fees, boolean voided) {
    Instant ts = Instant.parse(at);
    return apply(new TradeEvent(ts, ACCOUNT, id, contractId, ts, 21000.0, pnl, fees, OrderSide.SELL, 1, voided, null));
  }

  Scenario order(String at, long id, String contractId, OrderStatus status, OrderType type, OrderSide side, Double stop) {
    return order(at, id, contractId, status, type, side, stop, null);
  }

  Scenario order(String at, long id, String contractId, OrderStatus status, OrderType type, OrderSide side, Double stop,
      String customTag) {
    Instant ts = Instant.parse(at);
    return apply(new OrderEvent(ts, ACCOUNT, id, contractId, status, type, side, 1, null, stop, ts, ts, customTag));
  }

  Scenario quote(String at, String contractId, double last) {
    Instant ts = Instant.parse(at);
    return apply(new QuoteEvent(ts, contractId, last, null, null, ts));
  }

  Scenario tick(String at) {
    return apply(new ClockTick(Instant.parse(at)));
  }

  List<Decision> decisions(String rule) {
    return decisions.stream().filter(decision -> decision.rule().equals(rule)).toList();
  }

  List<Action> actions(String rule) {
    return decisions(rule).stream().map(Decision::action).toList();
  }

  List<Lockout> lockouts() {
    return engine.lockouts(ACCOUNT);
  }

  @Override
  public void close() {
    engine.close();
  }
}
