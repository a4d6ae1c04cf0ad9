-- One row per load attempt of a rule package (hot reload): a package that failed to compile
-- is kept too, with its errors (one "file:line: message" per line), so status can show it.
ALTER TABLE rule_packages ADD COLUMN status TEXT NOT NULL DEFAULT 'LOADED' CHECK (status IN ('LOADED', 'REJECTED'));
ALTER TABLE rule_packages ADD COLUMN errors TEXT;
