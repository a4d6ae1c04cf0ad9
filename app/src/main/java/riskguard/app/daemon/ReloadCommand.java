package riskguard.app.daemon;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import riskguard.config.ConfigException;
import riskguard.config.ConfigLoader;
import riskguard.db.Database;
import riskguard.db.DatabaseException;
import riskguard.db.RulePackageRepository;
import riskguard.db.RulePackageRow;

/**
 * {@code riskguard reload}: makes the running daemon reload its rule directory and config file
 * now (SIGHUP to the process holding the database), then reports the rule package it
 * recorded. The daemon also reloads by itself when a file changes; this forces it.
 */
@Command(
    name = "reload",
    mixinStandardHelpOptions = true,
    description = {
      "Make the running daemon reload its rules and config now (it also does when a file changes).",
      "Exit codes: 0 reloaded, 1 no daemon running, 2 config invalid, 4 the new rules were rejected."
    })
public final class ReloadCommand implements Callable<Integer> {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @Option(names = "--config", paramLabel = "FILE", defaultValue = "config/riskguard.yaml",
      description = "The config file the daemon runs with: its database names the daemon (default: ${DEFAULT-VALUE}).")
  Path configFile;

  @Option(names = "--db", paramLabel = "FILE",
      description = "The daemon's database, instead of reading it from the config.")
  Path databaseFile;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path database;
    try {
      database = databaseFile != null ? databaseFile.toAbsolutePath() : ConfigLoader.load(configFile).database();
    } catch (ConfigException e) {
      err.println("riskguard reload: config " + configFile + " is invalid:");
      e.errors().forEach(error -> err.println("  " + error));
      err.flush();
      return 2;
    }
    OptionalLong pid = Database.runningDaemon(database);
    if (pid.isEmpty()) {
      err.println("riskguard reload: no daemon is running on database " + database
          + " (start one with `riskguard run`)");
      err.flush();
      return 1;
    }
    Optional<RulePackageRow> before = latest(database);
    try {
      signal(pid.getAsLong());
    } catch (IOException e) {
      err.println("riskguard reload: cannot signal the daemon (pid " + pid.getAsLong() + "): " + e.getMessage());
      err.flush();
      return 1;
    }
    Optional<RulePackageRow> after = awaitNewAttempt(database, before);
    if (after.isEmpty()) {
      out.println("riskguard reload: daemon pid " + pid.getAsLong() + " is reloading; no new rule package recorded"
          + " within " + PATIENCE.toSeconds() + " s (a daemon on the shipped rules reloads its config only): see its log");
      out.flush();
      return 0;
    }
    RulePackageRow row = after.get();
    if (row.status() == RulePackageRow.Status.REJECTED) {
      err.println("riskguard reload: the rules in " + row.sourceDir() + " were rejected; the daemon keeps running the"
          + " package it had:");
      row.errors().lines().forEach(error -> err.println("  " + error));
      err.flush();
      return 4;
    }
    out.println("riskguard reload: daemon pid " + pid.getAsLong() + " runs rule package " + row.version() + " from "
        + row.sourceDir());
    out.flush();
    return 0;
  }

  private static void signal(long pid) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(pid)).redirectErrorStream(true).start();
    String output = new String(kill.getInputStream().readAllBytes()).strip();
    if (kill.waitFor() != 0) {
      throw new IOException(output.isEmpty() ? "kill -HUP failed" : output);
    }
  }

  private static Optional<RulePackageRow> awaitNewAttempt(Path database, Optional<RulePackageRow> before)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<RulePackageRow> latest = latest(database);
      if (latest.isPresent() && !latest.equals(before)) {
        return latest;
      }
      Thread.sleep(100);
    }
    return Optional.empty();
  }

  private static Optional<RulePackageRow> latest(Path database) {
    try (Database readOnly = Database.openReadOnly(database)) {
      return new RulePackageRepository(readOnly).latest();
    } catch (DatabaseException e) {
      return Optional.empty();
    }
  }
}
