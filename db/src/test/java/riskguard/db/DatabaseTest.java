package riskguard.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-24");

    @TempDir
    Path dir;

    @Test
    void openCreatesDirectoriesAndEveryTable() {
        Path file = dir.resolve("nested/data/riskguard.db");
        try (Database database = Database.open(file)) {
            assertThat(file).isRegularFile();
            assertThat(tables(database)).contains("lockouts", "audit_log", "decisions", "day_pnl",
                    "trades_seen", "reset_marks", "contracts", "rule_packages", "flyway_schema_history");
        }
    }

    @Test
    void connectionIsWalWithNormalSyncNoWriterCheckpointForeignKeysAndBusyTimeout() {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            assertThat(pragma(database, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(database, "synchronous")).isEqualTo("1");
            assertThat(pragma(database, "wal_autocheckpoint")).as("pages after which a writer checkpoints").isEqualTo("0");
            assertThat(pragma(database, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(database, "busy_timeout")).isEqualTo(String.valueOf(Database.BUSY_TIMEOUT_MILLIS));
        }
    }

    @Test
    void reopeningAnExistingDatabaseKeepsItsDataAndDoesNotMigrateAgain() {
        Path file = dir.resolve("riskguard.db");
        LocalDate day = LocalDate.parse("2026-11-24");
        try (Database database = Database.open(file)) {
            assertThat(new ResetMarkRepository(database).markIfFirst(7, day, Instant.parse("2026-11-24T22:00:00Z"))).isTrue();
        }
        try (Database database = Database.open(file)) {
            assertThat(new ResetMarkRepository(database).lastResetDay(7)).contains(day);
            assertThat(migrationsApplied(database)).isEqualTo(3);
        }
    }

    @Test
    void readOnlyDatabaseReadsButRefusesWritesByName() {
        Path file = dir.resolve("riskguard.db");
        LocalDate day = LocalDate.parse("2026-11-24");
        try (Database database = Database.open(file)) {
            new ResetMarkRepository(database).markIfFirst(7, day, Instant.parse("2026-11-24T22:00:00Z"));
        }
        try (Database readOnly = Database.openReadOnly(file)) {
            ResetMarkRepository marks = new ResetMarkRepository(readOnly);
            assertThat(readOnly.isReadOnly()).isTrue();
            assertThat(marks.lastResetDay(7)).contains(day);
            assertThatThrownBy(() -> marks.markIfFirst(8, day, Instant.EPOCH))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("read-only");
        }
    }

    @Test
    void readOnlyOpenOfAMissingDatabaseSaysSo() {
        Path file = dir.resolve("missing.db");
        assertThatThrownBy(() -> Database.openReadOnly(file))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("does not exist");
        assertThat(file).doesNotExist();
    }

    @Test
    void readOnlyOpenOfAFileWithoutOurSchemaSaysSo() throws Exception {
        Path file = dir.resolve("empty.db");
        Files.createFile(file);
        assertThatThrownBy(() -> Database.openReadOnly(file))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("no riskguard schema");
    }

    @Test
    void aFileThatIsNotADatabaseIsNamedAndLeavesNoLockBehind() throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "these are not the tables you are looking for ".repeat(100));

        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThatThrownBy(() -> Database.openForDaemon(file))
                    .isExactlyInstanceOf(DatabaseException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("not a database")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void useAfterCloseIsAClearError() {
        Path file = dir.resolve("riskguard.db");
        Database database = Database.open(file);
        database.close();
        database.close();
        assertThatThrownBy(() -> new ResetMarkRepository(database).lastResetDay(1))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("closed");
    }

    @Test
    void aTransactionCommitsAllItsWritesTogether() {
        Path file = dir.resolve("riskguard.db");
        TradeRow trade = new TradeRow(536, 101, DAY, Instant.parse("2026-11-24T15:00:00Z"), "CON.F.US.MNQ.Z25",
                -450.0, 0.74, false);
        DayPnlRow pnl = new DayPnlRow(536, DAY, -450.74, 0.74, 1, trade.ts());
        try (Database database = Database.open(file)) {
            boolean counted = database.inTransaction("count trade 101", () -> {
                boolean isNew = new TradeRepository(database).recordIfNew(trade);
                new DayPnlRepository(database).upsert(pnl);
                return isNew;
            });
            assertThat(counted).isTrue();
        }
        try (Database database = Database.open(file)) {
            assertThat(new TradeRepository(database).forDay(536, DAY)).containsExactly(trade);
            assertThat(new DayPnlRepository(database).get(536, DAY)).contains(pnl);
        }
    }

    @Test
    void aTransactionThatFailsLeavesNothingBehind() {
        Path file = dir.resolve("riskguard.db");
        TradeRow trade = new TradeRow(536, 101, DAY, Instant.parse("2026-11-24T15:00:00Z"), "CON.F.US.MNQ.Z25",
                -450.0, 0.74, false);
        try (Database database = Database.open(file)) {
            assertThatThrownBy(() -> database.inTransaction("count trade 101", () -> {
                new TradeRepository(database).recordIfNew(trade);
                throw new IllegalStateException("crashed before the P&L was stored");
            })).isInstanceOf(IllegalStateException.class);

            assertThat(new TradeRepository(database).forDay(536, DAY)).isEmpty();
            assertThat(new TradeRepository(database).recordIfNew(trade)).as("the trade is still new").isTrue();
        }
    }

    @Test
    void auditLogRefusesUpdatesAndDeletes() {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            new AuditLog(database).append(new AuditRow("d-1", Instant.EPOCH, 1, "RULE-003", "CLOSE_ALL",
                    null, null, null, null, null, null, "loss", null, AuditPhase.DECIDED, null, null));
            assertThatThrownBy(() -> database.write("tamper", c -> execute(c, "UPDATE audit_log SET reason = 'x'")))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> database.write("tamper", c -> execute(c, "DELETE FROM audit_log")))
                    .hasMessageContaining("append-only");
        }
    }

    private static int execute(Statements c, String sql) throws java.sql.SQLException {
        return Sql.update(c, sql, statement -> { });
    }

    static List<String> tables(Database database) {
        return database.read("list tables", c -> Sql.list(c, "SELECT name FROM sqlite_master WHERE type = 'table'",
                select -> { }, row -> row.getString(1)));
    }

    private static String pragma(Database database, String name) {
        return database.read("read pragma " + name, c -> Sql.first(c, "PRAGMA " + name, select -> { },
                row -> row.getString(1)).orElseThrow());
    }

    private static int migrationsApplied(Database database) {
        return database.read("count migrations", c -> Sql.first(c,
                "SELECT count(*) FROM flyway_schema_history WHERE success = 1", select -> { },
                row -> row.getInt(1)).orElseThrow());
    }
}
