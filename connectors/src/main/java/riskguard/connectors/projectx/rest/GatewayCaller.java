package riskguard.connectors.projectx.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import riskguard.connectors.projectx.model.GatewayResponse;

/**
 * Sends one REST call and sees it through: pacing, the bearer token and one re-login on 401,
 * retries with backoff on I/O errors, 5xx and 429, and the envelope check.
 */
final class GatewayCaller {

    private static final Logger log = LoggerFactory.getLogger(GatewayCaller.class);
    private static final MediaType JSON_MEDIA_TYPE = MediaType.get("application/json");
    private static final byte[] SUCCESS_ENVELOPE =
            "{\"success\":true,\"errorCode\":0,\"errorMessage\":null}".getBytes(StandardCharsets.UTF_8);

    private final OkHttpClient http;
    /** Each endpoint's URL, built once: building it parses and canonicalises the host on every call. */
    private final Map<Endpoint, HttpUrl> urls = new EnumMap<>(Endpoint.class);
    private final ObjectMapper json;
    private final RateLimiter generalLimiter;
    private final RateLimiter barsLimiter;
    private final RetryPolicy retryPolicy;
    private final TimeSource time;
    private final RandomGenerator random;
    private final Redactor redactor;

    GatewayCaller(OkHttpClient http, HttpUrl baseUrl, ObjectMapper json, RateLimiter generalLimiter,
            RateLimiter barsLimiter, RetryPolicy retryPolicy, TimeSource time, RandomGenerator random,
            Redactor redactor) {
        this.http = http;
        for (Endpoint endpoint : Endpoint.values()) {
            urls.put(endpoint, baseUrl.newBuilder().addPathSegments(endpoint.path().substring(1)).build());
        }
        this.json = json;
        this.generalLimiter = generalLimiter;
        this.barsLimiter = barsLimiter;
        this.retryPolicy = retryPolicy;
        this.time = time;
        this.random = random;
        this.redactor = redactor;
    }

