package riskguard.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentWriteTest {

    private static final int ROWS_PER_WRITER = 150;

    @TempDir
    Path dir;

    @Test
    void twoThreadsWritingThroughOneDatabaseAreSerialized() throws Exception {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            AuditLog audit = new AuditLog(database);
            runTogether(() -> appendAll(audit, 536), () -> appendAll(audit, 777));

            assertThat(audit.recent(536, 1_000)).hasSize(ROWS_PER_WRITER);
            assertThat(audit.recent(777, 1_000)).hasSize(ROWS_PER_WRITER);
        }
    }

    /** Two connections on one file (e.g. an admin command beside the daemon) wait for each other. */
    @Test
    void twoConnectionsWritingTheSameFileWaitForEachOther() throws Exception {
        Path file = dir.resolve("riskguard.db");
        try (Database first = Database.open(file); Database second = Database.open(file)) {
            runTogether(() -> appendAll(new AuditLog(first), 536), () -> appendAll(new AuditLog(second), 777));

            AuditLog audit = new AuditLog(first);
            assertThat(audit.recent(536, 1_000)).hasSize(ROWS_PER_WRITER);
            assertThat(audit.recent(777, 1_000)).hasSize(ROWS_PER_WRITER);
        }
    }

    private static Void appendAll(AuditLog audit, long accountId) {
        for (int i = 0; i < ROWS_PER_WRITER; i++) {
            audit.append(new AuditRow(accountId + "-" + i, Instant.now(), accountId, "LOCKOUT-GUARD", "CANCEL_ORDER",
                    null, (long) i, null, null, null, null, null, null, AuditPhase.DECIDED, null, null));
        }
        return null;
    }

    private static void runTogether(Callable<Void> one, Callable<Void> other) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Void>> results = List.of(
                    threads.submit(afterStart(start, one)), threads.submit(afterStart(start, other)));
            start.countDown();
            for (Future<Void> result : results) {
                result.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static Callable<Void> afterStart(CountDownLatch start, Callable<Void> work) {
        return () -> {
            start.await();
            return work.call();
        };
    }
}
