package riskguard.connectors.sim;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the simulator. {@code /api/…} is the gateway: every call is logged, then
 * injected failures, the bearer token (401 without a valid one; login needs none), the rate
 * limit (429 with {@code Retry-After}) and finally the endpoint. {@code /sim/…} is the admin
 * surface, served only to loopback clients and without a token.
 */
final class GatewayHandler extends Handler.Abstract {

  private static final Logger log = LoggerFactory.getLogger(GatewayHandler.class);

  private final RestApi rest;
  private final AdminApi admin;
  private final TokenAuthority tokens;
  private final RateLimiter rateLimiter;
  private final FailureInjector failures;
  private final CallLog calls;
  private final Clock clock;
  private final Object venueLock;

  GatewayHandler(RestApi rest, AdminApi admin, TokenAuthority tokens, RateLimiter rateLimiter,
      FailureInjector failures, CallLog calls, Clock clock, Object venueLock) {
    this.rest = rest;
    this.admin = admin;
    this.tokens = tokens;
    this.rateLimiter = rateLimiter;
    this.failures = failures;
    this.calls = calls;
    this.clock = clock;
    this.venueLock = venueLock;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    Instant arrived = clock.instant();
    RestAnswer answer;
    if (path.startsWith("/api/")) {
      String body = Content.Source.asString(request, StandardCharsets.UTF_8);
      // Served and logged under the venue's lock: whoever sees the call's effect (a closed
      // position, say) through the Java API also finds the call in the log.
      synchronized (venueLock) {
        answer = api(request, path, body);
        calls.add(new RecordedCall(path, CallLog.masked(body), arrived, answer.status(), answer.success()));
      }
    } else if (path.startsWith("/sim/")) {
      if (!isLoopback(Request.getRemoteAddr(request))) {
        answer = RestAnswer.json(403, "{\"error\":\"the admin surface answers loopback clients only\"}");
      } else {
        String body = Content.Source.asString(request, StandardCharsets.UTF_8);
        answer = admin.handle(request.getMethod(), path, Request.extractQueryParameters(request), body);
      }
    } else {
      answer = RestAnswer.empty(404);
    }
    write(response, callback, answer);
    return true;
  }

  private RestAnswer api(Request request, String endpoint, String body) {
    OptionalInt injected = failures.take(endpoint);
    if (injected.isPresent()) {
      log.info("REST {}: answering injected failure {}", endpoint, injected.getAsInt());
      RestAnswer failure = RestAnswer.json(injected.getAsInt(),
          "{\"title\":\"Injected failure\",\"status\":" + injected.getAsInt() + "}");
      return injected.getAsInt() == 429 ? failure.withHeader("Retry-After", "1") : failure;
    }
    if (!rest.knows(endpoint)) {
      return RestAnswer.empty(404);
    }
    if (!HttpMethod.POST.is(request.getMethod())) {
      return RestAnswer.empty(405).withHeader("Allow", "POST");
    }
    String user = null;
    if (!RestApi.LOGIN.equals(endpoint)) {
      Optional<String> authenticated = tokens.userOf(bearer(request.getHeaders().get(HttpHeader.AUTHORIZATION)));
      if (authenticated.isEmpty()) {
        return RestAnswer.empty(401).withHeader("WWW-Authenticate", "Bearer");
      }
      user = authenticated.get();
    }
    if (rateLimiter != null) {
      Optional<Duration> retryAfter = rateLimiter.acquire(Request.getRemoteAddr(request), endpoint);
      if (retryAfter.isPresent()) {
        long seconds = Math.max(1, (retryAfter.get().toMillis() + 999) / 1000);
        log.info("REST {}: rate limit reached, retry after {} s", endpoint, seconds);
        return RestAnswer.empty(429).withHeader("Retry-After", Long.toString(seconds));
      }
    }
    RestAnswer served = rest.serve(endpoint, body, user);
    OptionalInt lost = failures.takeLostAnswer(endpoint);
    if (lost.isPresent()) {
      log.info("REST {}: served, answer lost (answering {})", endpoint, lost.getAsInt());
      return RestAnswer.json(lost.getAsInt(), "{\"title\":\"Answer lost\",\"status\":" + lost.getAsInt() + "}");
    }
    return served;
  }

  static String bearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return authorization.substring(7).trim();
  }

  private static boolean isLoopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static void write(Response response, Callback callback, RestAnswer answer) {
    response.setStatus(answer.status());
    answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
    if (answer.body().isEmpty()) {
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
      callback.succeeded();
      return;
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    Content.Sink.write(response, true, answer.body(), callback);
  }
}
