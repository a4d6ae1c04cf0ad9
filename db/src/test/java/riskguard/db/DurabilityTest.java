package riskguard.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class DurabilityTest {

    private static final int ROWS = 40;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void everyAcknowledgedWriteSurvivesAKillDashNine() throws Exception {
        Path file = dir.resolve("riskguard.db");
        List<Long> acknowledged = new ArrayList<>();
        try (ProbeProcess writer = ProbeProcess.start("write", file, String.valueOf(ROWS))) {
            for (int i = 0; i < ROWS; i++) {
                acknowledged.add(Long.parseLong(writer.awaitLine("ACK ").substring(4)));
            }
            writer.awaitLine("WRITTEN");
            writer.kill();
        }
        try (Database database = Database.openForDaemon(file)) {
            assertThat(new AuditLog(database).recent(536, ROWS + 10))
                    .extracting(StoredAuditRow::id)
                    .containsExactlyInAnyOrderElementsOf(acknowledged);
        }
    }
}
