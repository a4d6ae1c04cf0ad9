package riskguard.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    private static final Instant EVENT_TIME = Instant.parse("2026-11-24T15:30:00Z");
    private static final Instant WALL_TIME = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    Path dir;

    private final Clock wallClock = Clock.fixed(WALL_TIME, ZoneOffset.UTC);

    @Test
    void aDecisionsStepsRoundTripInTheOrderWritten() {
        Path file = dir.resolve("riskguard.db");
        AuditRow decided = new AuditRow("d-7", EVENT_TIME, 536, "RULE-003", "CLOSE_ALL", "CON.F.US.EP.Z25",
                9056L, 2, Instant.parse("2026-11-24T22:00:00Z"), "ES", 5790.25,
                "daily realized loss -550.00 reached limit 500.00", "{\"realized\":-550.0,\"trades\":3}",
                AuditPhase.DECIDED, null, "rules-3f2a9c");
        AuditRow sent = decided.at(AuditPhase.SENT, "POST /api/Position/closeContract");
        AuditRow succeeded = decided.at(AuditPhase.SUCCEEDED, "closed 2");
        long firstId;
        try (Database database = Database.open(file)) {
            AuditLog audit = new AuditLog(database, wallClock);
            firstId = audit.append(decided);
            audit.append(sent);
            audit.append(succeeded);
        }
        try (Database database = Database.open(file)) {
            assertThat(new AuditLog(database, wallClock).forDecision("d-7")).containsExactly(
                    new StoredAuditRow(firstId, WALL_TIME, decided),
                    new StoredAuditRow(firstId + 1, WALL_TIME, sent),
                    new StoredAuditRow(firstId + 2, WALL_TIME, succeeded));
        }
    }

    @Test
    void optionalFieldsStayNull() {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            AuditLog audit = new AuditLog(database, wallClock);
            AuditRow minimal = row("d-1", 536, AuditPhase.SKIPPED);
            audit.append(minimal);

            assertThat(audit.forDecision("d-1")).singleElement()
                    .extracting(StoredAuditRow::row).isEqualTo(minimal);
        }
    }

    @Test
    void recentIsNewestFirstLimitedAndPerAccount() {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            AuditLog audit = new AuditLog(database, wallClock);
            for (int i = 1; i <= 5; i++) {
                audit.append(row("a-" + i, 536, AuditPhase.DECIDED));
                audit.append(row("b-" + i, 777, AuditPhase.DECIDED));
            }

            assertThat(audit.recent(536, 3)).extracting(stored -> stored.row().decisionId())
                    .containsExactly("a-5", "a-4", "a-3");
            assertThat(audit.recent(4)).extracting(stored -> stored.row().decisionId())
                    .containsExactly("b-5", "a-5", "b-4", "a-4");
        }
    }

    @Test
    void factsThatAreNotJsonAreRefusedNamingTheDecision() {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            AuditLog audit = new AuditLog(database, wallClock);
            AuditRow broken = new AuditRow("d-9", EVENT_TIME, 536, "RULE-001", "CLOSE_ALL", null, null, null, null,
                    null, null, "too many contracts", "{not json", AuditPhase.DECIDED, null, null);

            assertThatThrownBy(() -> audit.append(broken))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("d-9");
            assertThat(audit.forDecision("d-9")).isEmpty();
        }
    }

    private static AuditRow row(String decisionId, long accountId, AuditPhase phase) {
        return new AuditRow(decisionId, EVENT_TIME, accountId, "LOCKOUT-GUARD", "CANCEL_ORDER", null, null, null,
                null, null, null, null, null, phase, null, null);
    }
}
