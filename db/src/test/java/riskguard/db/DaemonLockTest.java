package riskguard.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class DaemonLockTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-24");
    private static final Instant RESET = Instant.parse("2026-11-24T22:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aSecondDaemonInTheSameJvmIsRefusedUntilTheFirstCloses() {
        Path file = dir.resolve("data/riskguard.db");
        long ourPid = ProcessHandle.current().pid();
        try (Database first = Database.openForDaemon(file)) {
            assertThatThrownBy(() -> Database.openForDaemon(file))
                    .isInstanceOf(DatabaseLockedException.class)
                    .hasMessage("database " + file + " is in use by another riskguard daemon (pid " + ourPid + ")")
                    .satisfies(e -> assertThat(((DatabaseLockedException) e).holderPid()).hasValue(ourPid));
            assertThat(new ResetMarkRepository(first).markIfFirst(536, DAY, RESET))
                    .as("the refused attempt leaves the first daemon working")
                    .isTrue();
        }
        try (Database again = Database.openForDaemon(file)) {
            assertThat(new ResetMarkRepository(again).lastResetDay(536)).contains(DAY);
        }
    }

    @Test
    void theSameFileSpelledAnotherWayIsTheSameLock() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), data);
        try (Database first = Database.openForDaemon(data.resolve("riskguard.db"))) {
            assertThatThrownBy(() -> Database.openForDaemon(link.resolve("../data/./riskguard.db")))
                    .isInstanceOf(DatabaseLockedException.class);
            assertThatThrownBy(() -> Database.openForDaemon(link.resolve("riskguard.db")))
                    .isInstanceOf(DatabaseLockedException.class);
        }
    }

    @Test
    void readOnlyOpenWorksWhileTheDaemonHoldsTheLock() {
        Path file = dir.resolve("riskguard.db");
        try (Database daemon = Database.openForDaemon(file)) {
            new ResetMarkRepository(daemon).markIfFirst(536, DAY, RESET);
            try (Database status = Database.openReadOnly(file)) {
                assertThat(new ResetMarkRepository(status).lastResetDay(536)).contains(DAY);
            }
            new ResetMarkRepository(daemon).markIfFirst(536, DAY.plusDays(1), RESET.plusSeconds(86_400));
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aDaemonInAnotherProcessIsRefusedAndTheLockDiesWithItsHolder() throws Exception {
        Path file = dir.resolve("data/riskguard.db");
        try (ProbeProcess holder = ProbeProcess.start("hold", file)) {
            assertThat(holder.awaitLine("LOCKED")).isEqualTo("LOCKED " + holder.pid());
            assertThat(Database.runningDaemon(file)).as("reload finds the daemon to signal").hasValue(holder.pid());

            assertThatThrownBy(() -> Database.openForDaemon(file))
                    .isInstanceOf(DatabaseLockedException.class)
                    .hasMessage("database " + file + " is in use by another riskguard daemon (pid " + holder.pid() + ")");
            try (Database status = Database.openReadOnly(file)) {
                assertThat(DatabaseTest.tables(status)).contains("lockouts");
            }

            holder.kill();
        }
        assertThat(Database.runningDaemon(file)).as("a dead holder is no running daemon").isEmpty();
        try (Database afterKill = Database.openForDaemon(file)) {
            assertThat(new ResetMarkRepository(afterKill).markIfFirst(536, DAY, RESET)).isTrue();
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void anotherProcessIsRefusedWhileThisOneHoldsTheLockEvenAfterARefusalHere() throws Exception {
        Path file = dir.resolve("riskguard.db");
        long ourPid = ProcessHandle.current().pid();
        try (Database daemon = Database.openForDaemon(file)) {
            assertThatThrownBy(() -> Database.openForDaemon(file)).isInstanceOf(DatabaseLockedException.class);

            try (ProbeProcess contender = ProbeProcess.start("try", file)) {
                assertThat(contender.awaitLine("REFUSED")).isEqualTo("REFUSED database " + file
                        + " is in use by another riskguard daemon (pid " + ourPid + ")");
                assertThat(contender.awaitExit()).isEqualTo(DaemonLockProbe.REFUSED_EXIT_CODE);
            }
        }
        try (ProbeProcess contender = ProbeProcess.start("try", file)) {
            assertThat(contender.awaitLine("OPENED")).isEqualTo("OPENED");
            assertThat(contender.awaitExit()).isZero();
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aDaemonThatClosesNormallyReleasesTheLock() throws Exception {
        Path file = dir.resolve("riskguard.db");
        try (ProbeProcess holder = ProbeProcess.start("hold", file)) {
            holder.awaitLine("LOCKED");
            holder.release();
            assertThat(holder.awaitExit()).isZero();
        }
        try (Database daemon = Database.openForDaemon(file)) {
            assertThat(daemon.isReadOnly()).isFalse();
        }
    }

    @Test
    void theRunningDaemonIsFoundInThisJvmWithoutDisturbingItsLock() {
        Path file = dir.resolve("riskguard.db");
        assertThat(Database.runningDaemon(file)).as("never started").isEmpty();
        try (Database daemon = Database.openForDaemon(file)) {
            assertThat(Database.runningDaemon(file)).hasValue(ProcessHandle.current().pid());
            assertThatThrownBy(() -> Database.openForDaemon(file)).isInstanceOf(DatabaseLockedException.class);
        }
        assertThat(Database.runningDaemon(file)).as("stopped").isEmpty();
    }
}
