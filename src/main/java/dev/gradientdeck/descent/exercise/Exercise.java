package dev.gradientdeck.descent.exercise;

import dev.gradientdeck.descent.engine.DescentRun;
import dev.gradientdeck.descent.engine.Simulation;
import dev.gradientdeck.descent.engine.Step;
import dev.gradientdeck.descent.spec.DescentSpec;
import dev.gradientdeck.descent.spec.ValidSpec;
import dev.gradientdeck.review.Rating;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The predict-then-reveal exercise on one run: what the learner predicts at each of the first
 * {@code predict.steps} steps, the true values, and how the predictions made so far score. Where
 * the learner is (how many steps are revealed, which predictions were made) is stored; everything
 * else is recomputed from the spec, so a reload resumes.
 *
 * <p>At step t the page shows the point before the step and the loss there; the learner predicts,
 * as the spec asks, the gradient at that point, the parameters after the step, the loss after the
 * step, and whether the loss goes up or down. With mini-batches the loss after the step and its
 * direction are on all the data: the batch changes from step to step, so only the full loss says
 * whether the step helped.
 *
 * <p>Every number is graded by {@link Tolerance}, the same rule as {@code POST
 * /api/descent/grade}. The score counts first tries. Each asked quantity of each predicted step counts once, as right
 * when the first prediction of it was within tolerance. A retry after a miss is stored and shown
 * but cannot raise the score, and a quantity revealed without a prediction counts as missed:
 * otherwise trying both answers to "up or down", or revealing every step unanswered, would earn a
 * good grade.
 */
public final class Exercise {
    public static final String GRADIENT = "gradient";
    public static final String PARAMS = "params";
    public static final String LOSS = "loss";
    public static final String DIRECTION = "direction";

    /**
     * The order a learner computes in: the gradient first, then the step, then its effect on the
     * loss.
     */
    private static final List<String> ORDER = List.of(GRADIENT, PARAMS, LOSS, DIRECTION);

    /**
     * One asked quantity of one step; {@code component} is the parameter for gradient and params,
     * else "".
     */
    public record Item(int step, String quantity, String component) {
        /**
         * The form field and the key of the item within its step: {@code gradient.w}, {@code loss}.
         */
        public String field() {
            return component.isEmpty() ? quantity : quantity + "." + component;
        }
    }

    /**
     * A stored prediction: the learner's answer as typed (a number or up/down) and whether it
     * counted.
     */
    public record Attempt(Item item, String answer, String truth, boolean correct) {}

    /**
     * Predictions right on the first try out of those asked; {@link #suggested()} maps the share to
     * a rating.
     */
    public record Score(int right, int asked) {
        public int percent() {
            return asked == 0 ? 0 : (int) Math.floor(100.0 * right / asked);
        }

        /**
         * Again below 50%, Hard below 75%, Good below 100%, Easy for all right; nothing when
         * nothing was asked, and the learner grades alone. Compared in whole numbers so 3 of 4 is
         * exactly 75%.
         */
        public Optional<Rating> suggested() {
            if (asked == 0) {
                return Optional.empty();
            }
            if (2 * right < asked) {
                return Optional.of(Rating.AGAIN);
            }
            if (4 * right < 3 * asked) {
                return Optional.of(Rating.HARD);
            }
            return Optional.of(right < asked ? Rating.GOOD : Rating.EASY);
        }
    }

    private final ValidSpec valid;
    private final DescentSpec spec;
    private final DescentRun run;
    private final List<Attempt> attempts;
    private final int revealed;

    private Exercise(ValidSpec valid, DescentRun run, List<Attempt> attempts, int revealed) {
        this.valid = valid;
        this.spec = valid.spec();
        this.run = run;
        this.attempts = List.copyOf(attempts);
        this.revealed = revealed;
    }

    /**
     * The exercise on {@code spec} (as drawn for the run) with the predictions made so far, oldest
     * first, and the number of steps revealed.
     */
    public static Exercise of(ValidSpec spec, List<Attempt> attempts, int revealed) {
        return new Exercise(spec, spec.run(), attempts, revealed);
    }

    public DescentSpec spec() {
        return spec;
    }

    public ValidSpec valid() {
        return valid;
    }

    public DescentRun run() {
        return run;
    }

    public Simulation simulation() {
        return valid.simulation();
    }

    public double tolerance() {
        return spec.toleranceOrDefault();
    }

    /**
     * Steps the learner predicts: as the spec asks, but never past a step where the run stopped.
     */
    public int predictedSteps() {
        return spec.predict() == null
                ? 0
                : Math.min(spec.predict().steps(), run.steps().size());
    }

    public int revealed() {
        return Math.min(revealed, predictedSteps());
    }

    public boolean done() {
        return revealed() >= predictedSteps();
    }

    /** The step being predicted now, or empty when every predicted step is revealed. */
    public Optional<Integer> currentStep() {
        return done() ? Optional.empty() : Optional.of(revealed() + 1);
    }

    public Step step(int t) {
        return run.steps().get(t - 1);
    }

    /** The quantities asked at step t, in the order they are computed. */
    public List<Item> items(int t) {
        List<Item> items = new ArrayList<>();
        if (spec.predict() == null) {
            return items;
        }
        for (String quantity : ORDER) {
            if (!spec.predict().ask().contains(quantity)) {
                continue;
            }
            if (quantity.equals(GRADIENT) || quantity.equals(PARAMS)) {
                run.params().forEach(param -> items.add(new Item(t, quantity, param)));
            } else {
                items.add(new Item(t, quantity, ""));
            }
        }
        return items;
    }

    /**
     * The loss on all the data at the point before step t: what the page shows as the current loss.
     */
    public double lossBefore(int t) {
        Step step = step(t);
        return step.fullLoss() != null ? step.fullLoss() : step.loss();
    }

