-- The tamper-evident audit log: every case event, every look at a reporter's identity, every
-- account change and sign-in, as a hash chain (each entry's hash covers its content and the
-- previous entry's hash; see crates/store/src/audit.rs and docs/decisions/0012). `seq` is
-- assigned by the store, contiguous from 1, so a deleted entry shows as a gap; appends take a
-- transaction-level advisory lock so two transactions never both take the same place.
-- Column types mirror migrations/sqlite/0009_audit_log.sql; a test checks they agree.

CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
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

-- Written once, never changed (netral_refuse_change is defined in 0001). TRUNCATE bypasses
-- row triggers, so it is refused too.
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION netral_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION netral_refuse_change();
