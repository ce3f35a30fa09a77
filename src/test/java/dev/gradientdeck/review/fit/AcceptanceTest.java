package dev.gradientdeck.review.fit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.review.Fsrs;
import dev.gradientdeck.review.FsrsSettings;
import dev.gradientdeck.review.Memory;
import dev.gradientdeck.review.Rating;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** New weights are proposed only when, fitted on the past, they predict later reviews better than the weights in use. */
class AcceptanceTest {
    private static final TrainingConfig CONFIG = TrainingConfig.defaults();

    /** Cards studied by a learner whose memory is exactly FSRS with {@code truth}, scheduled at 90 % by the defaults. */
    static List<Items.CardHistory> learner(List<Double> truth, int cards, int days, long seed) {
        FsrsSettings d = FsrsSettings.defaults();
        Fsrs memory =
                new Fsrs(new FsrsSettings(truth, 0.9, d.learningSteps(), d.relearningSteps(), 36500, true, false));
        Fsrs scheduler = new Fsrs(d);
        SplittableRandom random = new SplittableRandom(seed);
        List<Items.CardHistory> histories = new ArrayList<>();
        for (int c = 0; c < cards; c++) {
            int first = random.nextInt(Math.max(1, days / 2));
            List<int[]> reviews = new ArrayList<>();
            Rating rating = Rating.of(1 + (random.nextDouble() < 0.2 ? 0 : random.nextDouble() < 0.9 ? 2 : 3));
            Memory mine = memory.initialMemory(rating);
            Memory believed = scheduler.initialMemory(rating);
            reviews.add(new int[] {rating.value(), 0});
            int day = first;
            while (true) {
                int interval = (int) scheduler.nextInterval(believed.stability());
                if (day + interval > days) break;
                day += interval;
                boolean recalled = random.nextDouble() < memory.retrievability(interval, mine.stability());
                rating = recalled ? Rating.of(random.nextDouble() < 0.1 ? 2 : 3) : Rating.AGAIN;
                mine = memory.nextMemory(mine, interval, rating);
                believed = scheduler.nextMemory(believed, interval, rating);
                reviews.add(new int[] {rating.value(), interval});
            }
            histories.add(new Items.CardHistory(first, reviews.toArray(int[][]::new)));
        }
        return histories;
    }

    @Test
    void aLearnerTheDefaultsAlreadyDescribeIsNotOfferedOverfittedWeights() {
        double[] defaults = FsrsOptimizer.defaults();
        List<ReviewItem> items = Items.fromHistories(learner(FsrsSettings.DEFAULT_WEIGHTS, 60, 240, 3));
        FitReport report = LearnerFit.run(items, items.size(), defaults, CONFIG, new LearnerFit.Progress() {});
        org.junit.jupiter.api.Assertions.assertEquals(
                FsrsOptimizer.Depth.ALL_WEIGHTS, report.depth(), report.trainingItems() + " items");
        // On the reviews it was fitted on, the fit looks better than the defaults (Anki's own check would keep it)...
        assertTrue(
                report.figures().fitted().logLoss()
                        < report.figures().defaults().logLoss(),
                report.figures().toString());
        // ...but fitted on the past only, it predicts the later reviews worse: it learned noise, and is not proposed.
        assertTrue(
                report.figures().heldOutFitted().logLoss()
                        > report.figures().heldOutCurrent().logLoss(),
                report.figures().toString());
        assertFalse(report.proposed());
    }

    @Test
    void aLearnerTheDefaultsMissIsOfferedTheFit() {
        List<ReviewItem> items = Reference.items(Reference.learner("L04"));
        FitReport report =
                LearnerFit.run(items, items.size(), FsrsOptimizer.defaults(), CONFIG, new LearnerFit.Progress() {});
        assertTrue(report.proposed(), report.verdict());
        assertTrue(report.figures().heldOutFitted().logLoss()
                < report.figures().heldOutCurrent().logLoss());
    }
}
