package dev.gradientdeck.review;

import dev.gradientdeck.cards.CardViews.CardDetail;
import dev.gradientdeck.review.ReviewRepository.QueueCounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the review pages show. */
public final class ReviewPages {
    private ReviewPages() {}

    public record Question(CardDetail card, String state, int reps, List<GradeButton> buttons, QueueCounts counts, long shownAt,
                           String notice) {}

    public record Done(QueueCounts counts, Optional<Instant> nextDue, String notice, Instant now) {
        /** "in 8m", "in 2d": the same words as the grade buttons. */
        public String nextDueIn() {
            return nextDue.map(due -> IntervalLabel.until(due, now)).orElse("");
        }
    }
}
