package riskguard.app.daemon;

/** Where the daemon stands with the gateway. */
public enum ConnectionState {
  /** Logging in (or waiting for the gateway to answer). */
  CONNECTING,
  /** Logged in, reconciled, both hubs up. */
  CONNECTED,
  /** A hub is down and reconnecting; REST still works. */
  RECONNECTING,
  /** Closed, or failed. */
  STOPPED
}
