-- Cards as imported from the deck folder. Markdown is rendered and sanitized once, at import, and stored.
CREATE TABLE cards (
    id            INTEGER PRIMARY KEY,
    slug          TEXT    NOT NULL UNIQUE,
    path          TEXT    NOT NULL,
    deck          TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('basic', 'descent', 'paper')),
    question_md   TEXT    NOT NULL,
    question_html TEXT    NOT NULL,
    answer_md     TEXT    NOT NULL,
    answer_html   TEXT    NOT NULL,
    key_points    TEXT    NOT NULL DEFAULT '[]',
    key_points_html TEXT  NOT NULL DEFAULT '[]',
    descent_spec  TEXT,
    descent_line  INTEGER,
    content_hash  TEXT    NOT NULL,
    file_stamp    TEXT    NOT NULL DEFAULT '',
    archived      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);
CREATE INDEX cards_path ON cards (path);

CREATE TABLE card_tags (
    card_id INTEGER NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
    tag     TEXT    NOT NULL,
    PRIMARY KEY (card_id, tag)
);
CREATE INDEX card_tags_tag ON card_tags (tag);

-- Sections other than question, answer, key points and papers, kept in file order.
CREATE TABLE card_sections (
    card_id   INTEGER NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    heading   TEXT    NOT NULL,
    body_html TEXT    NOT NULL,
    PRIMARY KEY (card_id, position)
);

-- A card's papers as written in its file.
CREATE TABLE card_citations (
    card_id      INTEGER NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    title        TEXT    NOT NULL,
    url          TEXT,
    summary      TEXT    NOT NULL,
    summary_html TEXT    NOT NULL,
    PRIMARY KEY (card_id, position)
);

-- A streak record carried over from hand tracking ("Current Streak: 2" ...), as of a date.
CREATE TABLE carried_records (
    card_id        INTEGER PRIMARY KEY REFERENCES cards (id) ON DELETE CASCADE,
    current_streak INTEGER NOT NULL,
    best_streak    INTEGER NOT NULL,
    total_days     INTEGER NOT NULL,
    as_of          TEXT    NOT NULL
);

-- The last sync of the deck folder and the files that are broken now.
CREATE TABLE import_runs (
    id          INTEGER PRIMARY KEY,
    finished_at TEXT    NOT NULL,
    trigger     TEXT    NOT NULL,
    added       INTEGER NOT NULL,
    updated     INTEGER NOT NULL,
    unchanged   INTEGER NOT NULL,
    archived    INTEGER NOT NULL,
    restored    INTEGER NOT NULL,
    error_count INTEGER NOT NULL,
    millis      INTEGER NOT NULL
);

CREATE TABLE import_errors (
    file    TEXT    NOT NULL,
    line    INTEGER NOT NULL,
    message TEXT    NOT NULL
);
