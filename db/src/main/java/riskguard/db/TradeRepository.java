package riskguard.db;

import java.time.LocalDate;
import java.util.List;

/** Trade ids seen per account, so a fill counts once across duplicate events and restarts. */
public final class TradeRepository {

    private final Database database;

    public TradeRepository(Database database) {
        this.database = database;
    }

    /** Stores the trade unless its id was already seen for the account; returns whether it was new. */
    public boolean recordIfNew(TradeRow trade) {
        return database.write("record trade " + trade.tradeId() + " of account " + trade.accountId(), c -> Sql.update(c,
                "INSERT INTO trades_seen (account_id, trade_id, trading_day, ts, contract_id, pnl, fees, voided)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, trade_id) DO NOTHING",
                insert -> {
                    insert.setLong(1, trade.accountId());
                    insert.setLong(2, trade.tradeId());
                    Columns.setDay(insert, 3, trade.tradingDay());
                    Columns.setInstant(insert, 4, trade.ts());
                    insert.setString(5, trade.contractId());
                    Columns.setDouble(insert, 6, trade.pnl());
                    insert.setDouble(7, trade.fees());
                    insert.setInt(8, trade.voided() ? 1 : 0);
                }) == 1);
    }

    /**
     * Marks a seen trade voided (the gateway voids trades after the fact). Returns true when
     * this changed it, false when it was already voided or never seen.
     */
    public boolean markVoided(long accountId, long tradeId) {
        return database.write("void trade " + tradeId + " of account " + accountId, c -> Sql.update(c,
                "UPDATE trades_seen SET voided = 1 WHERE account_id = ? AND trade_id = ? AND voided = 0",
                update -> {
                    update.setLong(1, accountId);
                    update.setLong(2, tradeId);
                }) == 1);
    }

    /** The account's trades of one trading day, voided ones included, in time order. */
    public List<TradeRow> forDay(long accountId, LocalDate tradingDay) {
        return database.read("read the " + tradingDay + " trades of account " + accountId, c -> Sql.list(c,
                "SELECT account_id, trade_id, trading_day, ts, contract_id, pnl, fees, voided FROM trades_seen"
                        + " WHERE account_id = ? AND trading_day = ? ORDER BY ts, trade_id",
                select -> {
                    select.setLong(1, accountId);
                    Columns.setDay(select, 2, tradingDay);
                },
                row -> new TradeRow(
                        row.getLong("account_id"),
                        row.getLong("trade_id"),
                        Columns.getDay(row, "trading_day"),
                        Columns.getInstant(row, "ts"),
                        row.getString("contract_id"),
                        Columns.getDouble(row, "pnl"),
                        row.getDouble("fees"),
                        row.getInt("voided") == 1)));
    }
}
