package dev.gradientdeck.review;

import dev.gradientdeck.cards.CardViews.CardDetail;
import dev.gradientdeck.review.ReviewRepository.QueueCounts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the review pages show. */
public final class ReviewPages {
    private ReviewPages() {}

    /** How many extra new cards one "study more" offers. */
    static final int STUDY_MORE_STEP = 10;

    public record Question(
            QueueScope scope,
            CardDetail card,
            String state,
            int reps,
            List<GradeButton> buttons,
            QueueCounts counts,
            long shownAt,
            String notice) {
        /** The page's own address for forms that come back to it: "/review/5/answer?deck=llm". */
        public String action(String path) {
            return path + scope.query();
        }
    }

    public record Done(
            QueueScope scope,
            QueueCounts counts,
            Optional<Instant> nextDue,
            String notice,
            Instant now,
            int newWaiting) {
        /** "in 8m", "in 2d": the same words as the grade buttons. */
        public String nextDueIn() {
            return nextDue.map(due -> IntervalLabel.until(due, now)).orElse("");
        }

        /** Extra new cards the "study more" button adds: ten, or fewer when fewer are waiting. */
        public int studyMore() {
            return Math.min(STUDY_MORE_STEP, newWaiting);
        }

        public String action(String path) {
            return path + scope.query();
        }
    }
}
