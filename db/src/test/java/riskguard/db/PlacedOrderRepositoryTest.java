package riskguard.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlacedOrderRepositoryTest {

    private static final Instant AT = Instant.parse("2026-11-26T15:00:00Z");

    @TempDir
    Path dir;

    @Test
    void anOrderPlacedIsKnownByItsAccountAndIdAcrossReopens() {
        Path file = dir.resolve("riskguard.db");
        try (Database database = Database.open(file)) {
            PlacedOrderRepository placed = new PlacedOrderRepository(database);
            placed.record(536, 9005, "rg-d1", "d1", AT);
            placed.record(536, 9005, "rg-other", "other", AT.plusSeconds(1));   // the same order again: kept as first recorded
        }
        try (Database database = Database.openReadOnly(file)) {
            PlacedOrderRepository placed = new PlacedOrderRepository(database);
            assertThat(placed.tagOf(536, 9005)).contains("rg-d1");
            assertThat(placed.tagOf(536, 9006)).as("an order riskguard did not place").isEmpty();
            assertThat(placed.tagOf(777, 9005)).as("another account's order of the same id").isEmpty();
        }
    }
}
