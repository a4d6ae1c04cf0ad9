package riskguard.db;

import java.time.Instant;
import java.util.Optional;

/**
 * The orders riskguard placed, by the gateway's order id, with their {@code customTag}: the REST
 * order searches do not carry the tag, so a restarted daemon learns from here which of the
 * orders it finds are its own.
 */
public final class PlacedOrderRepository {

    private final Database database;

    public PlacedOrderRepository(Database database) {
        this.database = database;
    }

    /** Records that decision {@code decisionId} placed order {@code orderId} tagged {@code customTag}. */
    public void record(long accountId, long orderId, String customTag, String decisionId, Instant at) {
        database.write("record order " + orderId + " placed by decision " + decisionId, c -> Sql.update(c,
                "INSERT INTO placed_orders (account_id, order_id, custom_tag, decision_id, placed_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id, order_id) DO NOTHING",
                insert -> {
                    insert.setLong(1, accountId);
                    insert.setLong(2, orderId);
                    insert.setString(3, customTag);
                    insert.setString(4, decisionId);
                    Columns.setInstant(insert, 5, at);
                }));
    }

    /** The tag riskguard placed the order with; empty for an order riskguard did not place. */
    public Optional<String> tagOf(long accountId, long orderId) {
        return database.read("read the tag of order " + orderId, c -> Sql.first(c,
                "SELECT custom_tag FROM placed_orders WHERE account_id = ? AND order_id = ?",
                select -> {
                    select.setLong(1, accountId);
                    select.setLong(2, orderId);
                },
                row -> row.getString("custom_tag")));
    }
}
