package riskguard.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Lockouts and cooldowns, which the gateway does not know about and must survive restarts. */
public final class LockoutRepository {

    private static final String SELECT = "SELECT id, account_id, kind, rule, symbol, starts_at, until, reason,"
            + " decision_id, lifted_at, lifted_by FROM lockouts";
    private static final String ACTIVE = "lifted_at IS NULL AND (until IS NULL OR until > ?)";

    private final Database database;

    public LockoutRepository(Database database) {
        this.database = database;
    }

    public StoredLockout insert(LockoutRow lockout) {
        long id = database.write("insert a " + lockout.rule() + " lockout for account " + lockout.accountId(),
                c -> Sql.insertReturningId(c,
                        "INSERT INTO lockouts (account_id, kind, rule, symbol, starts_at, until, reason, decision_id)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        insert -> {
                            insert.setLong(1, lockout.accountId());
                            insert.setString(2, lockout.kind().name());
                            insert.setString(3, lockout.rule());
                            insert.setString(4, lockout.symbol());
                            Columns.setInstant(insert, 5, lockout.startsAt());
                            Columns.setInstant(insert, 6, lockout.until());
                            insert.setString(7, lockout.reason());
                            insert.setString(8, lockout.decisionId());
                        }));
        return new StoredLockout(id, lockout, null, null);
    }

    /** The account's lockouts in force at {@code now}, oldest first. */
    public List<StoredLockout> active(long accountId, Instant now) {
        return database.read("read active lockouts of account " + accountId, c -> Sql.list(c,
                SELECT + " WHERE account_id = ? AND " + ACTIVE + " ORDER BY id",
                select -> {
                    select.setLong(1, accountId);
                    Columns.setInstant(select, 2, now);
                },
                LockoutRepository::map));
    }

    /** Every account's lockouts in force at {@code now}, by account, oldest first. */
    public List<StoredLockout> allActive(Instant now) {
        return database.read("read active lockouts", c -> Sql.list(c,
                SELECT + " WHERE " + ACTIVE + " ORDER BY account_id, id",
                select -> Columns.setInstant(select, 1, now),
                LockoutRepository::map));
    }

    public Optional<StoredLockout> find(long id) {
        return database.read("read lockout " + id, c -> Sql.first(c,
                SELECT + " WHERE id = ?",
                select -> select.setLong(1, id),
                LockoutRepository::map));
    }

    /**
     * Lifts one lockout early (an operator command). Returns false when it does not exist or
     * was already lifted; the first lift is the one that stays on record.
     */
    public boolean lift(long id, String liftedBy, Instant at) {
        return database.write("lift lockout " + id, c -> Sql.update(c,
                "UPDATE lockouts SET lifted_at = ?, lifted_by = ? WHERE id = ? AND lifted_at IS NULL",
                update -> {
                    Columns.setInstant(update, 1, at);
                    update.setString(2, liftedBy);
                    update.setLong(3, id);
                }) == 1);
    }

    /**
     * Lifts every unlifted lockout that {@code rule} set on the account, and only that rule's
     * (RULE-010 lifts its own lockout when canTrade returns, never another rule's). Recorded as
     * lifted by the rule itself. Returns how many were lifted.
     */
    public int liftByRule(long accountId, String rule, Instant at) {
        return database.write("lift " + rule + " lockouts of account " + accountId, c -> Sql.update(c,
                "UPDATE lockouts SET lifted_at = ?, lifted_by = ? WHERE account_id = ? AND rule = ? AND lifted_at IS NULL",
                update -> {
                    Columns.setInstant(update, 1, at);
                    update.setString(2, rule);
                    update.setLong(3, accountId);
                    update.setString(4, rule);
                }));
    }

    private static StoredLockout map(ResultSet row) throws SQLException {
        LockoutRow lockout = new LockoutRow(
                row.getLong("account_id"),
                LockoutKind.valueOf(row.getString("kind")),
                row.getString("rule"),
                row.getString("symbol"),
                Columns.getInstant(row, "starts_at"),
                Columns.getInstant(row, "until"),
                row.getString("reason"),
                row.getString("decision_id"));
        return new StoredLockout(row.getLong("id"), lockout,
                Columns.getInstant(row, "lifted_at"), row.getString("lifted_by"));
    }
}
