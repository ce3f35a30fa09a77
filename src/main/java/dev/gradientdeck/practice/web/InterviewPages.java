package dev.gradientdeck.practice.web;

import dev.gradientdeck.cards.CardViews.CardDetail;
import dev.gradientdeck.practice.PracticeAttempt;
import dev.gradientdeck.practice.interview.Interview;
import dev.gradientdeck.practice.interview.InterviewReport;
import dev.gradientdeck.practice.interview.InterviewReport.QuestionReport;
import dev.gradientdeck.practice.measure.SpeechTargets;
import dev.gradientdeck.practice.measure.Transcript;
import dev.gradientdeck.practice.web.PracticePages.SpeechModel;
import dev.gradientdeck.present.Numbers;
import dev.gradientdeck.review.GradeButton;
import dev.gradientdeck.review.Grading;
import dev.gradientdeck.review.Rating;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the interview pages show, decided and formatted here so the templates only lay it out. */
public final class InterviewPages {

    private InterviewPages() {}

    public record Setup(List<String> decks, List<String> tags, SpeechModel speech) {
        public int defaultQuestions() {
            return dev.gradientdeck.practice.interview.Interviews.DEFAULT_QUESTIONS;
        }
    }

    /** The run: the questions still to answer, in order, with the timers. */
    public record Run(Interview interview, List<CardDetail> questions, int answered, SpeechModel speech) {
        public String thinkClock() {
            return String.format(Locale.ROOT, "%d:%02d", interview.thinkSeconds() / 60, interview.thinkSeconds() % 60);
        }
    }

    public static Run run(Interview interview, List<CardDetail> cards, SpeechModel speech) {
        List<CardDetail> open = new ArrayList<>();
        int answered = 0;
        for (int i = 0; i < cards.size(); i++) {
            if (interview.questions().get(i).answered()) {
                answered++;
            } else {
                open.add(cards.get(i));
            }
        }
        return new Run(interview, open, answered, speech);
    }

    /** One line of the overall comparison: this interview beside the earlier ones. */
    public record Trend(String name, String now, String before, String change, String verdict) {}

    public record QuestionView(
            int number,
            CardDetail card,
            PracticeAttempt attempt,
            String status,
            List<Transcript.Word> transcript,
            String time,
            String pace,
            String fillers,
            String pause,
            String coverage,
            List<PracticeAttempt.Point> points,
            Rating suggested,
            List<GradeButton> grades,
            String rated) {
        public boolean measured() {
            return attempt.status() == PracticeAttempt.Status.DONE;
        }
    }

    public record Report(
            Interview interview,
            List<QuestionView> questions,
            List<Trend> trends,
            int earlier,
            boolean pending,
            boolean ungraded) {}

    public static Report report(
            Interview interview, List<CardDetail> cards, InterviewReport report, Grading grading, ZoneId zone) {
        List<QuestionView> questions = new ArrayList<>();
        boolean pending = false;
        boolean ungraded = false;
        for (QuestionReport q : report.questions()) {
            PracticeAttempt a = q.attempt();
            CardDetail card = cards.get(q.position());
            pending |= q.pending();
            List<GradeButton> grades = List.of();
            String rated = "";
            if (a.rating() == null && !q.pending() && !card.archived()) {
                grades = grading.buttons(card.id(), Optional.of(q.suggested()));
                ungraded = true;
            } else if (a.rating() != null) {
                rated = "Graded " + Rating.of(a.rating()).label() + "; next review " + grading.nextReview(card.id())
                        + ".";
            }
            boolean done = a.status() == PracticeAttempt.Status.DONE;
            questions.add(new QuestionView(
                    q.position() + 1,
                    card,
                    a,
                    PracticePages.progressText(
                            a,
                            SpeechModel.of(new dev.gradientdeck.practice.speech.ModelStatus.Ready()),
                            Optional.empty()),
                    Transcript.marked(a.words(), a.fillers()),
                    a.durationSeconds() == null ? "typed" : PracticePages.duration(a.durationSeconds()),
                    done && a.wordsPerMinute() != null ? Math.round(a.wordsPerMinute()) + " wpm" : "–",
                    done ? String.valueOf(a.fillerCount()) : "–",
                    done && a.longestPauseSeconds() != null ? Numbers.oneDecimal(a.longestPauseSeconds()) + " s" : "–",
                    q.coverage() == null
                            ? "–"
                            : a.pointsCovered() + " of " + a.points().size(),
                    a.points(),
                    q.suggested(),
                    grades,
                    rated));
        }
        InterviewReport.Overall o = report.overall();
        List<Trend> trends = List.of(
                trend(
                        "Key points covered",
                        o.coverage(),
                        o.coverageBefore(),
                        v -> Math.round(100 * v) + "%",
                        true,
                        0.005),
                trend("Pace", o.wordsPerMinute(), o.wordsPerMinuteBefore(), v -> Math.round(v) + " wpm", null, 0.5),
                trend(
                        "Fillers a minute",
                        o.fillersPerMinute(),
                        o.fillersPerMinuteBefore(),
                        Numbers::oneDecimal,
                        false,
                        0.05),
                trend(
                        "Longest pause",
                        o.longestPauseSeconds(),
                        o.longestPauseSecondsBefore(),
                        v -> Numbers.oneDecimal(v) + " s",
                        false,
                        0.05));
        return new Report(interview, questions, trends, o.earlierInterviews(), pending, ungraded);
    }

    /**
     * {@code higherIsBetter} null: neither direction is better in itself (pace is judged against
     * its target range instead).
     */
    private static Trend trend(
            String name,
            Double now,
            Double before,
            java.util.function.Function<Double, String> format,
            Boolean higherIsBetter,
            double unchanged) {
        String nowText = now == null ? "–" : format.apply(now);
        if (now == null || before == null) {
            return new Trend(name, nowText, before == null ? "–" : format.apply(before), "", "");
        }
        double diff = now - before;
        String change = Math.abs(diff) < unchanged ? "same" : (diff > 0 ? "up" : "down");
        String verdict = "";
        if (higherIsBetter == null) {
            verdict = SpeechTargets.pace(now) == SpeechTargets.Verdict.GOOD ? "good" : "low";
        } else if (!change.equals("same")) {
            verdict = (diff > 0) == higherIsBetter ? "good" : "low";
        }
        return new Trend(name, nowText, format.apply(before), change, verdict);
    }
}
