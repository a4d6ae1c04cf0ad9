package riskguard.connectors.projectx.hub;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bad input from the hub is skipped, not fatal; this keeps the log calm about it: the first problem
 * of a kind is a WARN with its detail, later ones are counted and the count is logged at 10, 100,
 * 1000 … occurrences.
 */
final class ProblemLog {

    private static final Logger log = LoggerFactory.getLogger(ProblemLog.class);

    private final String hubName;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    ProblemLog(String hubName) {
        this.hubName = hubName;
    }

    void report(String kind, String detail) {
        long count = counts.computeIfAbsent(kind, unused -> new AtomicLong()).incrementAndGet();
        if (count == 1) {
            log.warn("{}: {} ({}); skipped, later ones of this kind are only counted", hubName, kind, detail);
        } else if (isPowerOfTen(count)) {
            log.warn("{}: {} seen {} times; skipped", hubName, kind, count);
        }
    }

    Map<String, Long> counts() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((kind, count) -> snapshot.put(kind, count.get()));
        return snapshot;
    }

    private static boolean isPowerOfTen(long n) {
        while (n >= 10 && n % 10 == 0) {
            n /= 10;
        }
        return n == 1;
    }
}
