-- Outgoing mail: a durable outbox written in the same transaction as the mail's cause, and a
-- log of every SMTP attempt. A message names what to say (kind, case, stage, deadline) and is
-- rendered in words when sent; subject and body keep what was last rendered. A notice to a
-- reporter has no address here: the address stays sealed with the report and is opened only
-- to send (see identity_reveals). notice_key makes each notice unique (one reminder per case,
-- stage, deadline and recipient), so sweeps and retried causes never mail twice.
-- Column types mirror migrations/postgres/0010_mail_outbox.sql; a test checks they agree.

CREATE TABLE mail_outbox (
    id INTEGER PRIMARY KEY,
    notice_key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('reminder', 'overdue', 'recommendation_arrived', 'stage_changed')),
    to_address TEXT,
    report_id INTEGER REFERENCES reports (id),
    case_id INTEGER REFERENCES cases (id),
    stage TEXT,
    due_on DATE,
    subject TEXT,
    body_text TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'skipped')),
    attempts INTEGER NOT NULL,
    last_error TEXT,
    sent_at TIMESTAMPTZ,
    CHECK ((to_address IS NULL) = (report_id IS NOT NULL))
);
CREATE INDEX mail_outbox_created ON mail_outbox (created_at);
CREATE INDEX mail_outbox_case ON mail_outbox (case_id);

CREATE TABLE mail_deliveries (
    id INTEGER PRIMARY KEY,
    outbox_id INTEGER NOT NULL REFERENCES mail_outbox (id),
    at TIMESTAMPTZ NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'failed')),
    response TEXT NOT NULL
);
CREATE INDEX mail_deliveries_outbox ON mail_deliveries (outbox_id, at);
