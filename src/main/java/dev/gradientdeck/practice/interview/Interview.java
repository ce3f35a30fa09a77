package dev.gradientdeck.practice.interview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A mock interview: questions asked in order, each answered once, nothing revealed until the last
 * answer is in ({@code finishedAt} set).
 */
public record Interview(
        long id,
        Instant createdAt,
        LocalDate dayKey,
        Source source,
        String sourceValue,
        int thinkSeconds,
        int answerSeconds,
        Instant finishedAt,
        List<Question> questions) {

    public Interview {
        questions = List.copyOf(questions);
    }

    /** Where the questions came from. */
    public enum Source {
        ALL,
        DECK,
        TAG,
        DUE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One question: the card asked and, once answered, the practice attempt that answers it. */
    public record Question(int position, long cardId, Long attemptId) {
        public boolean answered() {
            return attemptId != null;
        }
    }

    public boolean done() {
        return finishedAt != null;
    }

    /** The first question not answered yet. */
    public Optional<Question> next() {
        return questions.stream().filter(q -> !q.answered()).findFirst();
    }

    public String describeSource() {
        return switch (source) {
            case ALL -> "any card";
            case DECK -> "deck " + sourceValue;
            case TAG -> "#" + sourceValue;
            case DUE -> "cards due for review";
        };
    }
}
