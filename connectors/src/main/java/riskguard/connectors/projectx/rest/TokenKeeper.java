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
 * again when the gateway rejects it.
 */
final class TokenKeeper implements Authorizer {

    private static final Logger log = LoggerFactory.getLogger(TokenKeeper.class);

    private final GatewayCaller caller;
    private final String userName;
    private final String apiKey;
    private final Duration refreshAfter;
    private final TimeSource time;
    private final Redactor redactor;
    private String token;
    private Instant obtainedAt;

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
        } else if (!time.now().isBefore(obtainedAt.plus(refreshAfter))) {
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
    }
}
