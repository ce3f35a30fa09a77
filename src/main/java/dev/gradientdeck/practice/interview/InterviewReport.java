package dev.gradientdeck.practice.interview;

import dev.gradientdeck.practice.PracticeAttempt;
import dev.gradientdeck.practice.PracticeAttempt.Status;
import dev.gradientdeck.practice.measure.SpeechTargets;
import dev.gradientdeck.review.Rating;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * What an interview's end shows: per question how it was answered, and overall figures beside the
 * same figures of the learner's earlier interviews.
 */
public record InterviewReport(List<QuestionReport> questions, Overall overall) {

    /** Covering this share of the key points suggests Good; half of them Hard; less, Again. */
    static final double GOOD_SHARE = SpeechTargets.COVERAGE_GOOD;

    static final double HARD_SHARE = 0.5;

    public record QuestionReport(
            int position, long cardId, PracticeAttempt attempt, Double coverage, Rating suggested) {
        public boolean measured() {
            return attempt.status() == Status.DONE;
        }

        public boolean pending() {
            return attempt.status().pending();
        }
    }

    /**
     * Means over this interview's measured answers, and over the earlier interviews' (null where
     * there is nothing to average).
     */
    public record Overall(
            Double coverage,
            Double wordsPerMinute,
            Double fillersPerMinute,
            Double longestPauseSeconds,
            int earlierInterviews,
            Double coverageBefore,
            Double wordsPerMinuteBefore,
            Double fillersPerMinuteBefore,
            Double longestPauseSecondsBefore) {}

    /** {@code earlier} holds the answers of each earlier interview, newest interview first. */
    public static InterviewReport of(List<PracticeAttempt> answers, List<List<PracticeAttempt>> earlier) {
        List<QuestionReport> questions = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            PracticeAttempt a = answers.get(i);
            Double coverage = coverage(a);
            questions.add(new QuestionReport(i, a.cardId(), a, coverage, suggestion(a, coverage)));
        }
        List<PracticeAttempt> before = earlier.stream().flatMap(List::stream).toList();
        return new InterviewReport(
                questions,
                new Overall(
                        mean(answers, InterviewReport::coverage),
                        mean(answers, InterviewReport::pace),
                        mean(answers, InterviewReport::fillersPerMinute),
                        mean(answers, InterviewReport::pause),
                        earlier.size(),
                        mean(before, InterviewReport::coverage),
                        mean(before, InterviewReport::pace),
                        mean(before, InterviewReport::fillersPerMinute),
                        mean(before, InterviewReport::pause)));
    }

    /**
     * The grade the coverage suggests: a weak answer comes back soon. An answer with no voice or no
     * words is Again; one whose card lists no key points is Good when it said anything.
     */
    static Rating suggestion(PracticeAttempt a, Double coverage) {
        if (a.status() == Status.NO_SPEECH) {
            return Rating.AGAIN;
        }
        if (coverage == null) {
            return a.transcript() == null || a.transcript().isBlank() ? Rating.AGAIN : Rating.GOOD;
        }
        if (coverage >= GOOD_SHARE) {
            return Rating.GOOD;
        }
        return coverage >= HARD_SHARE ? Rating.HARD : Rating.AGAIN;
    }

    /** The share of key points covered, as the learner left the ticks; null without points or a transcript. */
    static Double coverage(PracticeAttempt a) {
        if (a.points().isEmpty() || a.status() != Status.DONE) {
            return null;
        }
        return (double) a.pointsCovered() / a.points().size();
    }

    private static Double pace(PracticeAttempt a) {
        return a.status() == Status.DONE ? a.wordsPerMinute() : null;
    }

    private static Double pause(PracticeAttempt a) {
        return a.status() == Status.DONE ? a.longestPauseSeconds() : null;
    }

    private static Double fillersPerMinute(PracticeAttempt a) {
        if (a.status() != Status.DONE || a.speakingSeconds() == null || a.fillerCount() == null) {
            return null;
        }
        return SpeechTargets.fillersPerMinute(a.fillerCount(), a.speakingSeconds());
    }

    private static Double mean(List<PracticeAttempt> attempts, Function<PracticeAttempt, Double> measure) {
        OptionalDouble mean = attempts.stream()
                .map(measure)
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .average();
        return mean.isPresent() ? mean.getAsDouble() : null;
    }
}
