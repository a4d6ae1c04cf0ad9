package riskguard.connectors.projectx.rest;

import java.time.Duration;
import java.time.Instant;

/** Wall time and waiting, injectable so tests of backoff and pacing need not wait. */
public interface TimeSource {

    Instant now();

    void sleep(Duration duration) throws InterruptedException;

    static TimeSource system() {
        return SystemTime.INSTANCE;
    }
}
