package riskguard.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DayPnlRepositoryTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-24");

    @TempDir
    Path dir;

    @Test
    void theLatestTotalsOfADaySurviveAReopen() {
        Path file = dir.resolve("riskguard.db");
        DayPnlRow afterTwoTrades = new DayPnlRow(536, DAY, -100.0, 4.2, 2, Instant.parse("2026-11-24T15:00:00Z"));
        DayPnlRow afterThreeTrades = new DayPnlRow(536, DAY, -550.0, 6.3, 3, Instant.parse("2026-11-24T15:05:00Z"));
        try (Database database = Database.open(file)) {
            DayPnlRepository pnl = new DayPnlRepository(database);
            pnl.upsert(afterTwoTrades);
            pnl.upsert(afterThreeTrades);
        }
        try (Database database = Database.open(file)) {
            assertThat(new DayPnlRepository(database).get(536, DAY)).contains(afterThreeTrades);
        }
    }

    @Test
    void eachAccountAndDayIsItsOwnRow() {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            DayPnlRepository pnl = new DayPnlRepository(database);
            DayPnlRow today = new DayPnlRow(536, DAY, 250.0, 2.1, 1, Instant.parse("2026-11-24T15:00:00Z"));
            DayPnlRow otherAccount = new DayPnlRow(777, DAY, -20.0, 1.0, 1, Instant.parse("2026-11-24T15:01:00Z"));
            pnl.upsert(today);
            pnl.upsert(otherAccount);

            assertThat(pnl.get(536, DAY)).contains(today);
            assertThat(pnl.get(777, DAY)).contains(otherAccount);
            assertThat(pnl.get(536, DAY.plusDays(1))).isEmpty();
            assertThat(pnl.forDay(DAY)).containsExactly(today, otherAccount);
            assertThat(pnl.forDay(DAY.minusDays(1))).isEmpty();
        }
    }
}
