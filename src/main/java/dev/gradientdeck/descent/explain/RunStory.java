package dev.gradientdeck.descent.explain;

import dev.gradientdeck.descent.engine.DescentRun;
import dev.gradientdeck.descent.engine.Problem;
import dev.gradientdeck.descent.engine.Step;
import dev.gradientdeck.present.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run did, in one sentence that is true for that run: it diverged, the loss fell without
 * limit, it oscillated, it converged, it crawled, or it simply went down (or up).
 */
public record RunStory(Kind kind, String sentence) {

    public enum Kind {
        DIVERGED,
        UNBOUNDED_BELOW,
        OSCILLATING,
        CONVERGED,
        CRAWLING,
        ROSE,
        DESCENDED
    }

    /** A gradient norm below this at the end is a converged run. */
    static final double CONVERGED = 1e-6;

    /** At least this many steps with under {@link #CRAWL_SHARE} of the possible progress crawl. */
    static final int CRAWL_STEPS = 50;

    static final double CRAWL_SHARE = 0.1;

    /**
     * The story of {@code run} on {@code problem} (the whole problem: with mini-batches the losses
     * are on all the data), told of {@code who} ("this run", "the what-if run").
     */
    public static RunStory of(DescentRun run, Problem problem, String who) {
        List<Double> losses = new ArrayList<>();
        for (Step step : run.steps()) {
            losses.add(step.fullLoss() != null ? step.fullLoss() : step.loss());
        }
        Step last = run.steps().get(run.steps().size() - 1);
        double first = losses.get(0);
        if (run.diverged()) {
            if (fallsWithoutLimit(losses)) {
                return new RunStory(
                        Kind.UNBOUNDED_BELOW,
                        capital(who) + " ran downhill without limit: the loss fell to "
                                + Numbers.compact(lastFinite(losses))
                                + " and kept falling until the numbers stopped being finite at step "
                                + run.divergedAt()
                                + ". This loss has no minimum in that direction, so no step size would stop it.");
            }
            return new RunStory(
                    Kind.DIVERGED,
                    capital(who) + " diverged at step " + run.divergedAt()
                            + ": the loss grew from " + Numbers.compact(first)
                            + " until the numbers no longer fit in a double."
                            + (oscillates(run) ? " Each step overshot the minimum by more than the last." : ""));
        }
        double end = problem.loss(last.after());
        losses.add(end);
        if (fallsWithoutLimit(losses)) {
            return new RunStory(
                    Kind.UNBOUNDED_BELOW,
                    capital(who) + " runs downhill without limit: the loss fell from "
                            + Numbers.compact(first) + " to " + Numbers.compact(end)
                            + ", by more each step. This loss has no minimum in that direction.");
        }
        double norm = norm(problem.gradient(last.after()));
        if (norm < CONVERGED) {
            return new RunStory(
                    Kind.CONVERGED,
                    capital(who) + " converged: the loss went from " + Numbers.compact(first) + " to "
                            + Numbers.compact(end) + " and the gradient there is " + Numbers.compact(norm)
                            + " long, next to nothing.");
        }
        if (oscillates(run)) {
            return new RunStory(
                    Kind.OSCILLATING,
                    capital(who) + " oscillates: its steps keep changing sign, overshooting and coming back"
                            + (end < first
                                    ? ", while the loss still falls from " + Numbers.compact(first) + " to "
                                            + Numbers.compact(end) + "."
                                    : ", and the loss ends at " + Numbers.compact(end) + ", no lower than it started ("
                                            + Numbers.compact(first) + ")."));
        }
        if (!(end < first)) {
            return new RunStory(
                    Kind.ROSE,
                    capital(who) + " ends with a higher loss than it started with (" + Numbers.compact(end)
                            + " against " + Numbers.compact(first) + ").");
        }
        double best = Math.min(end, 0);
        if (run.steps().size() >= CRAWL_STEPS && first > 0 && (first - end) < CRAWL_SHARE * (first - best)) {
            return new RunStory(
                    Kind.CRAWLING,
                    capital(who) + " crawls: after " + run.steps().size() + " steps the loss has only gone from "
                            + Numbers.compact(first) + " to " + Numbers.compact(end) + ", and the gradient is still "
                            + Numbers.compact(norm) + " long.");
        }
        return new RunStory(
                Kind.DESCENDED,
                capital(who) + " went downhill: the loss fell from " + Numbers.compact(first) + " to "
                        + Numbers.compact(end) + " in " + run.steps().size() + " steps, with the gradient "
                        + Numbers.compact(norm) + " long at the end.");
    }

    /**
     * The loss went below zero and fell by more on each of the last steps: no minimum ahead. (A
     * loss bounded below slows as it nears its minimum.)
     */
    private static boolean fallsWithoutLimit(List<Double> losses) {
        List<Double> finite = losses.stream().filter(Double::isFinite).toList();
        int n = finite.size();
        if (n < 4 || finite.get(n - 1) >= 0 || finite.get(n - 1) >= finite.get(0)) {
            return false;
        }
        for (int i = n - 3; i < n; i++) {
            double drop = finite.get(i - 1) - finite.get(i);
            double earlier = finite.get(i - 2) - finite.get(i - 1);
            if (!(drop > 0 && drop >= earlier)) {
                return false;
            }
        }
        return true;
    }

    /** Over the last steps (up to 10), some parameter's step changed sign at least 3 times in 4. */
    static boolean oscillates(DescentRun run) {
        List<Step> steps = run.steps().stream().filter(Step::stayedFinite).toList();
        int from = Math.max(0, steps.size() - 10);
        if (steps.size() - from < 3) {
            return false;
        }
        for (int k = 0; k < run.params().size(); k++) {
            int flips = 0;
            int pairs = 0;
            for (int i = from + 1; i < steps.size(); i++) {
                double a = steps.get(i - 1).paramsAfter().get(k)
                        - steps.get(i - 1).paramsBefore().get(k);
                double b = steps.get(i).paramsAfter().get(k)
                        - steps.get(i).paramsBefore().get(k);
                if (a != 0 && b != 0) {
                    pairs++;
                    if (Math.signum(a) != Math.signum(b)) {
                        flips++;
                    }
                }
            }
            if (pairs >= 2 && 4 * flips >= 3 * pairs) {
                return true;
            }
        }
        return false;
    }

    private static double lastFinite(List<Double> losses) {
        return losses.stream().filter(Double::isFinite).reduce((a, b) -> b).orElse(Double.NaN);
    }

    private static double norm(double[] g) {
        double sum = 0;
        for (double v : g) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    private static String capital(String who) {
        return Character.toUpperCase(who.charAt(0)) + who.substring(1);
    }
}
