-- Leads of the social-media screening engine: activity of a civil servant that looks partisan,
-- for a person to review — never a verdict. One row per activity record and civil servant
-- (record_sha256 is the SHA-256 of the record as received), so screening the same stream
-- again adds nothing, and a rejected lead stays rejected. Activity of accounts that map to no
-- civil servant is never written here. `reasons` is a JSON array of the explanation's lines.
-- Accepting a lead files a report (report_id) on the Lead channel.
-- Column types mirror migrations/postgres/0016_screening.sql; a test checks they agree.

CREATE TABLE screening_leads (
    id INTEGER PRIMARY KEY,
    civil_servant_id INTEGER NOT NULL REFERENCES civil_servants (id),
    election_code TEXT NOT NULL,
    violation TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    owner_basis TEXT NOT NULL CHECK (owner_basis IN ('declared', 'name')),
    owner_confidence DOUBLE PRECISION NOT NULL,
    platform TEXT NOT NULL,
    handle TEXT NOT NULL,
    action TEXT NOT NULL,
    body TEXT NOT NULL,
    target TEXT,
    url TEXT NOT NULL,
    at TIMESTAMPTZ NOT NULL,
    reasons TEXT NOT NULL,
    record_sha256 TEXT NOT NULL,
    found_at TIMESTAMPTZ NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'rejected')),
    reviewed_by INTEGER REFERENCES staff_users (id),
    reviewed_at TIMESTAMPTZ,
    review_note TEXT,
    report_id INTEGER REFERENCES reports (id),
    UNIQUE (record_sha256, civil_servant_id),
    CHECK ((status = 'open') = (reviewed_at IS NULL))
);
CREATE INDEX screening_leads_person ON screening_leads (civil_servant_id, election_code, status);
CREATE INDEX screening_leads_found ON screening_leads (status, found_at);
