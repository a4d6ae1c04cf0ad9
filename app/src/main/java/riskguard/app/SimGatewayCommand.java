package riskguard.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import riskguard.connectors.projectx.model.Account;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.Hub;
import riskguard.connectors.sim.SimAccount;
import riskguard.connectors.sim.SimContract;

/** {@code riskguard sim-gateway}: a local ProjectX-compatible gateway to trade against. */
@Command(
    name = "sim-gateway",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the local ProjectX-compatible gateway simulator on 127.0.0.1 until Ctrl-C:",
        "the REST API, the user and market SignalR hubs, a moving market, a matching engine,",
        "and an admin surface under /sim/ to act as the trader or the venue."})
final class SimGatewayCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "18080", description = "Port on 127.0.0.1 (0 = any free port). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the random walk. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--accounts", paramLabel = "ID[:NAME[:BALANCE]],…",
      description = "Accounts to simulate. Default: 536:50KTC-SIM-536:50000.")
  String accounts;

  @Option(names = "--user", paramLabel = "NAME:API_KEY",
      description = "Login to accept instead of the demo login (user '" + GatewaySimulator.DEMO_USER + "').")
  String user;

  @Option(names = "--quote-interval-ms", defaultValue = "500",
      description = "Milliseconds between random-walk steps (0 = prices move only when set). Default: ${DEFAULT-VALUE}.")
  long quoteIntervalMillis;

  @Option(names = "--paused", description = "Start with the random walk paused.")
  boolean paused;

  @Option(names = "--no-rate-limit", negatable = false, description = "Do not enforce the gateway's rate limits.")
  boolean noRateLimit;

  @Option(names = "--record", paramLabel = "FILE", description = "Write every published hub event to FILE (recording format).")
  Path record;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    GatewaySimulator.Builder builder = GatewaySimulator.builder()
        .port(port)
        .seed(seed)
        .quoteInterval(Duration.ofMillis(quoteIntervalMillis))
        .startPaused(paused)
        .rateLimit(!noRateLimit)
        .recordTo(record);
    try {
      if (accounts != null) {
        SimAccount.parseList(accounts).forEach(builder::account);
      }
      if (user != null) {
        int colon = user.indexOf(':');
        if (colon <= 0 || colon == user.length() - 1) {
          throw new IllegalArgumentException("--user must be NAME:API_KEY");
        }
        builder.user(user.substring(0, colon), user.substring(colon + 1));
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }

    GatewaySimulator simulator = builder.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      simulator.close();
      stopped.countDown();
    }, "sim-gateway-shutdown"));
    describe(simulator, spec.commandLine().getOut());
    stopped.await();
    return 0;
  }

  private void describe(GatewaySimulator sim, PrintWriter out) {
    out.println("ProjectX gateway simulator running (Ctrl-C stops it)");
    out.println("  REST        " + sim.restUrl() + "/api/…");
    out.println("  user hub    " + sim.hubUrl(Hub.USER));
    out.println("  market hub  " + sim.hubUrl(Hub.MARKET));
    for (Map.Entry<String, String> login : sim.users().entrySet()) {
      boolean demo = GatewaySimulator.DEMO_USER.equals(login.getKey()) && user == null;
      out.println("  login       user '" + login.getKey() + "', API key "
          + (demo ? "'" + login.getValue() + "'" : "as given with --user"));
    }
    for (Account account : sim.accounts()) {
      out.printf("  account     %d %s $%,.2f%n", account.id(), account.name(), account.balance());
    }
    List<String> contracts = ContractCatalogue.standard().all().stream().map(SimContract::id).toList();
    out.println("  contracts   " + String.join(" ", contracts));
    String market;
    if (quoteIntervalMillis == 0) {
      market = "prices move only when set (POST /sim/market/price or /sim/market/step)";
    } else if (paused) {
      market = "random walk every " + quoteIntervalMillis + " ms, paused (POST /sim/market/resume)";
    } else {
      market = "random walk every " + quoteIntervalMillis + " ms, seed " + seed;
    }
    out.println("  market      " + market);
    out.println("  admin       " + sim.adminUrl() + "/state (GET), /order, /close, /cancel, /market/price,");
    out.println("              /market/pause, /market/resume, /account, /hubs/drop, /failures, /calls, /tokens/revoke");
    if (record != null) {
      out.println("  recording   " + record.toAbsolutePath());
    }
    out.flush();
  }
}
