package riskguard.connectors.projectx.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import riskguard.connectors.projectx.model.LoginKeyRequest;
import riskguard.connectors.projectx.model.LoginResponse;
import riskguard.connectors.projectx.model.ValidateResponse;

/**
 * Holds the session token in memory: logs in on first use, swaps it for a fresh one through
 * {@code /api/Auth/validate} once it is {@code refreshAfter} old (tokens live 24 h), and logs in
 * again when the gateway rejects it. A refresh that does not get through keeps the token while
 * it is still valid and is tried again a minute later: refreshing early is meant as slack, not as
 * a reason for the calls in between (a close, say) to fail.
 */
final class TokenKeeper implements Authorizer {

    private static final Logger log = LoggerFactory.getLogger(TokenKeeper.class);
    /** How long the gateway's tokens live. */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(24);
    /** Margin before expiry within which a token is no longer used when a refresh fails. */
    private static final Duration EXPIRY_MARGIN = Duration.ofMinutes(5);
    /** Wait before another refresh after one that did not get through. */
    private static final Duration REFRESH_RETRY = Duration.ofMinutes(1);

    private final GatewayCaller caller;
    private final String userName;
    private final String apiKey;
    private final Duration refreshAfter;
    private final TimeSource time;
    private final Redactor redactor;
    private String token;
    private Instant obtainedAt;
    private Instant refreshAt;

    TokenKeeper(GatewayCaller caller, String userName, String apiKey, Duration refreshAfter, TimeSource time,
            Redactor redactor) {
        this.caller = caller;
        this.userName = userName;
        this.apiKey = apiKey;
        this.refreshAfter = refreshAfter;
        this.time = time;
        this.redactor = redactor;
    }

    @Override
    public synchronized String token() {
        if (token == null) {
            login();
        } else if (!time.now().isBefore(refreshAt)) {
            refresh();
        }
        return token;
    }

    @Override
    public synchronized String renewAfterRejection(String rejectedToken) {
        if (token == null || token.equals(rejectedToken)) {
            login();
        }
        return token;
    }

    private void refresh() {
        try {
            ValidateResponse answer = caller.call(Endpoint.VALIDATE, null, Map.of(), ValidateResponse.class,
                    Authorizer.fixed(token), RepeatGuard.idempotent());
            if (answer.newToken() != null && !answer.newToken().isEmpty()) {
                accept(answer.newToken());
                log.info("session token refreshed");
                return;
            }
            log.warn("token refresh answered without a new token; logging in again");
        } catch (ProjectXApiException rejected) {
            log.warn("token refresh refused ({}); logging in again", rejected.getMessage());
        } catch (ProjectXTransportException unreachable) {
            Instant usableUntil = obtainedAt.plus(TOKEN_LIFETIME).minus(EXPIRY_MARGIN);
            if (!time.now().isBefore(usableUntil)) {
                throw unreachable;
            }
            refreshAt = time.now().plus(REFRESH_RETRY);
            log.warn("token refresh failed ({}); keeping the current token, which expires at about {}, "
                    + "and trying again in {} s", unreachable.getMessage(), obtainedAt.plus(TOKEN_LIFETIME),
                    REFRESH_RETRY.toSeconds());
            return;
        }
        login();
    }

    private void login() {
        token = null;
        LoginResponse answer = caller.call(Endpoint.LOGIN_KEY, null, new LoginKeyRequest(userName, apiKey),
                LoginResponse.class, null, RepeatGuard.idempotent());
        if (answer.token() == null || answer.token().isEmpty()) {
            throw new ProjectXApiException(Endpoint.LOGIN_KEY.path(), null, 200, answer.errorCode(),
                    "login answered success without a token");
        }
        accept(answer.token());
        log.info("logged in as {}", userName);
    }

    private void accept(String newToken) {
        redactor.rememberToken(newToken);
        token = newToken;
        obtainedAt = time.now();
        refreshAt = obtainedAt.plus(refreshAfter);
    }
}
