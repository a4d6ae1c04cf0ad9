package riskguard.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Makes enforcement idempotent: a decision that is DONE is never executed again. */
public final class DecisionRepository {

    private static final String SELECT = "SELECT decision_id, account_id, action, target, status, attempts,"
            + " created_at, updated_at FROM decisions";
    private static final String CLAIM = "INSERT INTO decisions (decision_id, account_id, action, target, status,"
            + " attempts, created_at, updated_at) VALUES (?, ?, ?, ?, 'PENDING', 1, ?, ?)"
            + " ON CONFLICT (decision_id) DO UPDATE SET status = 'PENDING', attempts = attempts + 1,"
            + " updated_at = excluded.updated_at WHERE status <> 'DONE'";
    private static final String SET_STATUS =
            "UPDATE decisions SET status = ?, updated_at = ? WHERE decision_id = ? AND status <> 'DONE'";

    private final Database database;

    public DecisionRepository(Database database) {
        this.database = database;
    }

    /**
     * Claims a decision for execution and counts the attempt. Returns true when the caller
     * should execute it: the decision is new, still PENDING (a retry, or a restart after a
     * crash mid-call) or FAILED earlier. Returns false once it is DONE.
     */
    public boolean claim(String decisionId, long accountId, String action, String target, Instant at) {
        return database.write("claim decision " + decisionId + " of account " + accountId, c -> Sql.update(c, CLAIM,
                insert -> {
                    insert.setString(1, decisionId);
                    insert.setLong(2, accountId);
                    insert.setString(3, action);
                    insert.setString(4, target);
                    Columns.setInstant(insert, 5, at);
                    Columns.setInstant(insert, 6, at);
                }) == 1);
    }

    /**
     * Compiles the statements of {@link #claim} and {@link #markDone} now (the daemon does at
     * start-up), so that the first enforcement does not spend its time in SQLite's compiler.
     */
    public void prepare() {
        database.read("prepare the claim's statements", c -> {
            c.prepare(CLAIM);
            c.prepare(SET_STATUS);
            return null;
        });
    }

    /** Records that the decision was executed; from now on {@link #claim} returns false. */
    public void markDone(String decisionId, Instant at) {
        setStatus(decisionId, DecisionStatus.DONE, at);
    }

    /** Records that the decision gave up; a DONE decision stays DONE. */
    public void markFailed(String decisionId, Instant at) {
        setStatus(decisionId, DecisionStatus.FAILED, at);
    }

    /** DONE is final: marking a DONE decision again changes nothing, not even its time. */
    private void setStatus(String decisionId, DecisionStatus status, Instant at) {
        database.write("mark decision " + decisionId + " " + status, c -> {
            int changed = Sql.update(c, SET_STATUS,
                    update -> {
                        update.setString(1, status.name());
                        Columns.setInstant(update, 2, at);
                        update.setString(3, decisionId);
                    });
            if (changed == 0 && !exists(c, decisionId)) {
                throw new DatabaseException("cannot mark decision " + decisionId + " " + status
                        + " in database " + database.file() + ": it was never claimed");
            }
            return changed;
        });
    }

    private static boolean exists(Statements c, String decisionId) throws SQLException {
        return Sql.first(c, "SELECT 1 FROM decisions WHERE decision_id = ?",
                select -> select.setString(1, decisionId), row -> true).isPresent();
    }

    public Optional<DecisionRow> find(String decisionId) {
        return database.read("read decision " + decisionId, c -> Sql.first(c,
                SELECT + " WHERE decision_id = ?",
                select -> select.setString(1, decisionId),
                DecisionRepository::map));
    }

    /** Decisions claimed but not finished, oldest first: what a restart must look at again. */
    public List<DecisionRow> pending() {
        return database.read("read pending decisions", c -> Sql.list(c,
                SELECT + " WHERE status = 'PENDING' ORDER BY created_at, decision_id",
                select -> { },
                DecisionRepository::map));
    }

    private static DecisionRow map(ResultSet row) throws SQLException {
        return new DecisionRow(
                row.getString("decision_id"),
                row.getLong("account_id"),
                row.getString("action"),
                row.getString("target"),
                DecisionStatus.valueOf(row.getString("status")),
                row.getInt("attempts"),
                Columns.getInstant(row, "created_at"),
                Columns.getInstant(row, "updated_at"));
    }
}