    /**
     * Calls {@code endpoint} until it gives a successful answer, the gateway refuses, or the retries
     * run out.
     *
     * @param authorizer null for the login itself
     * @throws ProjectXApiException when the gateway refuses
     * @throws ProjectXTransportException when no usable answer came
     */
    <T extends GatewayResponse> T call(Endpoint endpoint, Long accountId, Object body, Class<T> answerType,
            Authorizer authorizer, RepeatGuard<T> guard) {
        Attempts attempts = new Attempts(endpoint, accountId);
        byte[] requestJson = toJson(endpoint, accountId, body);
        boolean renewedToken = false;
        String token = authorizer == null ? null : authorizer.token();
        while (true) {
            if (attempts.outcomeUnknown) {
                Optional<T> done = guard.alreadyDone();
                if (done.isPresent()) {
                    log.info("{}: an earlier attempt took effect; not repeating", attempts.where());
                    return done.get();
                }
            }
            pace(endpoint, attempts);
            Instant started = time.now();
            try (Response response = http.newCall(request(endpoint, token, requestJson)).execute()) {
                int status = response.code();
                // bytes, not string(): Jackson reads UTF-8 itself, and string() parses the content type for a charset
                byte[] content = response.body().bytes();
                log.debug("POST {} -> HTTP {} in {} ms", endpoint, status,
                        Duration.between(started, time.now()).toMillis());
                if (status == 401 && authorizer != null && !renewedToken) {
                    renewedToken = true;
                    token = authorizer.renewAfterRejection(token);
                    if (token != null) {
                        log.info("{}: token rejected (HTTP 401); logged in again, repeating once", attempts.where());
                        continue;
                    }
                }
                if (status == 429) {
                    Duration wait = retryAfter(response.header("Retry-After")).orElse(null);
                    attempts.failed("HTTP 429 Too Many Requests", false, wait, null);
                    continue;
                }
                if (status >= 500) {
                    attempts.failed("HTTP " + status, true, null, null);
                    continue;
                }
                ProjectXApiException refusal = status >= 400
                        ? httpRefusal(endpoint, accountId, status, content)
                        : null;
                T answer = refusal == null ? fromJson(endpoint, accountId, content, answerType) : null;
                if (answer != null && !answer.success()) {
                    refusal = new ProjectXApiException(endpoint.path(), accountId, status, answer.errorCode(),
                            redactor.redact(answer.errorMessage()));
                }
                if (refusal != null) {
                    Optional<T> done = guard.doneDespiteRefusal(attempts.outcomeUnknown);
                    if (done.isPresent()) {
                        log.info("{}: refused ({}) but the wanted state holds; treating as done",
                                attempts.where(), refusal.getMessage());
                        return done.get();
                    }
                    throw refusal;
                }
                return answer;
            } catch (IOException e) {
                attempts.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), true, null, e);
            }
        }
    }

    /**
     * Writes {@code body} and reads a successful envelope as {@code answerType}, sending nothing:
     * Jackson builds its writer and reader for the two types on first use, which would otherwise
     * fall on the first real call of this kind.
     */
    void prepare(Object body, Class<? extends GatewayResponse> answerType) {
        try {
            json.writeValueAsBytes(body);
            json.readValue(SUCCESS_ENVELOPE, answerType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the JSON of " + answerType.getSimpleName(), e);
        }
    }

    private void pace(Endpoint endpoint, Attempts attempts) {
        try {
            (endpoint.isBars() ? barsLimiter : generalLimiter).acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw attempts.interrupted(e);
        }
    }

    private Request request(Endpoint endpoint, String token, byte[] body) {
        Request.Builder request = new Request.Builder()
                .url(urls.get(endpoint))
                .header("Accept", "application/json")
                .post(RequestBody.create(body, JSON_MEDIA_TYPE));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private byte[] toJson(Endpoint endpoint, Long accountId, Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new ProjectXTransportException(endpoint.path(), accountId,
                    "request body cannot be written as JSON: " + e.getOriginalMessage(), null);
        }
    }

    private <T> T fromJson(Endpoint endpoint, Long accountId, byte[] content, Class<T> answerType) {
        try {
            return json.readValue(content, answerType);
        } catch (JsonProcessingException e) {
            throw unreadable(endpoint, accountId, answerType, e.getOriginalMessage());
        } catch (IOException e) {
            throw unreadable(endpoint, accountId, answerType, e.getMessage());
        }
    }

    private ProjectXTransportException unreadable(Endpoint endpoint, Long accountId, Class<?> answerType,
            String problem) {
        return new ProjectXTransportException(endpoint.path(), accountId,
                "answer is not a readable " + answerType.getSimpleName() + ": " + redactor.redact(problem), null);
    }

    /** A 4xx: use the envelope if the body has one. */
    private ProjectXApiException httpRefusal(Endpoint endpoint, Long accountId, int status, byte[] content) {
        int errorCode = 0;
        String errorMessage = null;
        try {
            JsonNode body = json.readTree(content);
            errorCode = body.path("errorCode").asInt(0);
            errorMessage = body.path("errorMessage").textValue();
        } catch (IOException notJson) {
            // a plain HTTP error without an envelope: the status says it all
        }
        return new ProjectXApiException(endpoint.path(), accountId, status, errorCode, redactor.redact(errorMessage));
    }

    /** Parses {@code Retry-After} as seconds or as an HTTP date. */
    private Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                wait = Duration.between(time.now(), at);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
        if (wait.isNegative()) {
            return Optional.of(Duration.ZERO);
        }
        return Optional.of(wait.compareTo(retryPolicy.maxRetryAfter()) > 0 ? retryPolicy.maxRetryAfter() : wait);
    }

    /** The failures of one call so far, and whether one of them may have been carried out. */
    private final class Attempts {
        private final Endpoint endpoint;
        private final Long accountId;
        private int failures;
        private boolean outcomeUnknown;

        Attempts(Endpoint endpoint, Long accountId) {
            this.endpoint = endpoint;
            this.accountId = accountId;
        }

        String where() {
            return ProjectXException.where(endpoint.path(), accountId);
        }

        /** Records a failed attempt and waits before the next, or throws when none is left. */
        void failed(String problem, boolean mayHaveTakenEffect, Duration requestedWait, Throwable cause) {
            failures++;
            outcomeUnknown |= mayHaveTakenEffect;
            String cleanProblem = redactor.redact(problem);
            if (failures >= retryPolicy.maxAttempts()) {
                throw new ProjectXTransportException(endpoint.path(), accountId,
                        cleanProblem + " (gave up after " + failures + " attempts)", cause);
            }
            Duration wait = requestedWait != null ? requestedWait : retryPolicy.backoff(failures, random);
            log.warn("{}: attempt {} failed ({}); retrying in {} ms", where(), failures, cleanProblem, wait.toMillis());
            try {
                time.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(e);
            }
        }

        ProjectXTransportException interrupted(InterruptedException e) {
            return new ProjectXTransportException(endpoint.path(), accountId, "interrupted while waiting", e);
        }
    }
}
