-- Registry: the official regions (rows loaded by the store after migrating, from
-- data/regions), agencies found by a normalised name, and the roster columns SIASN exports.
-- Column types mirror migrations/sqlite/0003_registry.sql; a test checks they agree.

CREATE TABLE regions (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('province', 'regency', 'city')),
    parent_code TEXT REFERENCES regions (code)
);
CREATE INDEX regions_parent ON regions (parent_code);

-- The key is the name as netral_domain::roster::agency_key reduces it. SQL cannot compute that
-- key, so rows already here get a placeholder that is unique, and the store rewrites it after
-- migrating (registry::ensure_agency_keys).
ALTER TABLE agencies ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE agencies SET name_key = '#' || id;
ALTER TABLE agencies ALTER COLUMN name_key DROP DEFAULT;
-- Not named *_key: the schema test takes PostgreSQL's *_key indexes for UNIQUE constraints.
CREATE UNIQUE INDEX agencies_name_key_unique ON agencies (name_key);

-- NULL where SIASN leaves the column empty; updated_at and import_batch are NULL only for rows
-- written before this migration.
ALTER TABLE civil_servants ADD COLUMN nip_lama TEXT;
ALTER TABLE civil_servants ADD COLUMN front_titles TEXT;
ALTER TABLE civil_servants ADD COLUMN back_titles TEXT;
ALTER TABLE civil_servants ADD COLUMN birth_place TEXT;
ALTER TABLE civil_servants ADD COLUMN employee_type TEXT NOT NULL DEFAULT 'pns' CHECK (employee_type IN ('pns', 'pppk'));
ALTER TABLE civil_servants ADD COLUMN status TEXT;
ALTER TABLE civil_servants ADD COLUMN work_location TEXT;
ALTER TABLE civil_servants ADD COLUMN eselon TEXT;
ALTER TABLE civil_servants ADD COLUMN rank TEXT;
ALTER TABLE civil_servants ADD COLUMN updated_at TIMESTAMPTZ;
ALTER TABLE civil_servants ADD COLUMN import_batch TEXT;
