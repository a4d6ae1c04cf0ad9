package riskguard.connectors.sim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks session tokens. Tokens look like the gateway's JWTs (header.payload.signature,
 * HS256, with {@code sub} and {@code exp}) so a client that reads the expiry from the token works,
 * but validity is decided by this authority's own table: a token is good until it expires or
 * {@link #revokeAll()} is called. Tokens are never logged.
 */
final class TokenAuthority {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final String HEADER = BASE64URL.encodeToString(
      "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

  private record Grant(String user, Instant expiresAt) {}

  private final Clock clock;
  private final Duration lifetime;
  private final byte[] signingKey = new byte[32];
  private final Map<String, Grant> grants = new ConcurrentHashMap<>();

  TokenAuthority(Clock clock, Duration lifetime) {
    this.clock = clock;
    this.lifetime = lifetime;
    new SecureRandom().nextBytes(signingKey);
  }

  String issue(String user) {
    Instant expiresAt = clock.instant().plus(lifetime);
    String payload = BASE64URL.encodeToString(("{\"sub\":\"" + user.replace("\"", "") + "\",\"exp\":"
        + expiresAt.getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID() + "\"}")
        .getBytes(StandardCharsets.UTF_8));
    String unsigned = HEADER + "." + payload;
    String token = unsigned + "." + BASE64URL.encodeToString(sign(unsigned));
    grants.put(token, new Grant(user, expiresAt));
    return token;
  }

  /** The user a token belongs to, while it is valid. */
  Optional<String> userOf(String token) {
    if (token == null) {
      return Optional.empty();
    }
    Grant grant = grants.get(token);
    if (grant == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(grant.expiresAt())) {
      grants.remove(token);
      return Optional.empty();
    }
    return Optional.of(grant.user());
  }

  /** Invalidates every token issued so far, as if they had all expired. */
  void revokeAll() {
    grants.clear();
  }

  private byte[] sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
