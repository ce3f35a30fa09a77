-- A descent card worked once: the spec as drawn for that review (randomize applied with the seed), so the run replays
-- exactly even after the card file changes. A run is open until it is graded for the scheduler.
CREATE TABLE descent_runs (
    id          INTEGER PRIMARY KEY,
    card_id     INTEGER NOT NULL REFERENCES cards (id),
    seed        INTEGER NOT NULL,
    spec_json   TEXT    NOT NULL,
    revealed    INTEGER NOT NULL DEFAULT 0,   -- predicted steps revealed so far; the learner is at the next one
    started_at  TEXT    NOT NULL,
    finished_at TEXT,
    rating      INTEGER CHECK (rating BETWEEN 1 AND 4),
    review_id   INTEGER REFERENCES reviews (id)
);
CREATE INDEX descent_runs_card ON descent_runs (card_id, id);
-- One open run per card: a reload, another tab or the review loop all resume the same run.
CREATE UNIQUE INDEX descent_runs_open ON descent_runs (card_id) WHERE finished_at IS NULL;

-- Every prediction, retries included, beside the true value. answer and truth are Java's exact text of the number
-- ("-26.4", "Infinity") or, for the direction of the loss, "up" / "down".
CREATE TABLE descent_predictions (
    id         INTEGER PRIMARY KEY,
    run_id     INTEGER NOT NULL REFERENCES descent_runs (id),
    step       INTEGER NOT NULL,
    quantity   TEXT    NOT NULL CHECK (quantity IN ('gradient', 'params', 'loss', 'direction')),
    component  TEXT    NOT NULL DEFAULT '',   -- the parameter, for gradient and params
    answer     TEXT    NOT NULL,
    truth      TEXT    NOT NULL,
    correct    INTEGER NOT NULL CHECK (correct IN (0, 1)),
    created_at TEXT    NOT NULL
);
CREATE INDEX descent_predictions_run ON descent_predictions (run_id, id);
