package riskguard.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import riskguard.app.status.StatusView;
import riskguard.config.ConfigException;
import riskguard.config.ConfigLoader;
import riskguard.config.RiskguardConfig;
import riskguard.config.TradingDay;
import riskguard.db.DatabaseException;

/**
 * {@code riskguard status}: each guarded account's connection, P&amp;L against the limits, positions,
 * lockouts and last decisions, from the running daemon's endpoint, else from the database.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show each guarded account as the running daemon (`riskguard run`) sees it:",
      "connection, day P&L and unrealized P&L against the limits, open positions",
      "and orders, lockouts with time left and the last enforcement decisions.",
      "With no daemon running: what the database holds."
    })
public final class StatusCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE",
      description = "The config file: its database, trading day and limits (default: config/riskguard.yaml).")
  Path configFile;

  @Option(names = "--db", paramLabel = "FILE",
      description = "The database whose daemon (or stored state) to show, without a config.")
  Path databaseFile;

  @Option(names = "--json", description = "Print the status as JSON (the daemon's GET /status answer).")
  boolean json;

  @Option(names = "--watch", paramLabel = "SECONDS", arity = "0..1", fallbackValue = "2",
      description = "Refresh every SECONDS (2 when not given) until Ctrl-C.")
  Integer watchSeconds;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    StatusView view;
    try {
      view = view();
    } catch (ConfigException e) {
      err.println("riskguard status: the config is invalid (" + e.errors().size() + " problem(s)):");
      e.errors().forEach(error -> err.println("  " + error));
      err.flush();
      return 2;
    }
    if (watchSeconds != null && watchSeconds < 1) {
      err.println("riskguard status: --watch needs at least 1 second, got " + watchSeconds);
      err.flush();
      return 2;
    }
    do {
      try {
        String screen = json ? view.json() : view.render();
        if (watchSeconds != null && !json) {
          out.print("\033[H\033[2J");
        }
        out.print(screen);
        out.flush();
      } catch (IllegalStateException | DatabaseException e) {
        err.println("riskguard status: " + e.getMessage());
        err.flush();
        if (watchSeconds == null) {
          return 3;
        }
      }
      if (watchSeconds != null) {
        Thread.sleep(watchSeconds * 1000L);
      }
    } while (watchSeconds != null);
    return 0;
  }

  private StatusView view() {
    if (databaseFile != null && configFile == null) {
      return new StatusView(databaseFile.toAbsolutePath(), TradingDay.defaults(), null, Clock.systemUTC());
    }
    RiskguardConfig config = ConfigLoader.load(configFile != null ? configFile : Path.of("config/riskguard.yaml"));
    Path database = databaseFile != null ? databaseFile.toAbsolutePath() : config.database();
    return new StatusView(database, config.tradingDay(), config.rules(), Clock.systemUTC());
  }
}
