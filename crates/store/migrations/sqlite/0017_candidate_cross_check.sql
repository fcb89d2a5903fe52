-- The candidate cross-check (netral-link): runs of one election's candidate lists against the
-- roster, and the pairs they propose for a person to review — never a verdict.
-- Column types mirror migrations/postgres/0017_candidate_cross_check.sql; a test checks they agree.

-- One row per run, from the back office (queued, then run by the worker) or from `netral link`
-- (started_by NULL). The counts are the engine's (LinkStats) and `added` the proposals new to
-- the table; `progress` is the roster rows read so far, for the page. At most one run per
-- election is queued or running: the partial unique index refuses a second.
CREATE TABLE link_runs (
    id INTEGER PRIMARY KEY,
    election_code TEXT NOT NULL,
    started_by INTEGER REFERENCES staff_users (id),
    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    created_at TIMESTAMPTZ NOT NULL,
    started_at TIMESTAMPTZ,
    finished_at TIMESTAMPTZ,
    progress INTEGER NOT NULL,
    roster_rows INTEGER,
    queries INTEGER,
    pairs_compared INTEGER,
    matches INTEGER,
    reviews INTEGER,
    added INTEGER,
    error TEXT
);
CREATE INDEX link_runs_election ON link_runs (election_code, created_at);
CREATE UNIQUE INDEX link_runs_one_active ON link_runs (election_code) WHERE status IN ('queued', 'running');

-- One row per candidate, relation (the candidate themself, or the spouse named on the list)
-- and civil servant, ever: a later run adds nothing for a pair already here, so a rejected
-- pair stays rejected. `explanation` is the JSON array of the engine's contributions (field,
-- level, weight; the first is the prior; they sum to `score`). Accepting files a report
-- (report_id) unless a resignation or CLTN record covers the pair (status covered, covered_by
-- naming the record).
CREATE TABLE link_proposals (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES link_runs (id),
    election_code TEXT NOT NULL,
    candidate_id INTEGER NOT NULL REFERENCES candidates (id),
    relation TEXT NOT NULL CHECK (relation IN ('self', 'spouse')),
    civil_servant_id INTEGER NOT NULL REFERENCES civil_servants (id),
    score DOUBLE PRECISION NOT NULL,
    probability DOUBLE PRECISION NOT NULL,
    band TEXT NOT NULL CHECK (band IN ('match', 'review')),
    explanation TEXT NOT NULL,
    found_at TIMESTAMPTZ NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'rejected', 'covered')),
    reviewed_by INTEGER REFERENCES staff_users (id),
    reviewed_at TIMESTAMPTZ,
    review_note TEXT,
    report_id INTEGER REFERENCES reports (id),
    covered_by TEXT,
    UNIQUE (election_code, candidate_id, relation, civil_servant_id),
    CHECK ((status = 'open') = (reviewed_at IS NULL))
);
CREATE INDEX link_proposals_queue ON link_proposals (election_code, status, band, score);
CREATE INDEX link_proposals_person ON link_proposals (civil_servant_id);
