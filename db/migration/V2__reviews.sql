-- The review log: one row per answer, appended and never rewritten. An undo is appended too (review_undos).
CREATE TABLE reviews (
    id             INTEGER PRIMARY KEY,
    card_id        INTEGER NOT NULL REFERENCES cards (id),
    reviewed_at    TEXT    NOT NULL,
    day_key        TEXT    NOT NULL,
    rating         INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    state_before   TEXT    NOT NULL,
    state_after    TEXT    NOT NULL,
    step_after     INTEGER NOT NULL,
    stability      REAL    NOT NULL,
    difficulty     REAL    NOT NULL,
    elapsed_days   INTEGER NOT NULL,
    scheduled_days INTEGER NOT NULL,
    due            TEXT    NOT NULL,
    reps           INTEGER NOT NULL,
    lapses         INTEGER NOT NULL,
    fuzz_seed      INTEGER NOT NULL,
    duration_ms    INTEGER,
    request_id     TEXT    UNIQUE
);
CREATE INDEX reviews_card ON reviews (card_id, id);
CREATE INDEX reviews_day ON reviews (day_key);

CREATE TABLE review_undos (
    review_id INTEGER PRIMARY KEY REFERENCES reviews (id),
    undone_at TEXT    NOT NULL
);

-- Each card's current schedule: derived from its log (the latest review not undone), kept for fast queues.
CREATE TABLE card_schedules (
    card_id     INTEGER PRIMARY KEY REFERENCES cards (id),
    state       TEXT    NOT NULL CHECK (state IN ('learning', 'review', 'relearning')),
    step        INTEGER NOT NULL,
    stability   REAL    NOT NULL,
    difficulty  REAL    NOT NULL,
    due         TEXT    NOT NULL,
    last_review TEXT    NOT NULL,
    reps        INTEGER NOT NULL,
    lapses      INTEGER NOT NULL,
    review_id   INTEGER NOT NULL REFERENCES reviews (id)
);
CREATE INDEX card_schedules_due ON card_schedules (state, due);
