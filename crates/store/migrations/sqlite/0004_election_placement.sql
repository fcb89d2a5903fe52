-- Which election a report concerns and where its incident falls against that election's
-- campaign (before / during / after): decided at intake from rules/elections/.
ALTER TABLE reports ADD COLUMN election_code TEXT;
ALTER TABLE reports ADD COLUMN campaign_phase TEXT CHECK (campaign_phase IN ('before', 'during', 'after'));
