package dev.gradientdeck.descent.web;

import dev.gradientdeck.cards.CardViews.CardDetail;
import dev.gradientdeck.descent.engine.DataProblem.LineFit;
import dev.gradientdeck.descent.engine.DataProblem.Logistic;
import dev.gradientdeck.descent.engine.DescentRun;
import dev.gradientdeck.descent.engine.Expression;
import dev.gradientdeck.descent.engine.Optimizer;
import dev.gradientdeck.descent.engine.Problem;
import dev.gradientdeck.descent.engine.Simulation;
import dev.gradientdeck.descent.engine.Step;
import dev.gradientdeck.descent.engine.Tex;
import dev.gradientdeck.descent.exercise.Exercise;
import dev.gradientdeck.descent.exercise.Exercise.Score;
import dev.gradientdeck.descent.exercise.WhatIf;
import dev.gradientdeck.descent.explain.RunStory;
import dev.gradientdeck.descent.explain.Worked;
import dev.gradientdeck.descent.spec.DescentSpec;
import dev.gradientdeck.descent.web.DescentRepository.StoredRun;
import dev.gradientdeck.present.Numbers;
import dev.gradientdeck.review.GradeButton;
import dev.gradientdeck.review.Rating;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the descent pages show, decided here so the templates only format. Strings holding math
 * carry their own KaTeX delimiters {@code \( \)}; everything else is plain text that the templates
 * escape.
 */
public final class DescentPages {
    private DescentPages() {}

    /**
     * The focused page of a descent card: its head and question, the exercise, and its answer once
     * the steps are done.
     */
    public record Page(CardDetail card, ExerciseView exercise) {}

    /**
     * The live exercise on one run.
     *
     * @param from where the learner came from ("card", "page" or "review"), carried through every
     *     form
     * @param action the base URL the exercise's forms post to
     * @param here the URL of the page showing the exercise, where the what-if form sends its values
     * @param error a problem with the card's simulation itself, shown instead of the exercise
     */
    public record ExerciseView(
            long cardId,
            long runId,
            String from,
            String action,
            String here,
            String error,
            List<Fact> setup,
            String drawn,
            List<StepView> steps,
            List<Figure> figures,
            boolean done,
            Grading grading,
            Summary summary,
            WhatIfView whatIf) {

        public boolean hasRun() {
            return error.isEmpty();
        }
    }

    /** A label and its value; either may hold math. */
    public record Fact(String label, String value) {}

    public record Table(List<String> header, List<List<String>> rows, List<Boolean> marked) {}

    /**
     * One predicted step: the point before it and, while it is being predicted, the fields to fill
     * in; once revealed, the learner's answers beside the true values and the arithmetic written
     * out.
     */
    public record StepView(
            int t,
            boolean revealed,
            String point,
            String loss,
            String batch,
            List<Fact> carried,
            Table data,
            List<Field> fields,
            String formError,
            List<Result> results,
            WorkedView worked) {}

    /**
     * A prediction to make; {@code state} is "right" (kept, not asked again), "wrong" (try again)
     * or "".
     */
    public record Field(
            String name, String label, boolean direction, String value, String state, String note, String error) {}

    /**
     * One asked quantity of a revealed step: the learner's answers, the true value (to the
     * precision the tolerance asks), how far off and against what, and the verdict.
     */
    public record Result(String label, String answers, String truth, String error, boolean firstTry, String verdict) {}

    /**
     * The arithmetic of a revealed step as TeX lines (without delimiters: the template adds them):
     * the loss before, the gradient, each parameter's update, the loss after.
     */
    public record WorkedView(List<String> loss, List<String> gradient, List<Update> updates, List<String> after) {}

    public record Update(String param, List<String> lines) {}

    public record Figure(String title, String caption, String svg) {}

    public record Grading(
            String summary, String suggestion, List<GradeButton> buttons, boolean finished, String finishedText) {}

    public record Summary(String status, boolean diverged, List<Fact> end, Table trajectory) {}

    public record WhatIfView(
            List<Choice> optimizers,
            List<Input> settings,
            List<Input> switches,
            List<Input> start,
            Input steps,
            String error,
            boolean submitted,
            Table comparison,
            String verdict) {}

    public record Choice(String value, String label, boolean selected) {}

    /**
     * A what-if input; {@code showFor} lists the optimizers it applies to (CSS shows only those for
     * the choice).
     */
    public record Input(
            String name,
            String label,
            String value,
            String placeholder,
            String error,
            String showFor,
            boolean checked) {}

    /** Everything a view is built from, gathered by the routes. */
    record Inputs(
            long cardId,
            StoredRun stored,
            Exercise exercise,
            DescentSpec cardSpec,
            String from,
            String action,
            String here,
            Map<String, String> typed,
            Map<String, String> errors,
            String formError,
            Map<String, String> whatIfForm,
            WhatIf.Outcome whatIf,
            DescentRun whatIfRun,
            List<GradeButton> buttons) {}

