package riskguard.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Which rule packages were loaded (or rejected) when: audit rows name a version, this says
 * what it was; a rejected attempt keeps its compile errors.
 */
public final class RulePackageRepository {

    private static final String SELECT = "SELECT version, content_hash, loaded_at, source_dir, status, errors FROM rule_packages";

    private final Database database;

    public RulePackageRepository(Database database) {
        this.database = database;
    }

    /**
     * Records a load attempt; the same version again (a restart) replaces its row. A version
     * should name one content (derive it from the content hash, or bump it on every change) so
     * that the version in an audit row says which rules decided.
     */
    public void record(RulePackageRow rulePackage) {
        database.write("record rule package " + rulePackage.version(), c -> Sql.update(c,
                "INSERT INTO rule_packages (version, content_hash, loaded_at, source_dir, status, errors)"
                        + " VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (version) DO UPDATE SET content_hash = excluded.content_hash,"
                        + " loaded_at = excluded.loaded_at, source_dir = excluded.source_dir,"
                        + " status = excluded.status, errors = excluded.errors",
                upsert -> {
                    upsert.setString(1, rulePackage.version());
                    upsert.setString(2, rulePackage.contentHash());
                    Columns.setInstant(upsert, 3, rulePackage.loadedAt());
                    upsert.setString(4, rulePackage.sourceDir());
                    upsert.setString(5, rulePackage.status().name());
                    upsert.setString(6, rulePackage.errors());
                }));
    }

    public Optional<RulePackageRow> find(String version) {
        return database.read("read rule package " + version, c -> Sql.first(c,
                SELECT + " WHERE version = ?",
                select -> select.setString(1, version),
                RulePackageRepository::map));
    }

    /** The most recent load attempt, loaded or rejected. */
    public Optional<RulePackageRow> latest() {
        return database.read("read the latest rule package", c -> Sql.first(c,
                SELECT + " ORDER BY loaded_at DESC, rowid DESC LIMIT 1",
                select -> { },
                RulePackageRepository::map));
    }

    /** Every load attempt, newest first. */
    public List<RulePackageRow> history() {
        return database.read("read rule packages", c -> Sql.list(c,
                SELECT + " ORDER BY loaded_at DESC, rowid DESC",
                select -> { },
                RulePackageRepository::map));
    }

    private static RulePackageRow map(ResultSet row) throws SQLException {
        return new RulePackageRow(
                row.getString("version"),
                row.getString("content_hash"),
                Columns.getInstant(row, "loaded_at"),
                row.getString("source_dir"),
                RulePackageRow.Status.valueOf(row.getString("status")),
                row.getString("errors"));
    }
}
