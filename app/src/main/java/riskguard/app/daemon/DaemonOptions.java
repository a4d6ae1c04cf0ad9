package riskguard.app.daemon;

import java.nio.file.Path;
import java.util.Objects;
import riskguard.config.RiskguardConfig;

/**
 * How to start a {@link Daemon}.
 *
 * @param config the loaded configuration (gateway, accounts, database, rules)
 * @param rulesDir rule package directory overriding the config's {@code rules_dir}; null keeps
 *     the config's (which itself may be null: the shipped package)
 * @param recordDir where to write a recording of what the daemon saw; null falls back to the
 *     config's {@code record}, which may be null too (no recording)
 * @param listener told about start-up, connection, decisions and their outcome
 * @param warmup whether the daemon warms its rules up at start and after a rule reload, on a
 *     synthetic trading day that has no effect ({@code run --no-warmup} turns it off; see
 *     docs/daemon.md, "Warm-up")
 */
public record DaemonOptions(RiskguardConfig config, Path rulesDir, Path recordDir, DaemonListener listener,
    boolean warmup) {

  public DaemonOptions {
    Objects.requireNonNull(config, "config");
    listener = listener == null ? DaemonListener.NONE : listener;
  }

  /** The config as it is, nothing overridden, nobody listening, warming up. */
  public static DaemonOptions of(RiskguardConfig config) {
    return new DaemonOptions(config, null, null, DaemonListener.NONE, true);
  }

  public DaemonOptions withRulesDir(Path dir) {
    return new DaemonOptions(config, dir, recordDir, listener, warmup);
  }

  public DaemonOptions withRecordDir(Path dir) {
    return new DaemonOptions(config, rulesDir, dir, listener, warmup);
  }

  public DaemonOptions withListener(DaemonListener newListener) {
    return new DaemonOptions(config, rulesDir, recordDir, newListener, warmup);
  }

  public DaemonOptions withWarmup(boolean on) {
    return new DaemonOptions(config, rulesDir, recordDir, listener, on);
  }

  /** The rule directory in effect; null means the shipped package. */
  Path effectiveRulesDir() {
    return rulesDir != null ? rulesDir : config.rulesDir();
  }

  /** The recording directory in effect; null means no recording. */
  Path effectiveRecordDir() {
    return recordDir != null ? recordDir : config.record();
  }
}
