package riskguard.connectors.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import riskguard.connectors.projectx.rest.TimeSource;

/** Time that only moves when the code under test sleeps or the test advances it. */
public final class FakeTime implements TimeSource {

    private Instant now = Instant.parse("2025-01-21T14:30:00Z");
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
