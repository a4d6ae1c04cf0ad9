package riskguard.connectors.projectx.rest;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a call is repeated after an I/O error, a 5xx or a 429: exponential
 * backoff from {@code initialBackoff} up to {@code maxBackoff}, each wait drawn at random from its
 * upper half so that many clients do not retry in step.
 *
 * @param maxAttempts attempts in total, the first one included
 * @param maxRetryAfter longest {@code Retry-After} the client is willing to honour
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(5, Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofSeconds(65));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** The wait before attempt {@code failedAttempts + 1}. */
    Duration backoff(int failedAttempts, RandomGenerator random) {
        long ceiling = initialBackoff.toNanos();
        for (int i = 1; i < failedAttempts && ceiling < maxBackoff.toNanos(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, maxBackoff.toNanos());
        long half = ceiling / 2;
        return Duration.ofNanos(half + (long) (random.nextDouble() * (ceiling - half)));
    }
}
