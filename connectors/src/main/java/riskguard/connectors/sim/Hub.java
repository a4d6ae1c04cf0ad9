package riskguard.connectors.sim;

/** The two SignalR hubs of the gateway. */
public enum Hub {
  USER("/hubs/user"),
  MARKET("/hubs/market");

  private final String path;

  Hub(String path) {
    this.path = path;
  }

  public String path() {
    return path;
  }
}
