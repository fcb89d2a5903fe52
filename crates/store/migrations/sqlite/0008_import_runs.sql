-- Imports started from the back office: the uploaded file (kept in the data folder), who
-- started it, its progress while a worker runs it, and its outcome. The job that runs it is in
-- `jobs`, enqueued in the same transaction.
-- Column types mirror migrations/postgres/0008_import_runs.sql; a test checks they agree.

CREATE TABLE import_runs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('roster')),
    file_name TEXT NOT NULL,
    stored_name TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    started_by INTEGER NOT NULL REFERENCES staff_users (id),
    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    rows_read INTEGER NOT NULL,
    bytes_read INTEGER NOT NULL,
    inserted INTEGER,
    updated INTEGER,
    unchanged INTEGER,
    rejected INTEGER,
    error TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    started_at TIMESTAMPTZ,
    finished_at TIMESTAMPTZ
);
CREATE INDEX import_runs_created ON import_runs (created_at);
