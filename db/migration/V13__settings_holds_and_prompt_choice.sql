-- The learner's settings changed in the app (/settings). Only the fields set there are stored; the others keep the
-- command line's defaults. Values are the settings' own text ("10", "Europe/London", "0.9", "true").
CREATE TABLE learner_settings (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    changed_at TEXT NOT NULL
);

-- Suspending and burying, as a log that is only appended to (so the data version sees every change, undoing included),
-- and each card's hold now, derived from it for the queue. A buried card is hidden through the day key it was buried on.
CREATE TABLE card_hold_log (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    card_id  INTEGER NOT NULL REFERENCES cards (id),
    action   TEXT    NOT NULL CHECK (action IN ('suspend', 'unsuspend', 'bury', 'unbury')),
    day_key  TEXT    NOT NULL,
    at       TEXT    NOT NULL
);
CREATE TABLE card_holds (
    card_id  INTEGER PRIMARY KEY REFERENCES cards (id),
    kind     TEXT    NOT NULL CHECK (kind IN ('suspended', 'buried')),
    until_day TEXT
);

-- "Study more": extra new cards asked for on a day, on top of the daily limit.
CREATE TABLE extra_new_cards (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    day_key TEXT    NOT NULL,
    cards   INTEGER NOT NULL CHECK (cards > 0),
    at      TEXT    NOT NULL
);
CREATE INDEX extra_new_cards_day ON extra_new_cards (day_key);

-- Paper prompts become opt-in: a file may say "paper-prompts: true" or "false" for its deck, or nothing (then the
-- learner's setting decides). Before, saying nothing meant true, so only an explicit false carries over.
ALTER TABLE cards ADD COLUMN paper_prompts_choice TEXT CHECK (paper_prompts_choice IN ('on', 'off'));
UPDATE cards SET paper_prompts_choice = 'off' WHERE paper_prompts = 0;
ALTER TABLE cards DROP COLUMN paper_prompts;
ALTER TABLE paper_notes ADD COLUMN paper_prompts_choice TEXT CHECK (paper_prompts_choice IN ('on', 'off'));
UPDATE paper_notes SET paper_prompts_choice = 'off' WHERE paper_prompts = 0;
ALTER TABLE paper_notes DROP COLUMN paper_prompts;

-- Whether the sync that wrote this run made prompts for decks that did not choose: when the setting changes, the next
-- sync derives the prompts again even if no file changed. NULL (runs before this version) always derives once.
ALTER TABLE import_runs ADD COLUMN paper_prompts INTEGER;

-- Search snippets come from plain text now (math as readable symbols, not LaTeX): index every document again. The first
-- sync after this migration re-derives papers and search (the run above has no paper_prompts yet).
DELETE FROM search_docs;
