package riskguard.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The day's realized P&L per account, so a restart mid-day does not forget the losses so far. */
public final class DayPnlRepository {

    private static final String SELECT =
            "SELECT account_id, trading_day, realized, fees, trade_count, updated_at FROM day_pnl";

    private final Database database;

    public DayPnlRepository(Database database) {
        this.database = database;
    }

    /** Stores the day's totals, replacing what was stored for that account and day. */
    public void upsert(DayPnlRow pnl) {
        database.write("store the " + pnl.tradingDay() + " P&L of account " + pnl.accountId(), c -> Sql.update(c,
                "INSERT INTO day_pnl (account_id, trading_day, realized, fees, trade_count, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (account_id, trading_day) DO UPDATE SET realized = excluded.realized,"
                        + " fees = excluded.fees, trade_count = excluded.trade_count, updated_at = excluded.updated_at",
                upsert -> {
                    upsert.setLong(1, pnl.accountId());
                    Columns.setDay(upsert, 2, pnl.tradingDay());
                    upsert.setDouble(3, pnl.realized());
                    upsert.setDouble(4, pnl.fees());
                    upsert.setInt(5, pnl.tradeCount());
                    Columns.setInstant(upsert, 6, pnl.updatedAt());
                }));
    }

    public Optional<DayPnlRow> get(long accountId, LocalDate tradingDay) {
        return database.read("read the " + tradingDay + " P&L of account " + accountId, c -> Sql.first(c,
                SELECT + " WHERE account_id = ? AND trading_day = ?",
                select -> {
                    select.setLong(1, accountId);
                    Columns.setDay(select, 2, tradingDay);
                },
                DayPnlRepository::map));
    }

    /** Every account's totals for one trading day, by account: what {@code status} shows. */
    public List<DayPnlRow> forDay(LocalDate tradingDay) {
        return database.read("read the " + tradingDay + " P&L", c -> Sql.list(c,
                SELECT + " WHERE trading_day = ? ORDER BY account_id",
                select -> Columns.setDay(select, 1, tradingDay),
                DayPnlRepository::map));
    }

    private static DayPnlRow map(ResultSet row) throws SQLException {
        return new DayPnlRow(
                row.getLong("account_id"),
                Columns.getDay(row, "trading_day"),
                row.getDouble("realized"),
                row.getDouble("fees"),
                row.getInt("trade_count"),
                Columns.getInstant(row, "updated_at"));
    }
}
