package riskguard.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePackageRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-24T13:00:00Z");

    @TempDir
    Path dir;

    @Test
    void loadedPackagesAreKeptNewestFirst() {
        Path file = dir.resolve("riskguard.db");
        RulePackageRow first = new RulePackageRow("3f2a9c", "sha256:3f2a9c01", T0, "/etc/riskguard/rules");
        RulePackageRow second = new RulePackageRow("77bd10", "sha256:77bd10aa", T0.plusSeconds(600), "/etc/riskguard/rules");
        try (Database database = Database.open(file)) {
            RulePackageRepository packages = new RulePackageRepository(database);
            assertThat(packages.latest()).isEmpty();
            packages.recordLoaded(first);
            packages.recordLoaded(second);
        }
        try (Database database = Database.open(file)) {
            RulePackageRepository packages = new RulePackageRepository(database);
            assertThat(packages.latest()).contains(second);
            assertThat(packages.find("3f2a9c")).contains(first);
            assertThat(packages.history()).containsExactly(second, first);
        }
    }

    @Test
    void loadingAKnownVersionAgainMovesItToLatest() {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            RulePackageRepository packages = new RulePackageRepository(database);
            packages.recordLoaded(new RulePackageRow("3f2a9c", "sha256:3f2a9c01", T0, "rules"));
            packages.recordLoaded(new RulePackageRow("77bd10", "sha256:77bd10aa", T0.plusSeconds(60), "rules"));
            RulePackageRow reloaded = new RulePackageRow("3f2a9c", "sha256:3f2a9c01", T0.plusSeconds(120), "rules");
            packages.recordLoaded(reloaded);

            assertThat(packages.latest()).contains(reloaded);
            assertThat(packages.history()).hasSize(2);
        }
    }
}
