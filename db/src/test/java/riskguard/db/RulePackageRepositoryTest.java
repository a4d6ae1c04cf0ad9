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
        RulePackageRow first = RulePackageRow.loaded("3f2a9c", "sha256:3f2a9c01", T0, "/etc/riskguard/rules");
        RulePackageRow second = RulePackageRow.loaded("77bd10", "sha256:77bd10aa", T0.plusSeconds(600), "/etc/riskguard/rules");
        try (Database database = Database.open(file)) {
            RulePackageRepository packages = new RulePackageRepository(database);
            assertThat(packages.latest()).isEmpty();
            packages.record(first);
            packages.record(second);
        }
        try (Database database = Database.open(file)) {
            RulePackageRepository packages = new RulePackageRepository(database);
            assertThat(packages.latest()).contains(second);
            assertThat(packages.find("3f2a9c")).contains(first);
            assertThat(packages.history()).containsExactly(second, first);
        }
    }

    @Test
    void ofTwoAttemptsInTheSameSecondTheLaterRecordedIsLatest() {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            RulePackageRepository packages = new RulePackageRepository(database);
            RulePackageRow loaded = RulePackageRow.loaded("ffff0000@t", "sha256:ffff0000", T0, "rules");
            RulePackageRow rejected = RulePackageRow.rejected("0000ffff@t", "sha256:0000ffff", T0, "rules", "a.drl:1: x");
            packages.record(loaded);
            packages.record(rejected);

            assertThat(packages.latest()).contains(rejected);
            assertThat(packages.history()).containsExactly(rejected, loaded);
        }
    }

    @Test
    void loadingAKnownVersionAgainMovesItToLatest() {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            RulePackageRepository packages = new RulePackageRepository(database);
            packages.record(RulePackageRow.loaded("3f2a9c", "sha256:3f2a9c01", T0, "rules"));
            packages.record(RulePackageRow.loaded("77bd10", "sha256:77bd10aa", T0.plusSeconds(60), "rules"));
            RulePackageRow reloaded = RulePackageRow.loaded("3f2a9c", "sha256:3f2a9c01", T0.plusSeconds(120), "rules");
            packages.record(reloaded);

            assertThat(packages.latest()).contains(reloaded);
            assertThat(packages.history()).hasSize(2);
        }
    }

    @Test
    void aRejectedAttemptKeepsItsErrors() {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            RulePackageRepository packages = new RulePackageRepository(database);
            packages.record(RulePackageRow.loaded("3f2a9c", "sha256:3f2a9c01", T0, "rules"));
            packages.record(RulePackageRow.rejected("9d0e11", "sha256:9d0e1100", T0.plusSeconds(60), "rules",
                    "broken.drl:4: Unable to resolve ObjectType 'NoSuchFact'"));

            assertThat(packages.latest()).hasValueSatisfying(row -> {
                assertThat(row.status()).isEqualTo(RulePackageRow.Status.REJECTED);
                assertThat(row.errors()).isEqualTo("broken.drl:4: Unable to resolve ObjectType 'NoSuchFact'");
            });
            assertThat(packages.find("3f2a9c")).hasValueSatisfying(row -> {
                assertThat(row.status()).isEqualTo(RulePackageRow.Status.LOADED);
                assertThat(row.errors()).isNull();
            });
        }
    }
}
