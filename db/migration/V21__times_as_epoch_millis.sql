-- Due and review times become numbers (milliseconds since 1970 UTC). Stored as ISO text they were compared as text, so a
-- year-10000 due ('+10000-...') sorted before every real one and jammed the queue. Columns are converted in place (add,
-- fill, drop, rename) rather than by rebuilding the tables, which other tables reference. A time SQLite cannot read (only
-- such far-future ones) becomes 9999-12-31, the last moment the app accepts.
ALTER TABLE reviews ADD COLUMN reviewed_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reviews ADD COLUMN due_ms INTEGER NOT NULL DEFAULT 0;
UPDATE reviews SET
    reviewed_ms = coalesce(CAST(round(unixepoch(reviewed_at, 'subsec') * 1000) AS INTEGER), 253402300799000),
    due_ms = coalesce(CAST(round(unixepoch(due, 'subsec') * 1000) AS INTEGER), 253402300799000);
ALTER TABLE reviews DROP COLUMN reviewed_at;
ALTER TABLE reviews DROP COLUMN due;
ALTER TABLE reviews RENAME COLUMN reviewed_ms TO reviewed_at;
ALTER TABLE reviews RENAME COLUMN due_ms TO due;

DROP INDEX card_schedules_due;
ALTER TABLE card_schedules ADD COLUMN due_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE card_schedules ADD COLUMN last_review_ms INTEGER NOT NULL DEFAULT 0;
UPDATE card_schedules SET
    due_ms = coalesce(CAST(round(unixepoch(due, 'subsec') * 1000) AS INTEGER), 253402300799000),
    last_review_ms = coalesce(CAST(round(unixepoch(last_review, 'subsec') * 1000) AS INTEGER), 253402300799000);
ALTER TABLE card_schedules DROP COLUMN due;
ALTER TABLE card_schedules DROP COLUMN last_review;
ALTER TABLE card_schedules RENAME COLUMN due_ms TO due;
ALTER TABLE card_schedules RENAME COLUMN last_review_ms TO last_review;
CREATE INDEX card_schedules_due ON card_schedules (state, due);

-- A request id identifies one answer that counts: once that answer is undone, the same id may be answered again. The
-- column was UNIQUE, which SQLite cannot drop in place; it is renamed, emptied and left unused, and the id moves to a new
-- column with a plain index.
ALTER TABLE reviews RENAME COLUMN request_id TO request_id_until_v21;
ALTER TABLE reviews ADD COLUMN request_id TEXT;
UPDATE reviews SET request_id = request_id_until_v21, request_id_until_v21 = NULL;
CREATE INDEX reviews_request ON reviews (request_id);
