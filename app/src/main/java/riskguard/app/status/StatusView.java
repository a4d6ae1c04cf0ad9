package riskguard.app.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import riskguard.app.daemon.DaemonEndpoint;
import riskguard.app.daemon.StatusDocument;
import riskguard.app.daemon.StatusJson;
import riskguard.config.RulesConfig;
import riskguard.config.TradingDay;

/**
 * One look at the guarded accounts: the running daemon's status endpoint (found through the
 * {@code <database>.endpoint} file it advertises), or, when no daemon answers, what the database
 * holds — opened read-only for each look, so a running daemon keeps its lock.
 */
public final class StatusView {

  static final String NOT_RUNNING = "daemon not running — showing the last stored state";
  private static final int DECISIONS_SHOWN = 8;

  private final Path databaseFile;
  private final StoredStatus stored;
  private final StatusScreen screen;
  private final DaemonClient daemon = new DaemonClient();
  private final Clock clock;

  /** {@code limits} null shows no limits from the database (the config was not given). */
  public StatusView(Path databaseFile, TradingDay tradingDay, RulesConfig limits, Clock clock) {
    this.databaseFile = databaseFile;
    this.stored = new StoredStatus(databaseFile, tradingDay, limits);
    this.screen = new StatusScreen(tradingDay.timezone(), DECISIONS_SHOWN);
    this.clock = clock;
  }

  /** What a look found, and why it is the database's when it is. */
  record Look(StatusDocument status, String notLive) {}

  /** The screen's text; throws IllegalStateException naming the file when there is no daemon and no database. */
  public String render() throws InterruptedException {
    Look look = look();
    return screen.render(look.status(), look.notLive());
  }

  /** The status as JSON: the daemon's {@code GET /status} answer, or the database's in the same shape. */
  public String json() throws InterruptedException {
    try {
      return StatusJson.mapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(look().status())
          + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the status as JSON", e);
    }
  }

  Look look() throws InterruptedException {
    Optional<DaemonEndpoint> endpoint = DaemonEndpoint.find(databaseFile);
    String notLive = NOT_RUNNING;
    if (endpoint.isPresent() && endpoint.get().isAlive()) {
      try {
        return new Look(daemon.status(endpoint.get()), null);
      } catch (IOException e) {
        notLive = "daemon pid " + endpoint.get().pid() + " does not answer (" + e.getMessage()
            + ") — showing the last stored state";
      }
    }
    if (!Files.isRegularFile(databaseFile)) {
      throw new IllegalStateException("no riskguard daemon running and no database at " + databaseFile
          + " (has `riskguard run` or `riskguard demo` been run with it?)");
    }
    return new Look(stored.read(clock.instant(), DECISIONS_SHOWN), notLive);
  }
}
