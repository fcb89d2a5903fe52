-- Letters to PPKs (recommendation, warning). The store numbers each in the transaction of the
-- action that sends it: one gapless sequence per kind and year, drawn from `counters`
-- (`letter:KIND:YEAR`), so a refused or rolled-back action takes no number. The PDF is made
-- afterwards by the worker (a `letters` job queued in the same transaction), stored as
-- evidence of the case, and its SHA-256 and size written here once. Number, kind and date
-- never change. A recommendation's notice to the PPK liaisons names its letter
-- (mail_outbox.letter_id) and is queued for sending only once the PDF exists, to go with it.
-- Column types mirror migrations/postgres/0012_letters.sql; a test checks they agree.

CREATE TABLE letters (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    event_seq INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('recommendation', 'warning')),
    year INTEGER NOT NULL,
    serial INTEGER NOT NULL CHECK (serial > 0),
    number TEXT NOT NULL UNIQUE,
    issued_at TIMESTAMPTZ NOT NULL,
    sha256 TEXT,
    size INTEGER,
    rendered_at TIMESTAMPTZ,
    UNIQUE (kind, year, serial),
    UNIQUE (case_id, event_seq),
    CHECK ((sha256 IS NULL) = (rendered_at IS NULL))
);

CREATE TRIGGER letters_no_delete BEFORE DELETE ON letters
BEGIN SELECT RAISE(ABORT, 'DELETE on letters is not allowed: records are append-only'); END;
CREATE TRIGGER letters_file_once BEFORE UPDATE ON letters
WHEN OLD.sha256 IS NOT NULL OR NEW.case_id IS NOT OLD.case_id OR NEW.event_seq IS NOT OLD.event_seq
    OR NEW.kind IS NOT OLD.kind OR NEW.year IS NOT OLD.year OR NEW.serial IS NOT OLD.serial
    OR NEW.number IS NOT OLD.number OR NEW.issued_at IS NOT OLD.issued_at
BEGIN SELECT RAISE(ABORT, 'UPDATE on letters may only record the letter''s file, once'); END;

ALTER TABLE mail_outbox ADD COLUMN letter_id INTEGER REFERENCES letters (id);
CREATE INDEX mail_outbox_letter ON mail_outbox (letter_id);
