package riskguard.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit goes to the write-ahead log first; what a power loss cannot take is what has
 * reached the database file. These tests read a copy of the database file alone (without its
 * -wal), which holds exactly what a checkpoint has put there.
 */
class WalSyncTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-24");
    private static final Instant AT = Instant.parse("2026-11-24T22:00:00Z");
    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(30);

    @TempDir
    Path dir;

    @Test
    void syncNowPutsEveryCommitInTheDatabaseFile() throws Exception {
        Path file = dir.resolve("riskguard.db");
        try (Database database = Database.open(file)) {
            new ResetMarkRepository(database).markIfFirst(7, DAY, AT);

            assertThat(database.syncNow()).isZero();
            assertThat(lastResetInFileAlone(file, "copy")).contains(DAY);
        }
    }

    @Test
    void readsThroughTheKeptStatementsHoldNoSnapshotThatWouldStopACheckpoint() {
        Path file = dir.resolve("riskguard.db");
        try (Database database = Database.open(file)) {
            DecisionRepository decisions = new DecisionRepository(database);
            for (int i = 0; i < 3; i++) {
                decisions.claim("decision-" + i, 7, "CLOSE_ALL", "all", AT);
            }
            assertThat(decisions.find("decision-0")).isPresent();
            assertThat(decisions.pending()).hasSize(3);
            decisions.markDone("decision-1", AT);

            assertThat(database.syncNow()).as("write-ahead log frames left after a checkpoint").isZero();
        }
    }

    @Test
    void commitsReachTheDatabaseFileWithoutAnyoneAsking() throws Exception {
        Path file = dir.resolve("riskguard.db");
        try (Database database = Database.open(file)) {
            new ResetMarkRepository(database).markIfFirst(7, DAY, AT);

            long deadline = System.nanoTime() + PATIENCE_NANOS;
            int attempt = 0;
            Optional<LocalDate> inFile = lastResetInFileAlone(file, "copy" + attempt);
            while (inFile.isEmpty() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100);
                inFile = lastResetInFileAlone(file, "copy" + ++attempt);
            }
            assertThat(inFile).as("the commit in the database file, without its write-ahead log").contains(DAY);
        }
    }

    @Test
    void aReadOnlyDatabaseHasNothingToSync() {
        Path file = dir.resolve("riskguard.db");
        try (Database writer = Database.open(file); Database reader = Database.openReadOnly(file)) {
            assertThatThrownBy(reader::syncNow)
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("read-only");
        }
    }

    /** Copies the database file without its -wal and -shm and reads the reset mark from the copy. */
    private Optional<LocalDate> lastResetInFileAlone(Path file, String name) throws Exception {
        Path copy = Files.createDirectories(dir.resolve(name)).resolve("riskguard.db");
        Files.copy(file, copy);
        try (Database alone = Database.open(copy)) {
            return new ResetMarkRepository(alone).lastResetDay(7);
        }
    }
}
