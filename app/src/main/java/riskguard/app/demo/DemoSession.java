package riskguard.app.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import riskguard.app.daemon.Daemon;
import riskguard.app.daemon.DaemonException;
import riskguard.app.daemon.DaemonOptions;
import riskguard.app.daemon.DaemonSnapshot.AccountSnapshot;
import riskguard.config.ConfigLoader;
import riskguard.config.RiskguardConfig;
import riskguard.config.RuleDescriptions;
import riskguard.connectors.projectx.model.Order;
import riskguard.connectors.projectx.model.OrderStatus;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.SimAccount;
import riskguard.connectors.sim.SimTrader;
import riskguard.engine.enforcement.Action;
import riskguard.engine.model.Lockout;

/**
 * The demo's story: a simulated account, the live daemon guarding it, and a trader who breaks
 * two limits. Each step waits until riskguard's answer is visible on the simulator, so the
 * output shows cause and effect in order; the session fails when an expected answer never comes.
 */
public final class DemoSession {

  static final long ACCOUNT = 1001;
  private static final String MNQ = ContractCatalogue.MNQ;
  private static final String ES = ContractCatalogue.ES;
  private static final Duration PATIENCE = Duration.ofSeconds(15);
  private static final Duration QUIET = Duration.ofMillis(300);
  private static final Set<Action> GATEWAY_ACTIONS = EnumSet.of(Action.CLOSE_POSITION, Action.REDUCE_POSITION,
      Action.CLOSE_ALL, Action.CANCEL_ORDER, Action.CANCEL_ALL_ORDERS, Action.PLACE_STOP, Action.MOVE_STOP);
  private static final Set<String> FINISHED = Set.of("SUCCEEDED", "FAILED", "SKIPPED");

  private final DemoOutput out;
  private final Path configFile;
  private final Path dataDir;
  private final long paceMillis;
  private boolean allAsExpected = true;

  public DemoSession(PrintStream stream, Path configFile, Path dataDir, long paceMillis) {
    this.out = new DemoOutput(stream);
    this.configFile = configFile;
    this.dataDir = dataDir.toAbsolutePath();
    this.paceMillis = paceMillis;
  }

  /** Plays the whole story; true when riskguard did everything the story expects. */
  public boolean run() throws Exception {
    freshDataDir();
    DemoLogging.toFile(dataDir.resolve("logs/riskguard.log"));
    out.title("riskguard demo: a simulated TopstepX account, guarded live");
    try (GatewaySimulator sim = startSimulator()) {
      RiskguardConfig config = configFor(sim);
      out.line("gateway", "simulator at " + sim.restUrl() + ", account " + ACCOUNT + " (DEMO-50K, $50,000)");
      for (String sentence : RuleDescriptions.describe(config)) {
        out.line("rule", sentence);
      }
      StoryListener listener = new StoryListener(out);
      try (Daemon daemon = Daemon.start(DaemonOptions.of(config).withListener(listener))) {
        if (!daemon.awaitReady(PATIENCE)) {
          out.problem("the daemon did not connect to the simulator in " + PATIENCE.toSeconds() + " s");
          return false;
        }
        Story story = new Story(sim, sim.trader(ACCOUNT), daemon, listener);
        story.tooManyContracts();
        story.settle();
        story.losingDay();
        story.settle();
        story.tradingWhileLockedOut();
        story.settle();
        story.summary();
      } catch (DaemonException e) {
        out.problem("riskguard could not start: " + e.getMessage());
        return false;
      }
    }
    return allAsExpected;
  }

  private GatewaySimulator startSimulator() throws Exception {
    GatewaySimulator sim = GatewaySimulator.builder()
        .port(0)
        .account(SimAccount.of(ACCOUNT, "DEMO-50K", 50_000))
        .quoteInterval(Duration.ZERO)
        .start();
    sim.market().setPrice(MNQ, 21_000.00);
    sim.market().setPrice(ES, 5_800.00);
    return sim;
  }

  private RiskguardConfig configFor(GatewaySimulator sim) {
    Map<String, String> demoEnvironment = Map.of(
        "RISKGUARD_DEMO_GATEWAY", sim.restUrl(),
        "RISKGUARD_DEMO_USER", GatewaySimulator.DEMO_USER,
        "RISKGUARD_DEMO_API_KEY", GatewaySimulator.DEMO_API_KEY,
        "RISKGUARD_DEMO_DATA", dataDir.toString());
    return new ConfigLoader(demoEnvironment).read(configFile);
  }

