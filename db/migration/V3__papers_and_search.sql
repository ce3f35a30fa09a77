-- Papers as records collected from the deck at import, and full-text search over cards and papers.
-- Everything here is derived from the deck folder by the importer, in the same transaction as the cards.

-- The deck-level switch: a file whose front matter says "paper-prompts: false" turns paper prompts off for its deck.
ALTER TABLE cards ADD COLUMN paper_prompts INTEGER NOT NULL DEFAULT 1;

-- One row per paper, however many cards mention it. "identities" lists every arXiv id, DOI and normalised URL it is
-- known by (one per line), so a paper keeps its id when a later citation or note adds a better identity.
CREATE TABLE papers (
    id             INTEGER PRIMARY KEY,
    paper_key      TEXT    NOT NULL UNIQUE,
    identities     TEXT    NOT NULL,
    title          TEXT    NOT NULL,
    authors        TEXT    NOT NULL DEFAULT '[]',
    year           INTEGER,
    url            TEXT,
    arxiv_id       TEXT,
    doi            TEXT,
    status         TEXT    NOT NULL CHECK (status IN ('to-read', 'reading', 'read')),
    read_date      TEXT,
    summary_md     TEXT    NOT NULL DEFAULT '',
    prompt_card_id INTEGER REFERENCES cards (id) ON DELETE SET NULL,
    content_hash   TEXT    NOT NULL,
    archived       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX papers_read_date ON papers (read_date);

CREATE TABLE paper_tags (
    paper_id INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    tag      TEXT    NOT NULL,
    PRIMARY KEY (paper_id, tag)
);
CREATE INDEX paper_tags_tag ON paper_tags (tag);

-- Paper files: deck files whose front matter says "kind: paper"; the body is the learner's notes.
CREATE TABLE paper_notes (
    id            INTEGER PRIMARY KEY,
    path          TEXT    NOT NULL UNIQUE,
    deck          TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    authors       TEXT    NOT NULL DEFAULT '[]',
    year          INTEGER,
    url           TEXT,
    arxiv_id      TEXT,
    doi           TEXT,
    status        TEXT    NOT NULL CHECK (status IN ('to-read', 'reading', 'read')),
    read_date     TEXT,
    tags          TEXT    NOT NULL DEFAULT '[]',
    notes_md      TEXT    NOT NULL,
    notes_html    TEXT    NOT NULL,
    paper_prompts INTEGER NOT NULL DEFAULT 1,
    content_hash  TEXT    NOT NULL,
    paper_id      INTEGER REFERENCES papers (id) ON DELETE SET NULL
);
CREATE INDEX paper_notes_paper ON paper_notes (paper_id);

-- Each citation as written points at the paper record it was matched to.
ALTER TABLE card_citations ADD COLUMN paper_id INTEGER REFERENCES papers (id) ON DELETE SET NULL;
CREATE INDEX card_citations_paper ON card_citations (paper_id);

-- Search: the text of each active card and paper, and an FTS5 index over it kept in step by triggers.
-- source_hash is the content hash of what was indexed, so the importer re-indexes only what changed.
CREATE TABLE search_docs (
    id          INTEGER PRIMARY KEY,
    type        TEXT    NOT NULL CHECK (type IN ('card', 'paper')),
    item_id     INTEGER NOT NULL,
    source_hash TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    detail      TEXT    NOT NULL,
    tags        TEXT    NOT NULL,
    UNIQUE (type, item_id)
);

-- Cards index title, question, answer and tags; papers index title, summaries, notes (with authors) and tags.
-- No prefix indexes: they tripled the cost of a cold import, and prefix queries on a deck-sized index stay fast without them.
CREATE VIRTUAL TABLE search_index USING fts5(
    title, body, detail, tags,
    content = 'search_docs', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER search_docs_insert AFTER INSERT ON search_docs BEGIN
    INSERT INTO search_index (rowid, title, body, detail, tags) VALUES (new.id, new.title, new.body, new.detail, new.tags);
END;

CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
    INSERT INTO search_index (search_index, rowid, title, body, detail, tags)
    VALUES ('delete', old.id, old.title, old.body, old.detail, old.tags);
END;

CREATE TRIGGER search_docs_update AFTER UPDATE ON search_docs BEGIN
    INSERT INTO search_index (search_index, rowid, title, body, detail, tags)
    VALUES ('delete', old.id, old.title, old.body, old.detail, old.tags);
    INSERT INTO search_index (rowid, title, body, detail, tags) VALUES (new.id, new.title, new.body, new.detail, new.tags);
END;
