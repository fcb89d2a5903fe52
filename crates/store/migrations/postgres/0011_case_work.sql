-- Desk work on cases: who works on a case now (the staff member's user name), and the case a
-- merged duplicate continues under. Both are projections of the case's events (`assign`,
-- `merge_into`), kept as columns so that queues filter by assignee and a case page gathers
-- the duplicates merged into it. Reports, messages and attachments keep the case they were
-- filed in (they are append-only); the merge is what joins them.
-- Column types mirror migrations/sqlite/0011_case_work.sql; a test checks they agree.

ALTER TABLE cases ADD COLUMN assignee TEXT;
ALTER TABLE cases ADD COLUMN merged_into BIGINT REFERENCES cases (id);
CREATE INDEX cases_assignee ON cases (assignee);
CREATE INDEX cases_merged_into ON cases (merged_into);

-- Likely duplicates are found by subject and by the NIP the reporter typed.
CREATE INDEX cases_subject ON cases (subject_id);
CREATE INDEX reports_subject_nip ON reports (subject_nip);