    static ExerciseView broken(long cardId, String from, String action, String here, String error) {
        return new ExerciseView(
                cardId, 0, from, action, here, error, List.of(), "", List.of(), List.of(), false, null, null, null);
    }

    static ExerciseView view(Inputs in) {
        Exercise ex = in.exercise();
        List<StepView> steps = new ArrayList<>();
        for (int t = 1; t <= ex.revealed(); t++) {
            steps.add(StepViews.of(ex, t, true, in));
        }
        ex.currentStep().ifPresent(t -> steps.add(StepViews.of(ex, t, false, in)));
        boolean done = ex.done();
        return new ExerciseView(
                in.cardId(),
                in.stored().id(),
                in.from(),
                in.action(),
                in.here(),
                "",
                setup(ex),
                drawn(in),
                steps,
                Figures.of(ex, in.whatIfRun()),
                done,
                done ? grading(ex, in) : null,
                done ? summary(ex) : null,
                done ? WhatIfViews.of(ex, in) : null);
    }

    // ---- the setup ----

    private static List<Fact> setup(Exercise ex) {
        Simulation sim = ex.simulation();
        DescentSpec spec = ex.spec();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Problem", problem(sim.problem(), spec)));
        facts.add(new Fact("Optimizer", optimizer(sim.optimizer())));
        facts.add(new Fact("Update", tex(sim.optimizer().rule())));
        facts.add(new Fact(
                "Start",
                tex(Tex.tuple(ex.run().params()) + " = " + Tex.values(ex.step(1).paramsBefore()))));
        int predicted = ex.predictedSteps();
        facts.add(new Fact(
                "Steps",
                spec.steps()
                        + (predicted == 0
                                ? " steps"
                                : " steps; you predict the first " + (predicted == 1 ? "one" : predicted))));
        if (spec.batches() != null || spec.batchSize() != null) {
            facts.add(new Fact("Mini-batches", batches(spec)));
        }
        if (predicted > 0) {
            facts.add(new Fact(
                    "Counts as right",
                    "a gradient within "
                            + percent(ex.tolerance())
                            + " of its value; a parameter after the step when the step you imply is within "
                            + percent(ex.tolerance())
                            + " of the true step (so no move is never right); the loss after the step within "
                            + percent(ex.tolerance())
                            + " of its value, or of its change when the change is smaller; up or down exactly."));
        }
        return facts;
    }

    private static String batches(DescentSpec spec) {
        if (spec.batches() == null) {
            return "shuffled batches of "
                    + spec.batchSize()
                    + " rows (seed "
                    + (spec.seed() == null ? 0 : spec.seed())
                    + ")";
        }
        return "rows "
                + spec.batches().stream()
                        .map(b -> "{" + b.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "}")
                        .collect(Collectors.joining(", "))
                + ", in turn";
    }

    private static String problem(Problem problem, DescentSpec spec) {
        if (problem instanceof LineFit fit) {
            return "Fit the line "
                    + tex("\\hat y = w x + b")
                    + " to "
                    + fit.rows()
                    + " points by "
                    + (fit.reduction() == LineFit.Reduction.MEAN
                            ? "the mean squared error " + tex("L = \\tfrac{1}{n}\\sum_i (w x_i + b - y_i)^2")
                            : "the sum of squared residuals " + tex("L = \\sum_i (w x_i + b - y_i)^2"));
        }
        if (problem instanceof Logistic logistic) {
            return "Logistic regression "
                    + tex("p = \\sigma(w_1 x_1 + w_2 x_2 + b)")
                    + " on "
                    + logistic.rows()
                    + " points, by the mean binary cross-entropy";
        }
        if (problem instanceof Problem.Quadratic q) {
            return tex("L(w) = a\\,(w - c)^2") + " with " + tex("a = " + Tex.n(q.a()) + ",\\ c = " + Tex.n(q.c()));
        }
        if (problem instanceof Problem.Bowl bowl) {
            return tex("L(x, y) = \\tfrac12\\,(a x^2 + b y^2)")
                    + " with "
                    + tex("a = " + Tex.n(bowl.a()) + ",\\ b = " + Tex.n(bowl.b()));
        }
        if (problem instanceof Problem.Rosenbrock) {
            return "Rosenbrock's valley " + tex("L(x, y) = (1 - x)^2 + 100\\,(y - x^2)^2") + ", lowest at (1, 1)";
        }
        if (problem instanceof Problem.Himmelblau) {
            return "Himmelblau's function "
                    + tex("L(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2")
                    + ", with four minima where L = 0";
        }
        return tex(Worked.lossFormula((Expression) problem));
    }

    static String optimizer(Optimizer<?> optimizer) {
        return optimizer.title() + ", " + tex(String.join(",\\ ", optimizer.settingsTex()));
    }

