package riskguard.app.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import riskguard.config.RulesConfig;
import riskguard.config.TradingDay;
import riskguard.db.Database;

/** One status screen of a database: opened read-only for each look, so a running daemon keeps its lock. */
public final class StatusView {

  private static final int DECISIONS_SHOWN = 8;

  private final Path databaseFile;
  private final TradingDay tradingDay;
  private final StatusScreen screen;
  private final Clock clock;

  /** {@code limits} null shows no limits (the config was not given). */
  public StatusView(Path databaseFile, TradingDay tradingDay, RulesConfig limits, Clock clock) {
    this.databaseFile = databaseFile;
    this.tradingDay = tradingDay;
    this.screen = new StatusScreen(limits, tradingDay.timezone());
    this.clock = clock;
  }

  /** The screen's text; throws IllegalStateException naming the file when there is no database. */
  public String render() {
    if (!Files.isRegularFile(databaseFile)) {
      throw new IllegalStateException("no riskguard database at " + databaseFile
          + " (has `riskguard run` or `riskguard demo` been run with it?)");
    }
    try (Database database = Database.openReadOnly(databaseFile)) {
      var now = clock.instant();
      return screen.render(databaseFile.toString(), new StatusReader(database, tradingDay).read(now, DECISIONS_SHOWN),
          now);
    }
  }
}
