package dev.gradientdeck.practice;

import dev.gradientdeck.practice.coverage.KeyPoint;
import dev.gradientdeck.practice.measure.Filler;
import dev.gradientdeck.practice.speech.TimedWord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * One practice answer as stored, the one record of it every page and the API read. The measures are null until there is a transcript, and the timed
 * ones (duration, speaking time, pace, pauses) stay null for a typed answer.
 */
public record PracticeAttempt(
        long id,
        long cardId,
        String cardTitle,
        Instant createdAt,
        LocalDate dayKey,
        Mode mode,
        Status status,
        String statusMessage,
        String audioPath,
        Double durationSeconds,
        String transcript,
        List<TimedWord> words,
        Double speakingSeconds,
        Double wordsPerMinute,
        Integer fillerCount,
        List<Filler> fillers,
        Double longestPauseSeconds,
        List<Point> points,
        Integer rating,
        Instant ratedAt,
        Double loudestDb,
        Long interviewId) {

    public PracticeAttempt {
        words = List.copyOf(words);
        fillers = List.copyOf(fillers);
        points = List.copyOf(points);
    }

    public enum Mode {
        SPOKEN,
        TYPED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where a spoken answer is on its way to a transcript; a typed answer is done at once. */
    public enum Status {
        QUEUED,
        TRANSCRIBING,
        DONE,
        UNAVAILABLE,
        FAILED,
        /** The recording holds (almost) no voice: nothing to measure. */
        NO_SPEECH;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean pending() {
            return this == QUEUED || this == TRANSCRIBING;
        }
    }

    /**
     * One key point of the checklist. {@code suggested} is what the transcript showed, null without
     * one; {@code covered} is the learner's call, starting as the suggestion.
     */
    public record Point(
            int position,
            String text,
            List<String> terms,
            Boolean suggested,
            Boolean covered,
            List<String> missing,
            List<String> matched) {
        public Point {
            terms = List.copyOf(terms);
            missing = List.copyOf(missing);
            matched = List.copyOf(matched);
        }

        public KeyPoint keyPoint() {
            return new KeyPoint(text, terms);
        }
    }

    public boolean spoken() {
        return mode == Mode.SPOKEN;
    }

    public long pointsCovered() {
        return points.stream().filter(p -> Boolean.TRUE.equals(p.covered())).count();
    }
}
