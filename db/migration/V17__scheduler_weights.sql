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

-- The scheduler's parameters in use, appended on every change (accept, restore, new desired retention); the newest row is
-- what every answer uses. No row: the FSRS-6 defaults at 90 % retention.
CREATE TABLE scheduler_parameters (
    id                INTEGER PRIMARY KEY,
    changed_at        INTEGER NOT NULL,
    weights           TEXT    NOT NULL,
    desired_retention REAL    NOT NULL CHECK (desired_retention >= 0.7 AND desired_retention <= 0.99),
    fit_id            INTEGER REFERENCES scheduler_fits (id),
    note              TEXT    NOT NULL
);
