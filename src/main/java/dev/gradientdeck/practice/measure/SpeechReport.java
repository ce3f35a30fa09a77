package dev.gradientdeck.practice.measure;

import java.util.List;

/**
 * How an answer was spoken. Speaking time runs from the first word to the last, so the silence
 * before the learner starts and after they stop does not dilute the pace.
 */
public record SpeechReport(
        String transcript,
        int wordCount,
        double speakingSeconds,
        double wordsPerMinute,
        List<Filler> fillers,
        double longestPauseSeconds) {

    public SpeechReport {
        fillers = List.copyOf(fillers);
    }

    public int fillerCount() {
        return fillers.size();
    }
}
