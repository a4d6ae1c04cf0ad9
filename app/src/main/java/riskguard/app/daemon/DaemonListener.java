package riskguard.app.daemon;

import java.util.Set;
import riskguard.engine.enforcement.Decision;

/**
 * What a {@link Daemon} tells whoever runs it (the demo prints from it). Callbacks come from
 * the daemon's threads and must return quickly; the defaults do nothing.
 */
public interface DaemonListener {

  DaemonListener NONE = new DaemonListener() {};

  /** Database open, rules compiled; connecting to the gateway next. */
  default void started(String rulePackage, int ruleCount) {}

  /** A warm-up of the rules begins ({@code occasion}: "at start", "after the reload"). */
  default void warmingUp(String occasion) {}

  /** The rules were warmed up (at start, after a rule reload), or the warm-up was cut short. */
  default void warmedUp(WarmupReport report) {}

  /** The gateway could not be reached; the daemon tries again after {@code retryInSeconds}. */
  default void gatewayUnreachable(int attempt, String problem, long retryInSeconds) {}

  /** Logged in, reconciled from REST and subscribed: the accounts are guarded. */
  default void connected(Set<Long> guardedAccounts) {}

  /**
   * A hub refused a subscription (once per episode): the accounts are not fully guarded until it
   * accepts; {@code refused} names each, e.g. {@code user hub refused SubscribeTrades(536): …}.
   */
  default void subscriptionsRefused(java.util.List<String> refused) {}

  /** A hub came back after a loss ({@code hub} is {@code user} or {@code market}); reconciled again. */
  default void reconnected(String hub) {}

  /** A rule decided (every decision, also the ones merged into a stronger action). */
  default void decided(Decision decision) {}

  /** The gateway carried the action out (or nothing was left to do). */
  default void executed(Decision decision, String outcome) {}

  /** The action failed; {@code retrying} tells whether the daemon tries again. */
  default void failed(Decision decision, String problem, boolean retrying) {}

  /** A reload ran (a rule or config file changed, SIGHUP, {@code riskguard reload}): how it went. */
  default void reloaded(ReloadState state) {}

  /** The daemon stopped; {@code failure} is null for a normal stop. */
  default void stopped(DaemonException failure) {}
}