    /** The values drawn for this review, when the card randomizes: "w₀ = −1, η = 0.02". */
    private static String drawn(Inputs in) {
        if (in.cardSpec() == null || in.cardSpec().randomize() == null) {
            return "";
        }
        DescentSpec spec = in.exercise().spec();
        List<String> values = new ArrayList<>();
        for (String field : in.cardSpec().randomize().keySet()) {
            String[] target = field.split("\\.", 2);
            Object value = switch (target[0]) {
                case "start" -> spec.start().get(target[1]);
                case "constants" -> spec.constants().get(target[1]);
                default -> spec.optimizer().settings().get(target[1]);
            };
            if (value instanceof Double number) {
                values.add(field + " = " + WhatIf.plain(number));
            }
        }
        return values.isEmpty()
                ? ""
                : "Drawn fresh for this run: "
                        + String.join(", ", values)
                        + " (seed "
                        + in.stored().seed()
                        + ").";
    }

    // ---- grading and the whole run ----

    private static Grading grading(Exercise ex, Inputs in) {
        Score score = ex.score();
        String summary = score.asked() == 0
                ? "Nothing on this card is predicted: grade how well you could explain the run."
                : score.right()
                        + " of "
                        + score.asked()
                        + " predictions right on the first try ("
                        + score.percent()
                        + "%).";
        String suggestion = score.suggested()
                .map(rating -> "Suggested grade: "
                        + rating.label()
                        + " (Again below 50%, Hard below 75%, Good below 100%, Easy at 100%). "
                        + "Choose another if it fits better.")
                .orElse("");
        StoredRun stored = in.stored();
        String finished = stored.finished()
                ? "You graded this run " + Rating.of(stored.rating()).label() + "."
                : "";
        return new Grading(summary, suggestion, in.buttons(), stored.finished(), finished);
    }

    private static Summary summary(Exercise ex) {
        DescentRun run = ex.run();
        Step last = run.steps().get(run.steps().size() - 1);
        String status = RunStory.of(run, ex.simulation().problem(), "this run").sentence();
        List<Fact> end = new ArrayList<>();
        if (!run.diverged()) {
            end.add(new Fact("Final point", tex(Tex.tuple(run.params()) + " = " + Tex.values(last.paramsAfter()))));
            end.add(new Fact(
                    "Final loss", tex("L = " + Tex.n(ex.lossAfter(run.steps().size())))));
        }
        List<String> header = new ArrayList<>(List.of("t"));
        run.params().forEach(p -> header.add(tex(Tex.symbol(p))));
        header.add("loss");
        run.params().forEach(p -> header.add(tex(Tex.d(p))));
        List<List<String>> rows = new ArrayList<>();
        List<Boolean> marked = new ArrayList<>();
        int n = run.steps().size();
        for (int t = 1; t <= n; t++) {
            if (t > 8 && t <= n - 3) {
                if (t == 9) {
                    rows.add(java.util.Collections.nCopies(header.size(), "⋮"));
                    marked.add(false);
                }
                continue;
            }
            Step step = run.steps().get(t - 1);
            List<String> row = new ArrayList<>(List.of(String.valueOf(t)));
            step.paramsBefore().forEach(v -> row.add(Numbers.compact(v)));
            row.add(Numbers.compact(ex.lossBefore(t)));
            step.gradient().forEach(v -> row.add(Numbers.compact(v)));
            rows.add(row);
            marked.add(t <= ex.predictedSteps());
        }
        return new Summary(status, run.diverged(), end, new Table(header, rows, marked));
    }

    // ---- text ----

    static String tex(String math) {
        return "\\(" + math + "\\)";
    }

    /**
     * A value to the precision a grade asks: enough decimals that rounding moves it by under a
     * tenth of what is allowed, at most 6 significant digits, so no 1e-16 noise shows.
     */
    static String to(double value, double allowed) {
        if (!Double.isFinite(value) || !(allowed > 0) || value == 0) {
            return Numbers.compact(value);
        }
        int decimals = (int) Math.ceil(-Math.log10(allowed / 10));
        int significant = decimals + (int) Math.floor(Math.log10(Math.abs(value))) + 1;
        if (significant >= 6 || significant < 1) {
            return Numbers.compact(value);
        }
        return Numbers.compact(new java.math.BigDecimal(value)
                .setScale(Math.max(decimals, 0), java.math.RoundingMode.HALF_EVEN)
                .doubleValue());
    }

    /**
     * A stored answer as the learner would write it: -26.4, not -26.4E0; up and down as they are.
     */
    static String shown(String answer) {
        try {
            double value = Double.parseDouble(answer);
            return Double.isFinite(value) ? Numbers.compact(value) : answer;
        } catch (NumberFormatException e) {
            return answer;
        }
    }

    /** A share as a percentage to two significant digits: 2%, 0.5%, 0.0017%. */
    static String percent(double share) {
        double value = share * 100;
        if (value == 0 || !Double.isFinite(value)) {
            return (Double.isFinite(value) ? "0" : Numbers.compact(value)) + "%";
        }
        return new java.math.BigDecimal(value)
                        .round(new java.math.MathContext(2))
                        .stripTrailingZeros()
                        .toPlainString()
                + "%";
    }
}
