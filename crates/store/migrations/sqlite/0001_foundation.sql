-- Foundation schema: agencies and civil servants (minimal; the registry grows them), cases
-- with their append-only event log, reports, counters for numbering, and the job queue.
-- Declared types use PostgreSQL's names (DATE, TIMESTAMPTZ, JSONB) so that a test can check
-- that both schemas agree; SQLite stores them as text in one UTC format.

CREATE TABLE agencies (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('central', 'province', 'regency', 'city')),
    region_code TEXT,
    ppk_title TEXT NOT NULL
);

CREATE TABLE civil_servants (
    id INTEGER PRIMARY KEY,
    nip TEXT NOT NULL UNIQUE,
    nik TEXT,
    name TEXT NOT NULL,
    given_name TEXT NOT NULL,
    sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
    birth_date DATE NOT NULL,
    agency_id INTEGER NOT NULL REFERENCES agencies (id),
    unit TEXT NOT NULL,
    position_type TEXT NOT NULL,
    position TEXT NOT NULL
);
CREATE INDEX civil_servants_agency ON civil_servants (agency_id);

CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL,
    rules_version TEXT NOT NULL,
    incident_date DATE NOT NULL,
    subject_id INTEGER REFERENCES civil_servants (id),
    agency_id INTEGER REFERENCES agencies (id),
    stage_started_on DATE NOT NULL,
    deadline DATE,
    deadline_provisional BOOLEAN NOT NULL,
    file JSONB NOT NULL,
    revision INTEGER NOT NULL,
    opened_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX cases_state_deadline ON cases (state, deadline);
CREATE INDEX cases_agency ON cases (agency_id);

CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    channel TEXT NOT NULL CHECK (channel IN ('public', 'bawaslu', 'inspectorate', 'superior', 'lead')),
    received_at TIMESTAMPTZ NOT NULL,
    incident_date DATE NOT NULL,
    subject_nip TEXT,
    subject_nik TEXT,
    subject_description TEXT,
    summary TEXT NOT NULL,
    idempotency_key TEXT UNIQUE
);
CREATE INDEX reports_case ON reports (case_id);

CREATE TABLE case_events (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    seq INTEGER NOT NULL,
    at TIMESTAMPTZ NOT NULL,
    actor TEXT NOT NULL,
    role TEXT NOT NULL,
    kind TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    payload JSONB NOT NULL,
    UNIQUE (case_id, seq)
);

-- What was recorded stays recorded: corrections are new events, never edits.
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
BEGIN SELECT RAISE(ABORT, 'UPDATE on case_events is not allowed: records are append-only'); END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
BEGIN SELECT RAISE(ABORT, 'DELETE on case_events is not allowed: records are append-only'); END;
CREATE TRIGGER cases_never_deleted BEFORE DELETE ON cases
BEGIN SELECT RAISE(ABORT, 'DELETE on cases is not allowed: records are append-only'); END;
CREATE TRIGGER reports_no_update BEFORE UPDATE ON reports
BEGIN SELECT RAISE(ABORT, 'UPDATE on reports is not allowed: records are append-only'); END;
CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports
BEGIN SELECT RAISE(ABORT, 'DELETE on reports is not allowed: records are append-only'); END;

CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    queue TEXT NOT NULL,
    payload JSONB NOT NULL,
    run_at TIMESTAMPTZ NOT NULL,
    attempts INTEGER NOT NULL,
    max_attempts INTEGER NOT NULL,
    locked_by TEXT,
    locked_until TIMESTAMPTZ,
    finished_at TIMESTAMPTZ,
    failed_at TIMESTAMPTZ,
    last_error TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX jobs_ready ON jobs (queue, run_at) WHERE finished_at IS NULL AND failed_at IS NULL;