    /** The loss on all the data at the point after step t. */
    public double lossAfter(int t) {
        return simulation().problem().loss(step(t).after());
    }

    /**
     * The item named by an API's or a form's field at step t: {@code gradient.<param>}, {@code
     * params.<param>}, {@code loss} or {@code direction}.
     *
     * @throws IllegalArgumentException saying what is unknown
     */
    public Item item(int t, String field) {
        String[] parts = field.split("\\.", 2);
        String quantity = parts[0];
        String component = parts.length == 2 ? parts[1] : "";
        boolean perParam = quantity.equals(GRADIENT) || quantity.equals(PARAMS);
        boolean whole = quantity.equals(LOSS) || quantity.equals(DIRECTION);
        if (perParam && run.params().contains(component) || whole && component.isEmpty()) {
            return new Item(t, quantity, component);
        }
        List<String> known = new ArrayList<>();
        run.params().forEach(p -> known.add(GRADIENT + "." + p));
        run.params().forEach(p -> known.add(PARAMS + "." + p));
        known.add(LOSS);
        known.add(DIRECTION);
        throw new IllegalArgumentException(
                "unknown quantity '" + field + "'; the quantities are " + String.join(", ", known));
    }

    /** The true value of a numeric item. */
    public double truth(Item item) {
        Step step = step(item.step());
        int param = run.params().indexOf(item.component());
        return switch (item.quantity()) {
            case GRADIENT -> step.gradient().get(param);
            case PARAMS -> step.paramsAfter().get(param);
            case LOSS -> lossAfter(item.step());
            default -> throw new IllegalArgumentException(item.quantity() + " is not a number");
        };
    }

    public Direction direction(int t) {
        return Direction.of(lossBefore(t), lossAfter(t));
    }

    /**
     * The true value as stored beside a prediction: Java's exact text of the number, or up / down.
     */
    public String truthText(Item item) {
        return item.quantity().equals(DIRECTION)
                ? direction(item.step()).name().toLowerCase(Locale.ROOT)
                : String.valueOf(truth(item));
    }

    /**
     * Grades an answer as typed.
     *
     * @throws IllegalArgumentException with a message for the learner when the answer is not a
     *     number (or up / down)
     */
    public Attempt check(Item item, String typed) {
        if (item.quantity().equals(DIRECTION)) {
            Direction answer = direction(typed);
            return new Attempt(
                    item, answer.name().toLowerCase(Locale.ROOT), truthText(item), answer == direction(item.step()));
        }
        double answer = number(typed);
        return new Attempt(
                item,
                String.valueOf(answer),
                truthText(item),
                grade(item, answer).correct());
    }

    /** A numeric answer graded by the rule of {@link Tolerance}. */
    public Grade grade(Item item, double answer) {
        Tolerance rule = new Tolerance(tolerance());
        double truth = truth(item);
        int t = item.step();
        return switch (item.quantity()) {
            case GRADIENT -> rule.gradient(truth, answer);
            case PARAMS ->
                rule.param(step(t).paramsBefore().get(run.params().indexOf(item.component())), truth, answer);
            default -> rule.loss(lossBefore(t), truth, answer);
        };
    }

    /** Up or down as typed, graded: right or wrong, nothing in between. */
    public boolean gradeDirection(int t, String typed) {
        return direction(typed) == direction(t);
    }

    public List<Attempt> attempts(Item item) {
        return attempts.stream().filter(a -> a.item().equals(item)).toList();
    }

    public boolean solved(Item item) {
        return attempts(item).stream().anyMatch(Attempt::correct);
    }

    public Score score() {
        int asked = 0;
        int right = 0;
        for (int t = 1; t <= predictedSteps(); t++) {
            for (Item item : items(t)) {
                asked++;
                List<Attempt> tries = attempts(item);
                if (!tries.isEmpty() && tries.get(0).correct()) {
                    right++;
                }
            }
        }
        return new Score(right, asked);
    }

    /**
     * A number as a learner types it: {@code -26.4}, {@code −26.4} (a typographic minus), {@code
     * 1e-3}, {@code 86/5}, or {@code inf} / {@code nan} for a run that blows up.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static double number(String typed) {
        String text = typed == null ? "" : typed.strip().replace('\u2212', '-').replace(" ", "");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("is empty; type a number such as -26.4");
        }
        int slash = text.indexOf('/');
        if (slash > 0) {
            double denominator = plain(text.substring(slash + 1), typed);
            if (denominator == 0) {
                throw new IllegalArgumentException("'" + typed.strip() + "' divides by zero");
            }
            return plain(text.substring(0, slash), typed) / denominator;
        }
        return plain(text, typed);
    }

    private static double plain(String text, String typed) {
        String lower = text.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "inf", "+inf", "infinity", "+infinity", "∞", "+∞" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity", "-∞" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case "nan" -> {
                return Double.NaN;
            }
            default -> {
                // Double.parseDouble would also take hex floats, "1d" and "Infinity" spelled other
                // ways; a learner means decimals.
                if (!lower.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
                    throw new IllegalArgumentException("'"
                            + typed.strip()
                            + "' is not a number; type a decimal such as -26.4, "
                            + "1e-3 or a fraction such as 86/5");
                }
                return Double.parseDouble(lower);
            }
        }
    }

    static Direction direction(String typed) {
        String text = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "up" -> Direction.UP;
            case "down" -> Direction.DOWN;
            default ->
                throw new IllegalArgumentException(
                        text.isEmpty()
                                ? "choose up or down"
                                : "'" + typed.strip() + "' is not a direction; choose up or down");
        };
    }
}
