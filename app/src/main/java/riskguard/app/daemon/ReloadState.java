package riskguard.app.daemon;

import java.time.Instant;
import java.util.List;

/**
 * What the daemon runs and how its last reload went, for {@code riskguard status}.
 *
 * @param rulesVersion the running rule package's version (content hash + load time)
 * @param rulesSource the rule directory, or "shipped"
 * @param lastAttemptAt when the last reload ran (null before the first)
 * @param outcome how it went
 * @param errors the problems of a rejected rule package or config, one {@code file:line:
 *     message} each; empty otherwise
 * @param needsRestart config settings that changed but cannot change while running
 *     (gateway, accounts, database, ...): they take effect at the next start
 */
public record ReloadState(String rulesVersion, String rulesSource, Instant lastAttemptAt, Outcome outcome,
    List<String> errors, List<String> needsRestart) {

  /** How a reload went. */
  public enum Outcome {
    /** No reload yet since start. */
    NONE,
    /** The new rules and/or config are running. */
    APPLIED,
    /** Nothing had changed. */
    UNCHANGED,
    /** The rules or the config were rejected; the running ones stay. */
    REJECTED
  }

  public ReloadState {
    errors = List.copyOf(errors);
    needsRestart = List.copyOf(needsRestart);
  }

  static ReloadState started(String rulesVersion, String rulesSource) {
    return new ReloadState(rulesVersion, rulesSource, null, Outcome.NONE, List.of(), List.of());
  }
}
