-- Statistics: one row per case with where it falls (election, phase, channel, violation,
-- position type, agency and its kind and province) and the day it reached each milestone of
-- the funnel. A projection of the case's row, its first report and its events, rewritten by
-- the store in the same transaction as every change to the case (case_facts::refresh), so the
-- figures are never behind the cases. `change_seq` grows with every rewrite, in commit order
-- (it is drawn from `counters`, whose row lock is held to the commit), so a reader that keeps
-- the facts in memory fetches only the rows changed since it last looked.
-- Column types mirror migrations/postgres/0014_case_facts.sql; a test checks they agree.

CREATE TABLE case_facts (
    case_id INTEGER PRIMARY KEY REFERENCES cases (id),
    change_seq INTEGER NOT NULL UNIQUE,
    state TEXT NOT NULL,
    rules_version TEXT NOT NULL,
    election TEXT,
    phase TEXT CHECK (phase IN ('before', 'during', 'after')),
    channel TEXT NOT NULL,
    violation TEXT,
    position_type TEXT,
    agency_id INTEGER REFERENCES agencies (id),
    agency_kind TEXT,
    province TEXT,
    reported_on DATE NOT NULL,
    deadline DATE,
    verified_on DATE,
    proven_on DATE,
    not_proven_on DATE,
    rejected_on DATE,
    recommended_on DATE,
    sanctioned_on DATE,
    refused_on DATE,
    warned_on DATE,
    blocked_on DATE,
    unblocked_on DATE,
    appealed_on DATE,
    closed_on DATE
);

-- Every list of cases reads each case's first report (`WHERE case_id = $1 ORDER BY id LIMIT
-- 1`). With only the index on case_id, PostgreSQL may walk the primary key in id order instead
-- and scan most of the table for a recent case: 0.7 s for a page of 100 cases among 20,000.
CREATE INDEX reports_case_first ON reports (case_id, id);
-- It serves every lookup the index on case_id alone served.
DROP INDEX reports_case;
