package riskguard.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/** The append-only enforcement audit log (the database refuses updates and deletes). */
public final class AuditLog {

    private static final String INSERT = "INSERT INTO audit_log (decision_id, ts, account_id, rule, action,"
            + " contract_id, order_id, size, until, symbol, stop_price, reason, facts, phase, detail,"
            + " rule_package_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT id, decision_id, ts, account_id, rule, action, contract_id, order_id,"
            + " size, until, symbol, stop_price, reason, facts, phase, detail, rule_package_version, created_at"
            + " FROM audit_log";

    private final Database database;
    private final Clock clock;

    public AuditLog(Database database) {
        this(database, Clock.systemUTC());
    }

    /** {@code clock} stamps {@code created_at}, the wall-clock time a row is written. */
    public AuditLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Compiles {@link #append}'s statement now (the daemon does at start-up), not at the first decision. */
    public void prepare() {
        database.read("prepare the audit log's insert", c -> {
            Sql.prepareInsertReturningId(c, INSERT);
            return null;
        });
    }

    /** Appends the row, committed before returning; returns its id. */
    public long append(AuditRow row) {
        return database.write("append " + row.phase() + " of decision " + row.decisionId() + " to the audit log",
                c -> Sql.insertReturningId(c, INSERT,
                        insert -> {
                            insert.setString(1, row.decisionId());
                            Columns.setInstant(insert, 2, row.ts());
                            insert.setLong(3, row.accountId());
                            insert.setString(4, row.rule());
                            insert.setString(5, row.action());
                            insert.setString(6, row.contractId());
                            Columns.setLong(insert, 7, row.orderId());
                            Columns.setInteger(insert, 8, row.size());
                            Columns.setInstant(insert, 9, row.until());
                            insert.setString(10, row.symbol());
                            Columns.setDouble(insert, 11, row.stopPrice());
                            insert.setString(12, row.reason());
                            insert.setString(13, row.factsJson());
                            insert.setString(14, row.phase().name());
                            insert.setString(15, row.detail());
                            insert.setString(16, row.rulePackageVersion());
                            Columns.setInstant(insert, 17, clock.instant());
                        }));
    }

    /** The account's latest {@code limit} rows, newest first. */
    public List<StoredAuditRow> recent(long accountId, int limit) {
        return database.read("read the audit log of account " + accountId, c -> Sql.list(c,
                SELECT + " WHERE account_id = ? ORDER BY id DESC LIMIT ?",
                select -> {
                    select.setLong(1, accountId);
                    select.setInt(2, limit);
                },
                AuditLog::map));
    }

    /** The latest {@code limit} rows of every account, newest first. */
    public List<StoredAuditRow> recent(int limit) {
        return database.read("read the audit log", c -> Sql.list(c,
                SELECT + " ORDER BY id DESC LIMIT ?",
                select -> select.setInt(1, limit),
                AuditLog::map));
    }

    /** Every row of one decision, in the order written. */
    public List<StoredAuditRow> forDecision(String decisionId) {
        return database.read("read the audit log of decision " + decisionId, c -> Sql.list(c,
                SELECT + " WHERE decision_id = ? ORDER BY id",
                select -> select.setString(1, decisionId),
                AuditLog::map));
    }

    private static StoredAuditRow map(ResultSet row) throws SQLException {
        AuditRow audit = new AuditRow(
                row.getString("decision_id"),
                Columns.getInstant(row, "ts"),
                row.getLong("account_id"),
                row.getString("rule"),
                row.getString("action"),
                row.getString("contract_id"),
                Columns.getLong(row, "order_id"),
                Columns.getInteger(row, "size"),
                Columns.getInstant(row, "until"),
                row.getString("symbol"),
                Columns.getDouble(row, "stop_price"),
                row.getString("reason"),
                row.getString("facts"),
                AuditPhase.valueOf(row.getString("phase")),
                row.getString("detail"),
                row.getString("rule_package_version"));
        return new StoredAuditRow(row.getLong("id"), Columns.getInstant(row, "created_at"), audit);
    }
}
