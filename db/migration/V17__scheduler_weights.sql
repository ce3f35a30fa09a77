-- Scheduler weight fits: each run of the optimizer on the learner's own review log, kept with its figures so any can be
-- looked at again and restored. Times are epoch milliseconds.
CREATE TABLE scheduler_fits (
    id          INTEGER PRIMARY KEY,
    started_at  INTEGER NOT NULL,
    finished_at INTEGER,
    status      TEXT    NOT NULL CHECK (status IN ('running', 'done', 'failed', 'interrupted')),
    reviews     INTEGER NOT NULL DEFAULT 0,
    items       INTEGER NOT NULL DEFAULT 0,
    weights     TEXT,
    result      TEXT,
    message     TEXT
);

-- The scheduler's weights in use, appended on every change (accept, restore); the newest row is what every answer uses.
-- No row: the FSRS-6 defaults. (Desired retention is a learner setting, kept with the others.)
CREATE TABLE scheduler_parameters (
    id                INTEGER PRIMARY KEY,
    changed_at        INTEGER NOT NULL,
    weights           TEXT    NOT NULL,
    fit_id            INTEGER REFERENCES scheduler_fits (id),
    note              TEXT    NOT NULL
);
