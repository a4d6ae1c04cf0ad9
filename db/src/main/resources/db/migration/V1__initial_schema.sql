-- riskguard's durable state. Conventions (see docs/database.md):
--   instants      INTEGER epoch milliseconds, UTC
--   trading days  TEXT ISO date 'YYYY-MM-DD' (the day that began at the last daily reset)
--   money         REAL dollars
--   booleans      INTEGER 0 / 1

-- A lockout is active while lifted_at IS NULL and (until IS NULL OR until > now).
CREATE TABLE lockouts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id  INTEGER NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('UNTIL_TIME', 'DURATION', 'INDEFINITE', 'SYMBOL')),
    rule        TEXT    NOT NULL,
    symbol      TEXT,
    starts_at   INTEGER NOT NULL,
    until       INTEGER,
    reason      TEXT    NOT NULL,
    decision_id TEXT,
    lifted_at   INTEGER,
    lifted_by   TEXT,
    CHECK (kind NOT IN ('UNTIL_TIME', 'DURATION') OR until IS NOT NULL),
    CHECK (kind <> 'INDEFINITE' OR until IS NULL),
    CHECK (kind <> 'SYMBOL' OR symbol IS NOT NULL),
    CHECK ((lifted_at IS NULL) = (lifted_by IS NULL))
);
CREATE INDEX lockouts_unlifted ON lockouts (account_id, until) WHERE lifted_at IS NULL;

-- Append-only: every enforcement is logged before (DECIDED, SENT) and after
-- (SUCCEEDED, FAILED, RETRY, SKIPPED) it runs, one row per step.
CREATE TABLE audit_log (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    decision_id          TEXT    NOT NULL,
    ts                   INTEGER NOT NULL,
    account_id           INTEGER NOT NULL,
    rule                 TEXT    NOT NULL,
    action               TEXT    NOT NULL,
    contract_id          TEXT,
    order_id             INTEGER,
    size                 INTEGER,
    until                INTEGER,
    symbol               TEXT,
    stop_price           REAL,
    reason               TEXT,
    facts                TEXT CHECK (facts IS NULL OR json_valid(facts)),
    phase                TEXT    NOT NULL CHECK (phase IN ('DECIDED', 'SENT', 'SUCCEEDED', 'FAILED', 'RETRY', 'SKIPPED')),
    detail               TEXT,
    rule_package_version TEXT,
    created_at           INTEGER NOT NULL
);
CREATE INDEX audit_log_account ON audit_log (account_id, id);
CREATE INDEX audit_log_decision ON audit_log (decision_id, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- The idempotency record: a decision whose status is DONE is never executed again.
CREATE TABLE decisions (
    decision_id TEXT    PRIMARY KEY,
    account_id  INTEGER NOT NULL,
    action      TEXT    NOT NULL,
    target      TEXT,
    status      TEXT    NOT NULL CHECK (status IN ('PENDING', 'DONE', 'FAILED')),
    attempts    INTEGER NOT NULL CHECK (attempts >= 0),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX decisions_pending ON decisions (created_at) WHERE status = 'PENDING';

CREATE TABLE day_pnl (
    account_id  INTEGER NOT NULL,
    trading_day TEXT    NOT NULL,
    realized    REAL    NOT NULL,
    fees        REAL    NOT NULL,
    trade_count INTEGER NOT NULL CHECK (trade_count >= 0),
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (account_id, trading_day)
);

-- Every trade id seen per account, so a fill is counted once across duplicates and restarts.
CREATE TABLE trades_seen (
    account_id  INTEGER NOT NULL,
    trade_id    INTEGER NOT NULL,
    trading_day TEXT    NOT NULL,
    ts          INTEGER NOT NULL,
    contract_id TEXT    NOT NULL,
    pnl         REAL,
    fees        REAL    NOT NULL,
    voided      INTEGER NOT NULL CHECK (voided IN (0, 1)),
    PRIMARY KEY (account_id, trade_id)
);
CREATE INDEX trades_seen_day ON trades_seen (account_id, trading_day, ts);

-- One row per account and trading day once that day's reset has run.
CREATE TABLE reset_marks (
    account_id  INTEGER NOT NULL,
    trading_day TEXT    NOT NULL,
    reset_at    INTEGER NOT NULL,
    PRIMARY KEY (account_id, trading_day)
);

-- Cache of /api/Contract/searchById answers.
CREATE TABLE contracts (
    contract_id TEXT    PRIMARY KEY,
    name        TEXT    NOT NULL,
    description TEXT,
    tick_size   REAL    NOT NULL CHECK (tick_size > 0),
    tick_value  REAL    NOT NULL CHECK (tick_value > 0),
    symbol_id   TEXT,
    active      INTEGER NOT NULL CHECK (active IN (0, 1)),
    fetched_at  INTEGER NOT NULL
);

CREATE TABLE rule_packages (
    version      TEXT    PRIMARY KEY,
    content_hash TEXT    NOT NULL,
    loaded_at    INTEGER NOT NULL,
    source_dir   TEXT    NOT NULL
);
CREATE INDEX rule_packages_loaded ON rule_packages (loaded_at);
