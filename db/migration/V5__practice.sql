-- Practice aloud: one row per spoken or typed answer, stored the moment it is given. The audio is a WAV file under
-- recordings/ beside the database; the row holds its path relative to the database's folder.
CREATE TABLE practice_attempts (
    id                    INTEGER PRIMARY KEY,
    card_id               INTEGER NOT NULL REFERENCES cards (id),
    created_at            TEXT    NOT NULL,
    -- The learner's day when the answer was given, fixed then (section 6): practice answers count toward the streak.
    day_key               TEXT    NOT NULL,
    mode                  TEXT    NOT NULL CHECK (mode IN ('spoken', 'typed')),
    status                TEXT    NOT NULL CHECK (status IN ('queued', 'transcribing', 'done', 'unavailable', 'failed')),
    status_message        TEXT,
    audio_path            TEXT,
    audio_bytes           INTEGER,
    -- The recording's length; typed answers have no timings, so this and every timed measure below stay NULL.
    duration_seconds      REAL,
    transcript            TEXT,
    words                 TEXT,     -- JSON [{"word", "start", "end"}] in spoken order
    word_count            INTEGER,
    speaking_seconds      REAL,
    words_per_minute      REAL,
    filler_count          INTEGER,
    fillers               TEXT,     -- JSON [{"text", "start"}]
    longest_pause_seconds REAL,
    rating                INTEGER CHECK (rating BETWEEN 1 AND 4),
    review_id             INTEGER REFERENCES reviews (id),
    rated_at              TEXT,
    CHECK ((mode = 'spoken') = (audio_path IS NOT NULL))
);
CREATE INDEX practice_attempts_card ON practice_attempts (card_id, id);
CREATE INDEX practice_attempts_day ON practice_attempts (day_key);
CREATE INDEX practice_attempts_status ON practice_attempts (status);

-- The key-point checklist an attempt was measured against, copied from the card when the answer was given, so a
-- later edit of the card does not change past attempts. "suggested" is what the transcript showed (NULL until there
-- is one); "covered" is the learner's call, which starts as the suggestion and can be changed.
CREATE TABLE practice_points (
    attempt_id INTEGER NOT NULL REFERENCES practice_attempts (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    point      TEXT    NOT NULL,
    terms      TEXT    NOT NULL,    -- the point's content words, space-separated
    suggested  INTEGER,
    covered    INTEGER,
    missing    TEXT,                -- content words not heard, space-separated
    PRIMARY KEY (attempt_id, position)
);
