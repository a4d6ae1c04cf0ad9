-- Every order riskguard placed, by the id the gateway gave it, with the customTag it was placed
-- with. The order searches of the REST API do not show the tag (only the hub's order event does),
-- so after a restart this is how riskguard knows its own orders when it first sees them in REST.
CREATE TABLE placed_orders (
    account_id  INTEGER NOT NULL,
    order_id    INTEGER NOT NULL,
    custom_tag  TEXT    NOT NULL,
    decision_id TEXT    NOT NULL,
    placed_at   INTEGER NOT NULL,
    PRIMARY KEY (account_id, order_id)
);
