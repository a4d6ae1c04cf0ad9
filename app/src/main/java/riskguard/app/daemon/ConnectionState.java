package riskguard.app.daemon;

/** Where the daemon stands with the gateway. */
public enum ConnectionState {
  /** Logging in (or waiting for the gateway to answer). */
  CONNECTING,
  /** Logged in, reconciled, both hubs up and every subscription accepted. */
  CONNECTED,
  /**
   * A hub refused a subscription (or left it unanswered): the events it carries do not arrive, so
   * no rule fires on them. Invoked again with backoff; the status lists each with the gateway's
   * message. Before the first {@code CONNECTED}, the accounts are not reported as guarded.
   */
  DEGRADED,
  /** A hub is down and reconnecting; REST still works. */
  RECONNECTING,
  /** Closed, or failed. */
  STOPPED
}
