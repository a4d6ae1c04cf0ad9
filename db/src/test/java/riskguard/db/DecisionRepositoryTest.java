package riskguard.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-24T15:30:00Z");

    @TempDir
    Path dir;

    @Test
    void aDoneDecisionIsNeverClaimedAgainEvenAfterARestart() {
        Path file = dir.resolve("riskguard.db");
        try (Database database = Database.open(file)) {
            DecisionRepository decisions = new DecisionRepository(database);
            assertThat(decisions.claim("d-1", 536, "CLOSE_POSITION", "CON.F.US.MNQ.Z25", T0)).isTrue();
            decisions.markDone("d-1", T0.plusSeconds(1));
            assertThat(decisions.claim("d-1", 536, "CLOSE_POSITION", "CON.F.US.MNQ.Z25", T0.plusSeconds(2))).isFalse();
        }
        try (Database database = Database.open(file)) {
            DecisionRepository decisions = new DecisionRepository(database);
            assertThat(decisions.claim("d-1", 536, "CLOSE_POSITION", "CON.F.US.MNQ.Z25", T0.plusSeconds(3))).isFalse();
            decisions.markDone("d-1", T0.plusSeconds(4));
            assertThat(decisions.find("d-1")).as("done stays as first recorded").contains(new DecisionRow("d-1", 536, "CLOSE_POSITION",
                    "CON.F.US.MNQ.Z25", DecisionStatus.DONE, 1, T0, T0.plusSeconds(1)));
        }
    }

    @Test
    void preparingWritesNothingAndClaimsWorkAfterIt() {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            DecisionRepository decisions = new DecisionRepository(database);
            AuditLog audit = new AuditLog(database);
            decisions.prepare();
            audit.prepare();
            assertThat(decisions.pending()).isEmpty();
            assertThat(audit.recent(10)).isEmpty();

            assertThat(decisions.claim("d-1", 536, "CLOSE_POSITION", "CON.F.US.MNQ.Z25", T0)).isTrue();
            decisions.markDone("d-1", T0.plusSeconds(1));
            assertThat(decisions.find("d-1").orElseThrow().status()).isEqualTo(DecisionStatus.DONE);
        }
    }

    @Test
    void aPendingDecisionIsClaimedAgainAndEachAttemptCounts() {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            DecisionRepository decisions = new DecisionRepository(database);
            assertThat(decisions.claim("d-1", 536, "CANCEL_ORDER", "9056", T0)).isTrue();
            assertThat(decisions.claim("d-1", 536, "CANCEL_ORDER", "9056", T0.plusSeconds(5))).isTrue();

            DecisionRow row = decisions.find("d-1").orElseThrow();
            assertThat(row.status()).isEqualTo(DecisionStatus.PENDING);
            assertThat(row.attempts()).isEqualTo(2);
            assertThat(row.createdAt()).isEqualTo(T0);
            assertThat(row.updatedAt()).isEqualTo(T0.plusSeconds(5));
        }
    }

    @Test
    void aFailedDecisionMayBeClaimedAgainButFailureNeverUndoesDone() {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            DecisionRepository decisions = new DecisionRepository(database);
            decisions.claim("d-1", 536, "CLOSE_ALL", null, T0);
            decisions.markFailed("d-1", T0.plusSeconds(1));
            assertThat(decisions.find("d-1").orElseThrow().status()).isEqualTo(DecisionStatus.FAILED);

            assertThat(decisions.claim("d-1", 536, "CLOSE_ALL", null, T0.plusSeconds(2))).isTrue();
            assertThat(decisions.find("d-1").orElseThrow().status()).isEqualTo(DecisionStatus.PENDING);

            decisions.markDone("d-1", T0.plusSeconds(3));
            decisions.markFailed("d-1", T0.plusSeconds(4));
            assertThat(decisions.find("d-1").orElseThrow().status()).isEqualTo(DecisionStatus.DONE);
        }
    }

    @Test
    void pendingListsUnfinishedDecisionsOldestFirst() {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            DecisionRepository decisions = new DecisionRepository(database);
            decisions.claim("late", 536, "CLOSE_ALL", null, T0.plusSeconds(10));
            decisions.claim("early", 777, "CANCEL_ALL", null, T0);
            decisions.claim("finished", 536, "CLOSE_ALL", null, T0.plusSeconds(5));
            decisions.markDone("finished", T0.plusSeconds(6));
            decisions.claim("gave-up", 536, "CLOSE_ALL", null, T0.plusSeconds(7));
            decisions.markFailed("gave-up", T0.plusSeconds(8));

            assertThat(decisions.pending()).extracting(DecisionRow::decisionId).containsExactly("early", "late");
        }
    }

    @Test
    void markingADecisionThatWasNeverClaimedNamesIt() {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            DecisionRepository decisions = new DecisionRepository(database);
            assertThatThrownBy(() -> decisions.markDone("d-unknown", T0))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("d-unknown")
                    .hasMessageContaining("never claimed");
        }
    }
}
