-- Anki imports: each run with its report, the cards it wrote, the files it changed (to undo it) and the answers it added.
CREATE TABLE anki_imports (
    id          INTEGER PRIMARY KEY,
    file_name   TEXT    NOT NULL,
    format      TEXT    NOT NULL,
    imported_at TEXT    NOT NULL,
    report      TEXT    NOT NULL,
    undone_at   TEXT
);

-- Every Anki card imported so far, by its Anki id: where its file is and the note version it was written from.
CREATE TABLE anki_cards (
    anki_card_id INTEGER PRIMARY KEY,
    note_guid    TEXT    NOT NULL,
    ord          INTEGER NOT NULL,
    note_mod     INTEGER NOT NULL,
    path         TEXT    NOT NULL,
    import_id    INTEGER NOT NULL REFERENCES anki_imports (id)
);

-- A card file an import created (previous_text NULL) or replaced (its text before, and the note version and import it
-- came from), so the import can be undone.
CREATE TABLE anki_import_files (
    import_id          INTEGER NOT NULL REFERENCES anki_imports (id),
    path               TEXT    NOT NULL,
    anki_card_id       INTEGER NOT NULL,
    previous_text      TEXT,
    previous_mod       INTEGER,
    previous_import_id INTEGER,
    PRIMARY KEY (import_id, path)
);

-- Which review an Anki log row became, so a re-import never adds it twice and an undo knows what to take back.
CREATE TABLE anki_reviews (
    anki_card_id INTEGER NOT NULL,
    revlog_id    INTEGER NOT NULL,
    review_id    INTEGER NOT NULL REFERENCES reviews (id),
    import_id    INTEGER NOT NULL REFERENCES anki_imports (id),
    PRIMARY KEY (anki_card_id, revlog_id, import_id)
);
CREATE INDEX anki_reviews_import ON anki_reviews (import_id);
