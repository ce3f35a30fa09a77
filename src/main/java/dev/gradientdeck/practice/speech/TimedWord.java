package dev.gradientdeck.practice.speech;

import java.util.Objects;

/** One recognized word and when it was said, in seconds from the start of the recording. */
public record TimedWord(String word, double start, double end) {
    public TimedWord {
        Objects.requireNonNull(word, "word");
        if (!Double.isFinite(start) || !Double.isFinite(end) || start < 0 || end < start) {
            throw new IllegalArgumentException("bad timing for '" + word + "': " + start + " to " + end);
        }
    }
}
