package riskguard.connectors.projectx.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Sliding-window pacing: at most {@code permits} calls start within any {@code window}. A caller
 * over budget waits until the oldest call in the window ages out, so the gateway never answers 429
 * because of this client alone.
 */
final class RateLimiter {

    private final int permits;
    private final Duration window;
    private final TimeSource time;
    private final ArrayDeque<Instant> started = new ArrayDeque<>();

    RateLimiter(int permits, Duration window, TimeSource time) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, was " + permits);
        }
        this.permits = permits;
        this.window = window;
        this.time = time;
    }

    synchronized void acquire() throws InterruptedException {
        while (true) {
            Instant now = time.now();
            while (!started.isEmpty() && !started.peekFirst().plus(window).isAfter(now)) {
                started.pollFirst();
            }
            if (started.size() < permits) {
                started.addLast(now);
                return;
            }
            time.sleep(Duration.between(now, started.peekFirst().plus(window)));
        }
    }
}
