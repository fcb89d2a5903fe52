-- Social-media accounts civil servants declare as theirs, through which the screening engine
-- maps public activity to people. One account belongs to one person: unique by platform and
-- normalised handle (netral_domain::registry::normalise_handle), which is also the lookup key.
-- Types use PostgreSQL's names, as in 0001; a test checks that both schemas agree.
CREATE TABLE declared_accounts (
    id INTEGER PRIMARY KEY,
    civil_servant_id INTEGER NOT NULL REFERENCES civil_servants (id),
    platform TEXT NOT NULL CHECK (platform IN ('facebook', 'instagram', 'x', 'tiktok', 'youtube', 'threads', 'linkedin', 'whatsapp_channel', 'other')),
    -- As the declaration wrote it.
    handle TEXT NOT NULL,
    handle_normalised TEXT NOT NULL,
    url TEXT,
    declared_on DATE,
    updated_at TIMESTAMPTZ NOT NULL,
    import_batch TEXT NOT NULL
);
CREATE UNIQUE INDEX declared_accounts_handle_unique ON declared_accounts (platform, handle_normalised);
CREATE INDEX declared_accounts_person ON declared_accounts (civil_servant_id);
