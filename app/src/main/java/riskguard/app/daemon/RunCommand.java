package riskguard.app.daemon;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import riskguard.config.ConfigException;
import riskguard.config.ConfigLoader;
import riskguard.config.RiskguardConfig;

/**
 * {@code riskguard run}: the live daemon in the foreground until SIGTERM / SIGINT. Exit codes
 * name what failed at start: 2 config, 3 database, 4 rules, 5 login refused, 6 no account
 * to guard, 1 anything else. An unreachable gateway is not a failure: the daemon waits for it.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the risk guard: connect to the gateway, reconcile, enforce the rules until stopped (Ctrl-C / SIGTERM).",
      "Exit codes: 0 stopped, 2 config invalid, 3 database in use or unusable, 4 rules do not compile,",
      "5 login refused, 6 no account to guard, 1 other failure."
    })
public final class RunCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE", defaultValue = "config/riskguard.yaml",
      description = "The config file (default: ${DEFAULT-VALUE}).")
  Path configFile;

  @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "INFO",
      description = "TRACE, DEBUG, INFO, WARN or ERROR (default: ${DEFAULT-VALUE}).")
  String logLevel;

  @Option(names = "--record", paramLabel = "DIR",
      description = "Write what the daemon sees to a recording in DIR (overrides the config's record).")
  Path recordDir;

  @Option(names = "--rules", paramLabel = "DIR",
      description = "Rule package directory (overrides the config's rules_dir).")
  Path rulesDir;

  @Option(names = "--no-warmup", negatable = false,
      description = "Start without warming the rules up on a synthetic trading day (at start and after a rule"
          + " reload): the first breach then pays for compiling the rules' code as it runs.")
  boolean noWarmup;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    try {
      LogSetup.level(logLevel);
    } catch (IllegalArgumentException e) {
      err.println("riskguard run: " + e.getMessage());
      err.flush();
      return DaemonException.Step.CONFIG.exitCode();
    }
    RiskguardConfig config;
    try {
      config = ConfigLoader.load(configFile);
    } catch (ConfigException e) {
      err.println("riskguard run: config " + configFile + " is invalid (" + e.errors().size() + " problem"
          + (e.errors().size() == 1 ? ")" : "s)") + ":");
      e.errors().forEach(error -> err.println("  " + error));
      err.flush();
      return DaemonException.Step.CONFIG.exitCode();
    }
    LogSetup.toFile(config.database().toAbsolutePath().getParent().resolve("logs"));
    Daemon daemon;
    try {
      daemon = Daemon.start(options(config));
    } catch (DaemonException e) {
      return report(err, e);
    }
    reloadOnHangup(daemon);
    Thread shutdown = new Thread(daemon::close, "riskguard-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);
    Optional<DaemonException> failure = daemon.awaitStopped();
    if (failure.isEmpty()) {
      return 0;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdown);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or has run; nothing left to remove
    }
    return report(err, failure.get());
  }

  /** The daemon's options as the command line sets them. */
  DaemonOptions options(RiskguardConfig config) {
    return new DaemonOptions(config, rulesDir, recordDir, DaemonListener.NONE, !noWarmup);
  }

  /** SIGHUP (sent by {@code riskguard reload}) reloads the rules and the config, as a changed file does. */
  @SuppressWarnings("sunapi")
  private static void reloadOnHangup(Daemon daemon) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> daemon.reload());
    } catch (IllegalArgumentException unsupported) {
      LoggerFactory.getLogger(RunCommand.class).warn("SIGHUP cannot be handled here ({}); the daemon still reloads"
          + " when a rule or config file changes", unsupported.getMessage());
    }
  }

  private static int report(PrintWriter err, DaemonException failure) {
    err.println("riskguard run: " + failure.getMessage());
    err.flush();
    return failure.step().exitCode();
  }
}
