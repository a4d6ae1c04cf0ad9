package riskguard.app.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import riskguard.config.CountType;
import riskguard.config.RulesConfig;
import riskguard.config.Scope;
import riskguard.connectors.projectx.hub.HubConnection;
import riskguard.connectors.projectx.hub.SubscriptionProblem;
import riskguard.connectors.projectx.hub.UserHub;
import riskguard.engine.model.Lockout;
import riskguard.engine.model.SymbolRoots;

/** Turns the daemon's snapshot into the {@link StatusDocument} its endpoint serves. */
final class LiveStatus {

  private final Supplier<RulesConfig> runningLimits;
  private final Instant startedAt;
  private final long pid = ProcessHandle.current().pid();

  /** {@code runningLimits}: the limits in force now, which a config reload changes. */
  LiveStatus(Supplier<RulesConfig> runningLimits, Instant startedAt) {
    this.runningLimits = runningLimits;
    this.startedAt = startedAt;
  }

  /** {@code refused}: every hub's refused subscriptions; each account shows those that concern it. */
  StatusDocument document(String source, DaemonSnapshot snapshot, String userHub, String marketHub,
      List<SubscriptionProblem> refused, ReloadState reload) {
    List<StatusDocument.Account> accounts = new ArrayList<>();
    for (DaemonSnapshot.AccountSnapshot account : snapshot.accounts()) {
      StatusDocument.Hubs hubs = new StatusDocument.Hubs(userHub, marketHub, concerning(account, refused));
      accounts.add(account(account, hubs, snapshot.takenAt()));
    }
    return new StatusDocument(source, true, pid, startedAt,
        Duration.between(startedAt, snapshot.takenAt()).toSeconds(), snapshot.rulePackage(), snapshot.takenAt(),
        snapshot.connection().name(), accounts, reload);
  }

  /**
   * A user-hub subscription concerns the account it names (or every account when it names none,
   * as SubscribeAccounts); a market-hub one every account (quotes of a contract held later).
   */
  static List<String> concerning(DaemonSnapshot.AccountSnapshot account, List<SubscriptionProblem> refused) {
    String id = Long.toString(account.id());
    return refused.stream()
        .filter(problem -> !problem.hub().startsWith(UserHub.HUB) || problem.argument() == null
            || problem.argument().equals(id))
        .map(SubscriptionProblem::describe)
        .toList();
  }

  private StatusDocument.Account account(DaemonSnapshot.AccountSnapshot account, StatusDocument.Hubs hubs,
      Instant now) {
    List<StatusDocument.Position> positions = account.positions().stream()
        .map(p -> new StatusDocument.Position(p.contractId(), p.symbol(), p.type().name(), p.size(), p.averagePrice(),
            p.mark(), p.unrealizedPnl()))
        .toList();
    List<StatusDocument.WorkingOrder> orders = account.workingOrders().stream()
        .map(o -> new StatusDocument.WorkingOrder(o.orderId(), o.contractId(), o.type().name(), o.side().name(),
            o.size(), o.limitPrice(), o.stopPrice()))
        .toList();
    List<StatusDocument.ActiveLockout> lockouts = account.lockouts().stream()
        .map(lockout -> lockout(lockout, now))
        .toList();
    List<StatusDocument.DecisionStep> decisions = new ArrayList<>();
    for (DaemonSnapshot.DecisionSnapshot step : account.recentDecisions()) {
      decisions.add(new StatusDocument.DecisionStep(step.decision().ts(), step.decision().rule(),
          step.decision().action().name(), DecisionText.target(step.decision()).trim(), step.status(), step.detail()));
    }
    Collections.reverse(decisions);
    return new StatusDocument.Account(account.id(), account.name(), account.canTrade(), account.tradingDay(), hubs,
        account.realizedPnl(), account.unrealizedPnl(), account.fees(), account.tradeCount(), limitUses(account),
        positions, orders, lockouts, decisions);
  }

  private static StatusDocument.ActiveLockout lockout(Lockout lockout, Instant now) {
    Long left = lockout.endsAt() == null ? null : Math.max(0, Duration.between(now, lockout.endsAt()).toSeconds());
    return new StatusDocument.ActiveLockout(lockout.rule(), lockout.symbol(), lockout.endsAt(), left, lockout.reason());
  }

  /** The account's figures against every configured limit that has one figure to show. */
  private List<StatusDocument.LimitUse> limitUses(DaemonSnapshot.AccountSnapshot account) {
    RulesConfig limits = runningLimits.get();
    List<StatusDocument.LimitUse> uses = new ArrayList<>();
    if (limits.dailyRealizedLoss() != null) {
      uses.add(StatusDocument.LimitUse.ofLoss("RULE-003", "realized loss", account.realizedPnl(),
          limits.dailyRealizedLoss().limit()));
    }
    if (limits.dailyUnrealizedLoss() != null) {
      double pnl = limits.dailyUnrealizedLoss().scope() == Scope.PER_POSITION
          ? account.positions().stream().mapToDouble(p -> p.unrealizedPnl() == null ? 0 : p.unrealizedPnl()).min()
              .orElse(0)
          : account.unrealizedPnl();
      String measure = limits.dailyUnrealizedLoss().scope() == Scope.PER_POSITION
          ? "unrealized loss (worst position)" : "unrealized loss";
      uses.add(StatusDocument.LimitUse.ofLoss("RULE-004", measure, pnl, limits.dailyUnrealizedLoss().limit()));
    }
    if (limits.maxUnrealizedProfit() != null) {
      uses.add(StatusDocument.LimitUse.of("RULE-005", "unrealized profit", account.unrealizedPnl(),
          limits.maxUnrealizedProfit().target()));
    }
    if (limits.maxContracts() != null) {
      uses.add(StatusDocument.LimitUse.of("RULE-001", "contracts (" + limits.maxContracts().countType().name()
          .toLowerCase(Locale.ROOT) + ")", contracts(account.positions(), limits.maxContracts().countType()),
          limits.maxContracts().limit()));
    }
    return uses;
  }

  /** {@code CONNECTED}, {@code DOWN} (reconnecting) or {@code NOT_STARTED} (before the login). */
  static String hubState(HubConnection hub) {
    if (hub == null) {
      return "NOT_STARTED";
    }
    return hub.isConnected() ? "CONNECTED" : "DOWN";
  }

  /** Gross adds every position's size; net offsets longs against shorts per symbol root first. */
  static int contracts(List<DaemonSnapshot.PositionSnapshot> positions, CountType countType) {
    if (countType == CountType.GROSS) {
      return positions.stream().mapToInt(DaemonSnapshot.PositionSnapshot::size).sum();
    }
    Map<String, Integer> netByRoot = new HashMap<>();
    for (DaemonSnapshot.PositionSnapshot position : positions) {
      netByRoot.merge(SymbolRoots.resolve(position.contractId(), position.symbol()),
          position.size() * position.type().sign(), Integer::sum);
    }
    return netByRoot.values().stream().mapToInt(Math::abs).sum();
  }
}
