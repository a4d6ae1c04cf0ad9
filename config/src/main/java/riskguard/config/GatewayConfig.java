package riskguard.config;

import java.net.URI;

/**
 * Where the ProjectX gateway is and how to log in to it. {@code username} and {@code apiKey} are
 * null when the file leaves them out (enough for {@code simulate}); the daemon needs both, see
 * {@link #hasCredentials()}.
 */
public record GatewayConfig(
    URI restUrl, URI userHubUrl, URI marketHubUrl, String username, Secret apiKey) {

  public static final URI DEFAULT_REST_URL = URI.create("https://api.topstepx.com");
  public static final URI DEFAULT_USER_HUB_URL = URI.create("https://rtc.topstepx.com/hubs/user");
  public static final URI DEFAULT_MARKET_HUB_URL =
      URI.create("https://rtc.topstepx.com/hubs/market");

  /** The production TopstepX endpoints without credentials. */
  public static GatewayConfig production() {
    return new GatewayConfig(
        DEFAULT_REST_URL, DEFAULT_USER_HUB_URL, DEFAULT_MARKET_HUB_URL, null, null);
  }

  public boolean hasCredentials() {
    return username != null && !username.isBlank() && apiKey != null && !apiKey.isEmpty();
  }
}
