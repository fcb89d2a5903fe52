-- The tamper-evident audit log: every case event, every look at a reporter's identity, every
-- account change and sign-in, as a hash chain (each entry's hash covers its content and the
-- previous entry's hash; see crates/store/src/audit.rs and docs/decisions/0012). `seq` is
-- assigned by the store, contiguous from 1, so a deleted entry shows as a gap.
-- Column types mirror migrations/postgres/0009_audit_log.sql; a test checks they agree.

CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TIMESTAMPTZ NOT NULL,
    actor TEXT NOT NULL,
    actor_role TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT,
    details JSONB NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_subject ON audit_log (subject, seq);

-- Written once, never changed: the chain makes a change detectable, the triggers make it take
-- a deliberate act (dropping them) rather than a mistaken UPDATE.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'UPDATE on audit_log is not allowed: records are append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'DELETE on audit_log is not allowed: records are append-only'); END;
