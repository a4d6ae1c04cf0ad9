package riskguard.db;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Marks each account's daily reset as done, so it runs exactly once per trading day. */
public final class ResetMarkRepository {

    private final Database database;

    public ResetMarkRepository(Database database) {
        this.database = database;
    }

    /**
     * Records that the reset of {@code tradingDay} ran at {@code at}. Returns true only for the
     * first call per account and day — across threads, restarts and processes — so the caller
     * performs the reset only when this returns true.
     */
    public boolean markIfFirst(long accountId, LocalDate tradingDay, Instant at) {
        return database.write("mark the " + tradingDay + " reset of account " + accountId, c -> Sql.update(c,
                "INSERT INTO reset_marks (account_id, trading_day, reset_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (account_id, trading_day) DO NOTHING",
                insert -> {
                    insert.setLong(1, accountId);
                    Columns.setDay(insert, 2, tradingDay);
                    Columns.setInstant(insert, 3, at);
                }) == 1);
    }

    /** The latest trading day whose reset ran for the account: where a catch-up on start begins. */
    public Optional<LocalDate> lastResetDay(long accountId) {
        return database.read("read the last reset of account " + accountId, c -> Sql.first(c,
                "SELECT max(trading_day) AS day FROM reset_marks WHERE account_id = ? HAVING day IS NOT NULL",
                select -> select.setLong(1, accountId),
                row -> Columns.getDay(row, "day")));
    }
}
