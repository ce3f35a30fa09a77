package dev.gradientdeck.scheduler;

import dev.gradientdeck.review.Fsrs;
import dev.gradientdeck.review.FsrsSettings;
import dev.gradientdeck.review.Memory;
import dev.gradientdeck.review.Rating;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The workload simulator: how many reviews a day the next year would bring at each desired retention, from the learner's
 * own cards (their memory and due dates), new cards at the daily limit, their own mix of grades, and the weights in use.
 * Recall at each review is drawn from the model's own prediction; the same draws serve every retention, so the curve is
 * smooth and its differences come from the retention alone.
 */
public final class Workload {
    public static final int DAYS = 365;

    private Workload() {}

    /** A card as it stands: memory and the day (from today, may be negative if overdue) it is due and was last reviewed. */
    public record CardNow(double stability, double difficulty, double dueDay, double lastReviewDay) {}

    /** Shares of the grades the learner gives: for a first answer, and Hard/Good/Easy among passes. */
    public record GradeMix(double[] first, double[] pass) {
        public static GradeMix typical() {
            return new GradeMix(new double[] {0.2, 0.1, 0.6, 0.1}, new double[] {0.1, 0.8, 0.1});
        }
    }

    /** Average reviews a day over the next year for each retention from 0.70 to 0.97 in steps of 0.01. */
    public static List<double[]> perRetention(
            List<CardNow> cards, int newCards, int newPerDay, List<Double> weights, GradeMix mix) {
        List<double[]> points = new ArrayList<>();
        for (int r = 70; r <= 97; r++) {
            points.add(new double[] {r / 100.0, reviewsPerDay(cards, newCards, newPerDay, weights, r / 100.0, mix)});
        }
        return points;
    }

    public static double reviewsPerDay(
            List<CardNow> cards, int newCards, int newPerDay, List<Double> weights, double retention, GradeMix mix) {
        FsrsSettings base = FsrsSettings.defaults();
        Fsrs fsrs = new Fsrs(new FsrsSettings(
                weights,
                retention,
                base.learningSteps(),
                base.relearningSteps(),
                base.maximumIntervalDays(),
                true,
                false));
        long reviews = 0;
        int index = 0;
        for (CardNow card : cards) {
            reviews += future(
                    fsrs,
                    new Memory(card.stability(), card.difficulty()),
                    card.lastReviewDay(),
                    Math.max(0, Math.floor(card.dueDay())),
                    randomFor(index++),
                    mix);
        }
        for (int i = 0; i < newCards && newPerDay > 0; i++) {
            SplittableRandom random = randomFor(index++);
            int day = i / newPerDay;
            if (day >= DAYS) break;
            Rating first = Rating.of(1 + draw(random, mix.first()));
            Memory memory = fsrs.initialMemory(first);
            // Learning steps: Again and Hard take two more same-day answers, Good one, Easy none.
            int steps = first == Rating.EASY ? 0 : first == Rating.GOOD ? 1 : 2;
            for (int s = 0; s < steps; s++) memory = fsrs.nextMemory(memory, 0, Rating.GOOD);
            reviews += 1 + steps + future(fsrs, memory, day, day + fsrs.nextInterval(memory.stability()), random, mix);
        }
        return reviews / (double) DAYS;
    }

    /** Each card its own stream, the same at every retention. */
    private static SplittableRandom randomFor(int card) {
        return new SplittableRandom(20_240_613L + 0x9E3779B97F4A7C15L * card);
    }

    /** Reviews of one card from {@code due} to the end of the year. */
    private static long future(
            Fsrs fsrs, Memory memory, double lastDay, double due, SplittableRandom random, GradeMix mix) {
        long reviews = 0;
        double last = lastDay;
        double day = due;
        while (day < DAYS) {
            long elapsed = Math.max(0, Math.round(day - last));
            double recall = fsrs.retrievability(elapsed, memory.stability());
            reviews++;
            if (random.nextDouble() < recall) {
                memory = fsrs.nextMemory(memory, elapsed, Rating.of(2 + draw(random, mix.pass())));
            } else {
                memory = fsrs.nextMemory(memory, elapsed, Rating.AGAIN);
                memory = fsrs.nextMemory(memory, 0, Rating.GOOD);
                reviews++;
            }
            last = day;
            day += fsrs.nextInterval(memory.stability());
        }
        return reviews;
    }

    private static int draw(SplittableRandom random, double[] shares) {
        double u = random.nextDouble() * java.util.Arrays.stream(shares).sum();
        for (int i = 0; i < shares.length; i++) {
            u -= shares[i];
            if (u < 0) return i;
        }
        return shares.length - 1;
    }
}
