-- Registry records: KPU candidate lists, and the prevention records (integrity pacts, unpaid
-- leave, resignations) whose documents are evidence files referenced by SHA-256.
-- Types use PostgreSQL's names, as in 0001; a test checks that both schemas agree.

-- One row per place on a list. DPD candidates have no party: the unique index counts a
-- missing party number as 0, so that re-importing finds them too.
CREATE TABLE candidates (
    id INTEGER PRIMARY KEY,
    election_code TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('dpr', 'dpd', 'dprd_provinsi', 'dprd_kabkota', 'kepala_daerah', 'wakil_kepala_daerah')),
    dapil TEXT NOT NULL,
    party_number INTEGER,
    party_name TEXT,
    number INTEGER NOT NULL,
    name TEXT NOT NULL,
    given_name TEXT NOT NULL,
    front_titles TEXT,
    back_titles TEXT,
    sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
    residence TEXT,
    residence_region_code TEXT REFERENCES regions (code),
    spouse_name TEXT,
    birth_date DATE,
    updated_at TIMESTAMPTZ NOT NULL,
    import_batch TEXT NOT NULL
);
CREATE UNIQUE INDEX candidates_place_unique ON candidates (election_code, level, dapil, COALESCE(party_number, 0), number);
CREATE INDEX candidates_given_name ON candidates (given_name);

-- A pact is signed by one person or by an agency for all its staff; one per signer and
-- election (no election: a standing pledge), found by COALESCE(..., '') since NULLs differ.
CREATE TABLE integrity_pacts (
    id INTEGER PRIMARY KEY,
    civil_servant_id INTEGER REFERENCES civil_servants (id),
    agency_id INTEGER REFERENCES agencies (id),
    election_code TEXT,
    signed_on DATE NOT NULL,
    signatory TEXT,
    document_sha256 TEXT REFERENCES evidence (sha256),
    recorded_at TIMESTAMPTZ NOT NULL,
    import_batch TEXT NOT NULL,
    CHECK ((civil_servant_id IS NULL) <> (agency_id IS NULL))
);
CREATE UNIQUE INDEX integrity_pacts_signer_unique ON integrity_pacts (COALESCE(civil_servant_id, 0), COALESCE(agency_id, 0), COALESCE(election_code, ''));
CREATE INDEX integrity_pacts_person ON integrity_pacts (civil_servant_id);
CREATE INDEX integrity_pacts_agency ON integrity_pacts (agency_id);

-- CLTN (cuti di luar tanggungan negara): one row per period, found by its start.
CREATE TABLE unpaid_leaves (
    id INTEGER PRIMARY KEY,
    civil_servant_id INTEGER NOT NULL REFERENCES civil_servants (id),
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    reason TEXT,
    decree_number TEXT,
    document_sha256 TEXT REFERENCES evidence (sha256),
    recorded_at TIMESTAMPTZ NOT NULL,
    import_batch TEXT NOT NULL,
    CHECK (ends_on >= starts_on)
);
CREATE UNIQUE INDEX unpaid_leaves_period_unique ON unpaid_leaves (civil_servant_id, starts_on);

CREATE TABLE resignations (
    id INTEGER PRIMARY KEY,
    civil_servant_id INTEGER NOT NULL REFERENCES civil_servants (id),
    resigned_on DATE NOT NULL,
    effective_on DATE,
    decree_number TEXT,
    document_sha256 TEXT REFERENCES evidence (sha256),
    recorded_at TIMESTAMPTZ NOT NULL,
    import_batch TEXT NOT NULL
);
CREATE UNIQUE INDEX resignations_person_unique ON resignations (civil_servant_id, resigned_on);
