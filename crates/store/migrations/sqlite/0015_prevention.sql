-- Prevention: questions to the "Boleh atau tidak?" guide's advisory line, socialization
-- meetings with their attendance and evaluation surveys, the integrity-pact campaign's targets
-- and reminders, and how often each guide answer is read (its "top questions" make the
-- campaign posters). Mail gains two kinds that concern no case: a pact reminder to an agency's
-- PPK liaisons and an advisory answer to the person who asked; `details` carries what such a
-- message says (JSON), since it has no case to read it from.
-- Column types mirror migrations/postgres/0015_prevention.sql; a test checks they agree.

-- SQLite cannot change a CHECK in place: the outbox is rebuilt with the same columns in the
-- same order. Deliveries point at outbox ids, which are kept, so the foreign keys are checked
-- again only at commit.
PRAGMA defer_foreign_keys = ON;
CREATE TABLE mail_outbox_rebuilt (
    id INTEGER PRIMARY KEY,
    notice_key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('reminder', 'overdue', 'recommendation_arrived', 'stage_changed', 'pact_reminder', 'advisory_answered')),
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
    letter_id INTEGER REFERENCES letters (id),
    details TEXT,
    CHECK ((to_address IS NULL) = (report_id IS NOT NULL))
);
INSERT INTO mail_outbox_rebuilt
SELECT id, notice_key, kind, to_address, report_id, case_id, stage, due_on, subject, body_text,
       created_at, status, attempts, last_error, sent_at, letter_id, NULL
FROM mail_outbox;
DROP TABLE mail_outbox;
ALTER TABLE mail_outbox_rebuilt RENAME TO mail_outbox;
CREATE INDEX mail_outbox_created ON mail_outbox (created_at);
CREATE INDEX mail_outbox_case ON mail_outbox (case_id);
CREATE INDEX mail_outbox_letter ON mail_outbox (letter_id);

-- A question the guide could not answer. The asker's address is optional and used only to
-- send the answer; a published answer is shown in the guide to everyone.
CREATE TABLE advisory_questions (
    id INTEGER PRIMARY KEY,
    question TEXT NOT NULL,
    asker_email TEXT,
    asked_at TIMESTAMPTZ NOT NULL,
    verdict TEXT CHECK (verdict IN ('allowed', 'conditional', 'forbidden')),
    answer TEXT,
    answered_by INTEGER REFERENCES staff_users (id),
    answered_at TIMESTAMPTZ,
    published BOOLEAN NOT NULL,
    CHECK ((answer IS NULL) = (answered_at IS NULL)),
    CHECK ((answer IS NULL) = (verdict IS NULL)),
    CHECK (NOT published OR answer IS NOT NULL)
);
CREATE INDEX advisory_questions_asked ON advisory_questions (asked_at);

CREATE TABLE socialization_events (
    id INTEGER PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES agencies (id),
    title TEXT NOT NULL,
    held_on DATE NOT NULL,
    place TEXT NOT NULL,
    audience TEXT NOT NULL,
    materials TEXT NOT NULL,
    survey_code TEXT NOT NULL,
    -- The secret in the survey link and QR code: who holds it may answer, once per NIP.
    survey_token TEXT NOT NULL UNIQUE,
    created_by INTEGER NOT NULL REFERENCES staff_users (id),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX socialization_events_agency ON socialization_events (agency_id, held_on);
CREATE INDEX socialization_events_held ON socialization_events (held_on);

-- The attendance list as uploaded: a NIP a line, matched to the roster when it is on it.
CREATE TABLE socialization_attendance (
    event_id INTEGER NOT NULL REFERENCES socialization_events (id),
    nip TEXT NOT NULL,
    listed_name TEXT NOT NULL,
    civil_servant_id INTEGER REFERENCES civil_servants (id),
    PRIMARY KEY (event_id, nip)
);

-- One response per participant and event: `respondent_key` is the SHA-256 of the event's
-- token and the participant's NIP, so a second answer is recognised without the answers
-- naming anyone.
CREATE TABLE survey_responses (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES socialization_events (id),
    respondent_key TEXT NOT NULL,
    submitted_at TIMESTAMPTZ NOT NULL,
    answers TEXT NOT NULL,
    UNIQUE (event_id, respondent_key)
);

-- The share of each agency's roster the pact campaign aims to cover for an election.
CREATE TABLE pact_targets (
    election_code TEXT PRIMARY KEY,
    target_percent INTEGER NOT NULL CHECK (target_percent BETWEEN 1 AND 100),
    set_by INTEGER NOT NULL REFERENCES staff_users (id),
    set_at TIMESTAMPTZ NOT NULL
);

-- Reminders sent to agencies below the target: at most one per agency, election and day.
CREATE TABLE pact_reminders (
    id INTEGER PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES agencies (id),
    election_code TEXT NOT NULL,
    sent_on DATE NOT NULL,
    covered_percent INTEGER NOT NULL,
    target_percent INTEGER NOT NULL,
    recipients INTEGER NOT NULL,
    sent_by INTEGER NOT NULL REFERENCES staff_users (id),
    UNIQUE (agency_id, election_code, sent_on)
);

CREATE TABLE guide_reads (
    entry_code TEXT PRIMARY KEY,
    reads INTEGER NOT NULL
);