  private void freshDataDir() throws IOException {
    if (Files.exists(dataDir)) {
      try (Stream<Path> old = Files.walk(dataDir)) {
        for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    Files.createDirectories(dataDir);
  }

  /** The scripted trading session; each method is one act. */
  private final class Story {
    private final GatewaySimulator sim;
    private final SimTrader trader;
    private final Daemon daemon;
    private final StoryListener listener;

    Story(GatewaySimulator sim, SimTrader trader, Daemon daemon, StoryListener listener) {
      this.sim = sim;
      this.trader = trader;
      this.daemon = daemon;
      this.listener = listener;
    }

    /**
     * Waits until every gateway action decided so far has its outcome and riskguard has been quiet
     * for a moment, so an act's last answers are printed under that act, not under the next one.
     */
    void settle() {
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (System.nanoTime() < deadline
          && (actionsUnderway() || listener.silence().compareTo(QUIET) < 0)) {
        sleep(20);
      }
    }

    private boolean actionsUnderway() {
      return daemon.snapshot().accounts().stream()
          .flatMap(account -> account.recentDecisions().stream())
          .anyMatch(step -> GATEWAY_ACTIONS.contains(step.decision().action()) && !FINISHED.contains(step.status()));
    }

    void tooManyContracts() {
      out.act("1. Too many contracts (limit 5)");
      buy(MNQ, 3);
      buy(ES, 2);
      expect("riskguard sees 5 contracts", () -> openContracts() == 5);
      out.note("5 contracts: at the limit, allowed");
      buy(ES, 1);
      expect("every position closed", () -> trader.positions().isEmpty());
      out.note("the account is flat again; day P&L " + money(account().realizedPnl()));
    }

    void losingDay() {
      out.act("2. A losing day (daily loss limit $500)");
      buy(ES, 1);
      priceFalls(ES, 5_796.00);
      double before = account().realizedPnl();
      sell(ES, 1);
      expect("riskguard counts the loss", () -> account().realizedPnl() < before - 100);
      out.note("day P&L " + money(account().realizedPnl()) + " of -$500.00 allowed");
      buy(MNQ, 1);
      long limitOrder = trader.buyLimit(MNQ, 1, 20_950.00);
      out.line("trader", "places a buy limit for 1 MNQ at 20950.00 (order " + limitOrder + ")");
      expect("riskguard sees the MNQ position", () -> openContracts() == 1);
      buy(ES, 1);
      priceFalls(ES, 5_791.00);
      sell(ES, 1);
      expect("the MNQ position closed", () -> trader.positions().isEmpty());
      expect("the resting order cancelled", () -> trader.openOrders().isEmpty());
      out.note("day P&L " + money(account().realizedPnl()) + "; " + lockoutText());
    }

    void tradingWhileLockedOut() {
      out.act("3. Trading while locked out");
      long order = trader.buyLimit(MNQ, 1, 20_990.00);
      out.line("trader", "places a buy limit for 1 MNQ at 20990.00 (order " + order + ")");
      expect("the new order cancelled", () -> trader.order(order).map(Order::status)
          .map(status -> status == OrderStatus.CANCELLED).orElse(true));
      buy(MNQ, 1);
      expect("the new position closed", () -> trader.positions().isEmpty());
    }

    void summary() {
      listener.finish();
      AccountSnapshot account = account();
      out.act("Summary");
      out.line("riskguard", daemon.snapshot().accounts().stream()
          .mapToInt(a -> a.recentDecisions().size()).sum() + " decisions, "
          + sim.calls("/api/Position/closeContract").size() + " close and "
          + sim.calls("/api/Order/cancel").size() + " cancel calls to the gateway");
      out.line("account", (trader.positions().isEmpty() ? "flat" : "NOT flat") + ", "
          + trader.openOrders().size() + " working orders, day P&L " + money(account.realizedPnl())
          + ", balance " + money(trader.account().balance()));
      out.line("lockout", lockoutText());
      out.line("audit", "every decision and gateway call is in " + daemon.databaseFile());
      out.line("logs", dataDir.resolve("logs/riskguard.log").toString());
      out.blank();
      out.verdict(allAsExpected
          ? "riskguard enforced both limits."
          : "Some of riskguard's answers did not come; see the lines marked !! and the log.");
      out.verdict("What riskguard stored, lockout and decisions:  ./riskguard status --db " + daemon.databaseFile());
    }

    private void buy(String contractId, int size) {
      long id = trader.buyMarket(contractId, size);
      out.line("trader", "buys " + size + " " + symbol(contractId) + " at " + fillPrice(id));
      pace();
    }

    private void sell(String contractId, int size) {
      long id = trader.sellMarket(contractId, size);
      out.line("trader", "sells " + size + " " + symbol(contractId) + " at " + fillPrice(id));
      pace();
    }

    private void priceFalls(String contractId, double price) {
      sim.market().setPrice(contractId, price);
      out.line("market", symbol(contractId) + " falls to " + String.format("%.2f", price));
      pace();
    }

    private String fillPrice(long orderId) {
      return trader.order(orderId).map(Order::filledPrice).map(p -> String.format("%.2f", p)).orElse("market");
    }

    private int openContracts() {
      return account().positions().stream().mapToInt(p -> p.size()).sum();
    }

    private AccountSnapshot account() {
      return daemon.snapshot().accounts().stream().filter(a -> a.id() == ACCOUNT).findFirst().orElseThrow();
    }

    private String lockoutText() {
      return account().lockouts().stream()
          .max(Comparator.comparing(l -> l.endsAt() == null ? java.time.Instant.MAX : l.endsAt()))
          .map(DemoSession::describe)
          .orElse("no lockout");
    }

    private void expect(String what, BooleanSupplier condition) {
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (!condition.getAsBoolean()) {
        if (System.nanoTime() > deadline) {
          out.problem("expected: " + what + " (not seen in " + PATIENCE.toSeconds() + " s)");
          allAsExpected = false;
          return;
        }
        sleep(20);
      }
    }

    private void pace() {
      sleep(paceMillis);
    }
  }

  private static String describe(Lockout lockout) {
    if (lockout.endsAt() == null) {
      return "locked out by " + lockout.rule() + " until lifted";
    }
    String local = DateTimeFormatter.ofPattern("HH:mm z").withZone(ZoneId.of("America/New_York"))
        .format(lockout.endsAt());
    return "locked out by " + lockout.rule() + " until " + local + " (the daily reset)";
  }

  private static String symbol(String contractId) {
    return contractId.equals(ES) ? "ES" : contractId.equals(MNQ) ? "MNQ" : contractId;
  }

  static String money(double dollars) {
    return (dollars < 0 ? "-$" : "$") + String.format("%,.2f", Math.abs(dollars));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("demo interrupted", e);
    }
  }
}
