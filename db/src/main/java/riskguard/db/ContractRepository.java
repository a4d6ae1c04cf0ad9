package riskguard.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Cache of contract metadata (tick size and value, name for the symbol root). */
public final class ContractRepository {

    private static final String SELECT = "SELECT contract_id, name, description, tick_size, tick_value, symbol_id,"
            + " active, fetched_at FROM contracts";

    private final Database database;

    public ContractRepository(Database database) {
        this.database = database;
    }

    /** Stores the contract, replacing an earlier fetch of the same id. */
    public void upsert(ContractRow contract) {
        database.write("store contract " + contract.contractId(), c -> Sql.update(c,
                "INSERT INTO contracts (contract_id, name, description, tick_size, tick_value, symbol_id, active, fetched_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (contract_id) DO UPDATE SET name = excluded.name,"
                        + " description = excluded.description, tick_size = excluded.tick_size,"
                        + " tick_value = excluded.tick_value, symbol_id = excluded.symbol_id,"
                        + " active = excluded.active, fetched_at = excluded.fetched_at",
                upsert -> {
                    upsert.setString(1, contract.contractId());
                    upsert.setString(2, contract.name());
                    upsert.setString(3, contract.description());
                    upsert.setDouble(4, contract.tickSize());
                    upsert.setDouble(5, contract.tickValue());
                    upsert.setString(6, contract.symbolId());
                    upsert.setInt(7, contract.active() ? 1 : 0);
                    Columns.setInstant(upsert, 8, contract.fetchedAt());
                }));
    }

    public Optional<ContractRow> find(String contractId) {
        return database.read("read contract " + contractId, c -> Sql.first(c,
                SELECT + " WHERE contract_id = ?",
                select -> select.setString(1, contractId),
                ContractRepository::map));
    }

    /** Every cached contract, by id: to warm the cache on start. */
    public List<ContractRow> all() {
        return database.read("read contracts", c -> Sql.list(c,
                SELECT + " ORDER BY contract_id",
                select -> { },
                ContractRepository::map));
    }

    private static ContractRow map(ResultSet row) throws SQLException {
        return new ContractRow(
                row.getString("contract_id"),
                row.getString("name"),
                row.getString("description"),
                row.getDouble("tick_size"),
                row.getDouble("tick_value"),
                row.getString("symbol_id"),
                row.getInt("active") == 1,
                Columns.getInstant(row, "fetched_at"));
    }
}
