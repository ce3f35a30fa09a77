package dev.gradientdeck.practice;

import java.util.List;
import java.util.Optional;

/**
 * How a practice session runs: how many questions, from which tags (none means every tag) or one
 * chosen card, and the think and answer times in seconds.
 */
public record PracticeOptions(
        int count, List<String> tags, int thinkSeconds, int answerSeconds, Optional<Long> cardId) {

    public static final int DEFAULT_COUNT = 3;
    public static final int MAX_COUNT = 20;
    public static final int DEFAULT_THINK_SECONDS = 15;
    public static final int MAX_THINK_SECONDS = 300;
    public static final int DEFAULT_ANSWER_SECONDS = 120;
    public static final int MIN_ANSWER_SECONDS = 10;

    /**
     * Ten minutes of 16 kHz mono 16-bit WAV is 19.2 MB: the longest recording that stays under the
     * upload limit.
     */
    public static final int MAX_ANSWER_SECONDS = 600;

    public PracticeOptions {
        tags = List.copyOf(tags);
        require(count >= 1 && count <= MAX_COUNT, "count must be 1 to " + MAX_COUNT + " questions, not " + count);
        require(
                thinkSeconds >= 0 && thinkSeconds <= MAX_THINK_SECONDS,
                "think time must be 0 to " + MAX_THINK_SECONDS + " seconds, not " + thinkSeconds);
        require(
                answerSeconds >= MIN_ANSWER_SECONDS && answerSeconds <= MAX_ANSWER_SECONDS,
                "answer time must be "
                        + MIN_ANSWER_SECONDS
                        + " to "
                        + MAX_ANSWER_SECONDS
                        + " seconds, not "
                        + answerSeconds);
    }

    public static PracticeOptions defaults() {
        return new PracticeOptions(
                DEFAULT_COUNT, List.of(), DEFAULT_THINK_SECONDS, DEFAULT_ANSWER_SECONDS, Optional.empty());
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
