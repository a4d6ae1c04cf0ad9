package riskguard.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResetMarkRepositoryTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-24");
    private static final Instant RESET = Instant.parse("2026-11-24T22:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theResetOfADayHappensOncePerAccountAcrossReopens() {
        Path file = dir.resolve("riskguard.db");
        try (Database database = Database.open(file)) {
            ResetMarkRepository marks = new ResetMarkRepository(database);
            assertThat(marks.markIfFirst(536, DAY, RESET)).isTrue();
            assertThat(marks.markIfFirst(536, DAY, RESET.plusSeconds(1))).isFalse();
            assertThat(marks.markIfFirst(777, DAY, RESET)).isTrue();
        }
        try (Database database = Database.open(file)) {
            ResetMarkRepository marks = new ResetMarkRepository(database);
            assertThat(marks.markIfFirst(536, DAY, RESET.plusSeconds(60))).isFalse();
            assertThat(marks.markIfFirst(536, DAY.plusDays(1), RESET.plusSeconds(86_400))).isTrue();
        }
    }

    @Test
    void lastResetDayIsTheLatestMarkedDay() {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            ResetMarkRepository marks = new ResetMarkRepository(database);
            assertThat(marks.lastResetDay(536)).isEmpty();
            marks.markIfFirst(536, DAY.plusDays(1), RESET.plusSeconds(86_400));
            marks.markIfFirst(536, DAY, RESET);
            marks.markIfFirst(777, DAY.plusDays(5), RESET);

            assertThat(marks.lastResetDay(536)).contains(DAY.plusDays(1));
        }
    }

    @Test
    void racingMarksOfTheSameDayLetExactlyOneCallerReset() throws Exception {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            ResetMarkRepository marks = new ResetMarkRepository(database);
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Boolean>> callers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    callers.add(() -> marks.markIfFirst(536, DAY, RESET));
                }
                long firsts = 0;
                for (Future<Boolean> result : threads.invokeAll(callers)) {
                    firsts += result.get() ? 1 : 0;
                }
                assertThat(firsts).isEqualTo(1);
            } finally {
                threads.shutdownNow();
            }
        }
    }
}
