-- Public intake: what the portal asks (violation hints, place, links, election), how the
-- reporter chose to be known (identity sealed, never in clear), the receipt (hash only),
-- evidence files (by SHA-256), the message thread, identity reveals, and rate-limit counters.

ALTER TABLE reports ADD COLUMN violation_hints JSONB NOT NULL DEFAULT '[]';
ALTER TABLE reports ADD COLUMN place TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN links JSONB NOT NULL DEFAULT '[]';
ALTER TABLE reports ADD COLUMN election TEXT CHECK (election IN ('pemilu', 'pilkada'));
ALTER TABLE reports ADD COLUMN reporter_mode TEXT NOT NULL DEFAULT 'anonymous' CHECK (reporter_mode IN ('anonymous', 'confidential', 'identified'));
ALTER TABLE reports ADD COLUMN reporter_identity BLOB;
ALTER TABLE reports ADD COLUMN receipt_hash TEXT;

CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    media_type TEXT NOT NULL,
    first_stored_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    at TIMESTAMPTZ NOT NULL,
    author_kind TEXT NOT NULL CHECK (author_kind IN ('reporter', 'handler')),
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    internal BOOLEAN NOT NULL,
    idempotency_key TEXT UNIQUE
);
CREATE INDEX messages_case ON messages (case_id, at);

CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    report_id INTEGER REFERENCES reports (id),
    message_id INTEGER REFERENCES messages (id),
    evidence_id INTEGER NOT NULL REFERENCES evidence (id),
    original_name TEXT NOT NULL,
    added_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX attachments_case ON attachments (case_id);

CREATE TABLE identity_reveals (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports (id),
    at TIMESTAMPTZ NOT NULL,
    actor TEXT NOT NULL,
    reason TEXT NOT NULL
);

CREATE TABLE rate_limits (
    bucket TEXT NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    hits INTEGER NOT NULL,
    PRIMARY KEY (bucket, window_start)
);

CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence
BEGIN SELECT RAISE(ABORT, 'UPDATE on evidence is not allowed: records are append-only'); END;
CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence
BEGIN SELECT RAISE(ABORT, 'DELETE on evidence is not allowed: records are append-only'); END;
CREATE TRIGGER messages_no_update BEFORE UPDATE ON messages
BEGIN SELECT RAISE(ABORT, 'UPDATE on messages is not allowed: records are append-only'); END;
CREATE TRIGGER messages_no_delete BEFORE DELETE ON messages
BEGIN SELECT RAISE(ABORT, 'DELETE on messages is not allowed: records are append-only'); END;
CREATE TRIGGER attachments_no_update BEFORE UPDATE ON attachments
BEGIN SELECT RAISE(ABORT, 'UPDATE on attachments is not allowed: records are append-only'); END;
CREATE TRIGGER attachments_no_delete BEFORE DELETE ON attachments
BEGIN SELECT RAISE(ABORT, 'DELETE on attachments is not allowed: records are append-only'); END;
CREATE TRIGGER identity_reveals_no_update BEFORE UPDATE ON identity_reveals
BEGIN SELECT RAISE(ABORT, 'UPDATE on identity_reveals is not allowed: records are append-only'); END;
CREATE TRIGGER identity_reveals_no_delete BEFORE DELETE ON identity_reveals
BEGIN SELECT RAISE(ABORT, 'DELETE on identity_reveals is not allowed: records are append-only'); END;
