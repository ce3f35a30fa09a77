-- Mock interviews: a run of questions whose answers are revealed together at the end. "source" says where the
-- questions came from as the learner chose it ("deck", "tag" or "due", with "source_value" the deck or tag).
CREATE TABLE interviews (
    id             INTEGER PRIMARY KEY,
    created_at     TEXT    NOT NULL,
    day_key        TEXT    NOT NULL,
    source         TEXT    NOT NULL CHECK (source IN ('all', 'deck', 'tag', 'due')),
    source_value   TEXT,
    think_seconds  INTEGER NOT NULL,
    answer_seconds INTEGER NOT NULL,
    finished_at    TEXT
);

-- A recording with no voice in it ends as 'no_speech', with the loudest level heard (dB below full scale), and
-- an attempt may belong to an interview. SQLite cannot change a CHECK in place, so the table is rebuilt; the
-- checklists are set aside first, so dropping the old table takes none of them with it.
CREATE TABLE practice_points_kept AS SELECT * FROM practice_points;
DROP TABLE practice_points;

CREATE TABLE practice_attempts_rebuilt (
    id                    INTEGER PRIMARY KEY,
    card_id               INTEGER NOT NULL REFERENCES cards (id),
    created_at            TEXT    NOT NULL,
    day_key               TEXT    NOT NULL,
    mode                  TEXT    NOT NULL CHECK (mode IN ('spoken', 'typed')),
    status                TEXT    NOT NULL CHECK (status IN ('queued', 'transcribing', 'done', 'unavailable', 'failed', 'no_speech')),
    status_message        TEXT,
    audio_path            TEXT,
    audio_bytes           INTEGER,
    duration_seconds      REAL,
    transcript            TEXT,
    words                 TEXT,
    word_count            INTEGER,
    speaking_seconds      REAL,
    words_per_minute      REAL,
    filler_count          INTEGER,
    fillers               TEXT,     -- JSON [{"text", "start", "end", "heard"}]; "heard": found in the audio, no word
    longest_pause_seconds REAL,
    rating                INTEGER CHECK (rating BETWEEN 1 AND 4),
    review_id             INTEGER REFERENCES reviews (id),
    rated_at              TEXT,
    loudest_db            REAL,     -- the loudest 30 ms of the recording, dB below full scale
    interview_id          INTEGER REFERENCES interviews (id),
    CHECK ((mode = 'spoken') = (audio_path IS NOT NULL))
);
INSERT INTO practice_attempts_rebuilt (id, card_id, created_at, day_key, mode, status, status_message, audio_path,
                                       audio_bytes, duration_seconds, transcript, words, word_count, speaking_seconds,
                                       words_per_minute, filler_count, fillers, longest_pause_seconds, rating,
                                       review_id, rated_at)
SELECT id, card_id, created_at, day_key, mode, status, status_message, audio_path, audio_bytes, duration_seconds,
       transcript, words, word_count, speaking_seconds, words_per_minute, filler_count, fillers,
       longest_pause_seconds, rating, review_id, rated_at
FROM practice_attempts;
DROP TABLE practice_attempts;
ALTER TABLE practice_attempts_rebuilt RENAME TO practice_attempts;
CREATE INDEX practice_attempts_card ON practice_attempts (card_id, id);
CREATE INDEX practice_attempts_day ON practice_attempts (day_key);
CREATE INDEX practice_attempts_status ON practice_attempts (status);
CREATE INDEX practice_attempts_interview ON practice_attempts (interview_id);

CREATE TABLE practice_points (
    attempt_id INTEGER NOT NULL REFERENCES practice_attempts (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    point      TEXT    NOT NULL,
    terms      TEXT    NOT NULL,
    suggested  INTEGER,
    covered    INTEGER,
    missing    TEXT,
    matched    TEXT,                -- the words of the answer that showed the point, space-separated
    PRIMARY KEY (attempt_id, position)
);
INSERT INTO practice_points (attempt_id, position, point, terms, suggested, covered, missing)
SELECT attempt_id, position, point, terms, suggested, covered, missing FROM practice_points_kept;
DROP TABLE practice_points_kept;

-- The questions of an interview in the order asked, each with the answer given to it once there is one.
CREATE TABLE interview_questions (
    interview_id INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    card_id      INTEGER NOT NULL REFERENCES cards (id),
    attempt_id   INTEGER REFERENCES practice_attempts (id),
    PRIMARY KEY (interview_id, position)
);
