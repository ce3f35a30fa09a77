package dev.gradientdeck.descent;

import dev.gradientdeck.cards.CardViews.CardDetail;
import dev.gradientdeck.descent.DataProblem.LineFit;
import dev.gradientdeck.descent.DataProblem.Logistic;
import dev.gradientdeck.descent.DescentRepository.StoredRun;
import dev.gradientdeck.descent.Exercise.Attempt;
import dev.gradientdeck.descent.Exercise.Item;
import dev.gradientdeck.descent.Exercise.Score;
import dev.gradientdeck.review.Rating;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
            Worked worked) {}

    /**
     * A prediction to make; {@code state} is "right" (kept, not asked again), "wrong" (try again)
     * or "".
     */
    public record Field(
            String name,
            String label,
            boolean direction,
            String value,
            String state,
            String note,
            String error) {}

    public record Result(
            String label,
            String answers,
            String truth,
            String error,
            boolean firstTry,
            String verdict) {}

    /**
     * The arithmetic of a revealed step as TeX lines (without delimiters: the template adds them).
     */
    public record Worked(List<String> loss, List<String> gradient, List<Update> updates) {}

    public record Update(String param, List<String> lines) {}

    public record Figure(String title, String caption, String svg) {}

    public record Grading(
            String summary,
            String suggestion,
            List<GradeButton> buttons,
            boolean finished,
            String finishedText) {}

    public record GradeButton(int rating, String label, String interval, boolean suggested) {}

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
            Map<Rating, String> intervals) {}

    static ExerciseView broken(long cardId, String from, String action, String here, String error) {
        return new ExerciseView(
                cardId, 0, from, action, here, error, List.of(), "", List.of(), List.of(), false,
                null, null, null);
    }

    static ExerciseView view(Inputs in) {
        Exercise ex = in.exercise();
        List<StepView> steps = new ArrayList<>();
        for (int t = 1; t <= ex.revealed(); t++) {
            steps.add(step(ex, t, true, in));
        }
        ex.currentStep().ifPresent(t -> steps.add(step(ex, t, false, in)));
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
                figures(ex, in.whatIfRun()),
                done,
                done ? grading(ex, in) : null,
                done ? summary(ex) : null,
                done ? whatIf(ex, in) : null);
    }

    // ---- the setup ----

    private static List<Fact> setup(Exercise ex) {
        Simulation sim = ex.simulation();
        DescentSpec spec = ex.spec();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Problem", problem(sim.problem(), spec)));
        facts.add(new Fact("Optimizer", optimizer(spec.optimizer().name(), sim.optimizer())));
        facts.add(new Fact("Update", tex(rule(spec.optimizer().name(), sim.optimizer()))));
        facts.add(
                new Fact(
                        "Start",
                        tex(tuple(ex.run().params()) + " = " + values(ex.step(1).paramsBefore()))));
        int predicted = ex.predictedSteps();
        facts.add(
                new Fact(
                        "Steps",
                        spec.steps()
                                + (predicted == 0
                                        ? " steps"
                                        : " steps; you predict the first "
                                                + (predicted == 1 ? "one" : predicted))));
        if (spec.batches() != null || spec.batchSize() != null) {
            facts.add(
                    new Fact(
                            "Mini-batches",
                            spec.batches() != null
                                    ? "rows "
                                            + spec.batches().stream()
                                                    .map(
                                                            b ->
                                                                    "{"
                                                                            + b.stream()
                                                                                    .map(
                                                                                            String
                                                                                                    ::valueOf)
                                                                                    .collect(
                                                                                            Collectors
                                                                                                    .joining(
                                                                                                            ", "))
                                                                            + "}")
                                                    .collect(Collectors.joining(", "))
                                            + ", in turn"
                                    : "shuffled batches of "
                                            + spec.batchSize()
                                            + " rows (seed "
                                            + (spec.seed() == null ? 0 : spec.seed())
                                            + ")"));
        }
        if (predicted > 0) {
            facts.add(
                    new Fact(
                            "Counts as right",
                            "within "
                                    + percent(ex.tolerance())
                                    + " of the true value (or "
                                    + StepTable.compact(
                                            ex.tolerance() * Prediction.FLOOR_PER_TOLERANCE)
                                    + " near zero)"));
        }
        return facts;
    }

    private static String problem(Problem problem, DescentSpec spec) {
        if (problem instanceof LineFit fit) {
            return "Fit the line "
                    + tex("\\hat y = w x + b")
                    + " to "
                    + fit.rows()
                    + " points by "
                    + (fit.reduction() == LineFit.Reduction.MEAN
                            ? "the mean squared error "
                                    + tex("L = \\tfrac{1}{n}\\sum_i (w x_i + b - y_i)^2")
                            : "the sum of squared residuals "
                                    + tex("L = \\sum_i (w x_i + b - y_i)^2"));
        }
        if (problem instanceof Logistic logistic) {
            return "Logistic regression "
                    + tex("p = \\sigma(w_1 x_1 + w_2 x_2 + b)")
                    + " on "
                    + logistic.rows()
                    + " points, by the mean binary cross-entropy";
        }
        if (problem instanceof Problem.Quadratic q) {
            return tex("L(w) = a\\,(w - c)^2")
                    + " with "
                    + tex("a = " + Arithmetic.n(q.a()) + ",\\ c = " + Arithmetic.n(q.c()));
        }
        if (problem instanceof Problem.Bowl bowl) {
            return tex("L(x, y) = \\tfrac12\\,(a x^2 + b y^2)")
                    + " with "
                    + tex("a = " + Arithmetic.n(bowl.a()) + ",\\ b = " + Arithmetic.n(bowl.b()));
        }
        if (problem instanceof Problem.Rosenbrock) {
            return "Rosenbrock's valley "
                    + tex("L(x, y) = (1 - x)^2 + 100\\,(y - x^2)^2")
                    + ", lowest at (1, 1)";
        }
        if (problem instanceof Problem.Himmelblau) {
            return "Himmelblau's function "
                    + tex("L(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2")
                    + ", with four minima where L = 0";
        }
        return "L(" + String.join(", ", problem.params()) + ") = " + spec.expression();
    }

    private static String optimizer(String name, Optimizer<?> optimizer) {
        List<String> settings = new ArrayList<>();
        String title;
        if (optimizer instanceof Sgd sgd) {
            title =
                    switch (name) {
                        case "momentum" -> "SGD with momentum";
                        case "nesterov" -> "SGD with Nesterov momentum";
                        default -> "SGD";
                    };
            settings.add("\\eta = " + Arithmetic.n(sgd.lr()));
            if (sgd.momentum() != 0) {
                settings.add("\\mu = " + Arithmetic.n(sgd.momentum()));
            }
            if (sgd.dampening() != 0) {
                settings.add("\\tau = " + Arithmetic.n(sgd.dampening()));
            }
            addDecay(settings, sgd.weightDecay());
        } else if (optimizer instanceof Adagrad adagrad) {
            title = "Adagrad";
            settings.add("\\eta = " + Arithmetic.n(adagrad.lr()));
            settings.add("\\epsilon = " + Arithmetic.n(adagrad.eps()));
            if (adagrad.lrDecay() != 0) {
                settings.add("\\delta = " + Arithmetic.n(adagrad.lrDecay()));
            }
            if (adagrad.initialAccumulatorValue() != 0) {
                settings.add("s_0 = " + Arithmetic.n(adagrad.initialAccumulatorValue()));
            }
            addDecay(settings, adagrad.weightDecay());
        } else if (optimizer instanceof RmsProp rms) {
            title = rms.centered() ? "RMSprop (centered)" : "RMSprop";
            settings.add("\\eta = " + Arithmetic.n(rms.lr()));
            settings.add("\\alpha = " + Arithmetic.n(rms.alpha()));
            settings.add("\\epsilon = " + Arithmetic.n(rms.eps()));
            if (rms.momentum() > 0) {
                settings.add("\\mu = " + Arithmetic.n(rms.momentum()));
            }
            addDecay(settings, rms.weightDecay());
        } else {
            Adam adam = (Adam) optimizer;
            title = (adam.decoupled() ? "AdamW" : "Adam") + (adam.amsgrad() ? " (AMSGrad)" : "");
            settings.add("\\eta = " + Arithmetic.n(adam.lr()));
            settings.add("\\beta_1 = " + Arithmetic.n(adam.beta1()));
            settings.add("\\beta_2 = " + Arithmetic.n(adam.beta2()));
            settings.add("\\epsilon = " + Arithmetic.n(adam.eps()));
            addDecay(settings, adam.weightDecay());
        }
        return title + ", " + tex(String.join(",\\ ", settings));
    }

    private static void addDecay(List<String> settings, double weightDecay) {
        if (weightDecay != 0) {
            settings.add("\\lambda = " + Arithmetic.n(weightDecay));
        }
    }

    /** The update rule in the optimizer's (torch's) form, with g the gradient. */
    private static String rule(String name, Optimizer<?> optimizer) {
        String decay = "";
        if (optimizer instanceof Adam adam && adam.decoupled() && adam.weightDecay() != 0) {
            decay = "\\theta \\leftarrow \\theta\\,(1 - \\eta\\lambda),\\ ";
        } else if (weightDecay(optimizer) != 0) {
            decay = "g \\leftarrow g + \\lambda\\theta,\\ ";
        }
        String rule =
                switch (name) {
                    case "sgd" -> "\\theta \\leftarrow \\theta - \\eta\\, g";
                    case "momentum" ->
                            "b \\leftarrow \\mu b + "
                                    + (((Sgd) optimizer).dampening() == 0 ? "" : "(1 - \\tau)\\,")
                                    + "g,\\ \\theta \\leftarrow \\theta - \\eta\\, b";
                    case "nesterov" ->
                            "b \\leftarrow \\mu b + g,\\ \\theta \\leftarrow \\theta - \\eta\\,(g + \\mu b)";
                    case "adagrad" ->
                            "s \\leftarrow s + g^2,\\ \\theta \\leftarrow \\theta - \\frac{\\eta\\, g}{\\sqrt{s} + \\epsilon}";
                    case "rmsprop" ->
                            "v \\leftarrow \\alpha v + (1 - \\alpha)\\, g^2,\\ \\theta \\leftarrow \\theta - "
                                    + (((RmsProp) optimizer).momentum() > 0
                                            ? "\\eta\\, b,\\ b \\leftarrow \\mu b + \\frac{g}{\\sqrt{v} + \\epsilon}"
                                            : "\\frac{\\eta\\, g}{\\sqrt{v} + \\epsilon}");
                    default ->
                            "m \\leftarrow \\beta_1 m + (1 - \\beta_1)\\, g,\\ v \\leftarrow \\beta_2 v + (1 - \\beta_2)\\, g^2,\\ "
                                    + "\\theta \\leftarrow \\theta - \\frac{\\eta\\, \\hat m}{\\sqrt{\\hat v} + \\epsilon}";
                };
        return decay + rule;
    }

    private static double weightDecay(Optimizer<?> optimizer) {
        if (optimizer instanceof Sgd sgd) {
            return sgd.weightDecay();
        }
        if (optimizer instanceof Adagrad adagrad) {
            return adagrad.weightDecay();
        }
        if (optimizer instanceof RmsProp rms) {
            return rms.weightDecay();
        }
        return ((Adam) optimizer).weightDecay();
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
            Object value =
                    switch (target[0]) {
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

    // ---- steps ----

    private static StepView step(Exercise ex, int t, boolean revealed, Inputs in) {
        Step step = ex.step(t);
        List<String> names = ex.run().params();
        String point = tex(tuple(names) + " = " + values(step.paramsBefore()));
        String loss = tex("L = " + Arithmetic.n(ex.lossBefore(t)));
        String batch =
                step.batch() == null
                        ? ""
                        : "This step sees only rows "
                                + step.batch().stream()
                                        .map(String::valueOf)
                                        .collect(Collectors.joining(", "))
                                + ", its mini-batch: the loss there is "
                                + tex("L_B = " + Arithmetic.n(step.loss()))
                                + ", and the gradient is the gradient of "
                                + tex("L_B")
                                + ".";
        return new StepView(
                t,
                revealed,
                point,
                loss,
                batch,
                carried(step, names),
                data(ex, step, revealed),
                revealed ? List.of() : fields(ex, t, in),
                revealed ? "" : in.formError(),
                revealed ? results(ex, t) : List.of(),
                revealed ? worked(ex, step) : null);
    }

    /**
     * The optimizer's state coming into the step, from the worked quantities the step starts from.
     */
    private static List<Fact> carried(Step step, List<String> names) {
        Map<String, String> symbols = new LinkedHashMap<>();
        symbols.put("buf_prev", "b");
        symbols.put("sum_prev", "s");
        symbols.put("m_prev", "m");
        symbols.put("v_prev", "v");
        symbols.put("g_avg_prev", "\\bar g");
        List<Fact> carried = new ArrayList<>();
        for (var symbol : symbols.entrySet()) {
            List<Double> values = new ArrayList<>();
            for (List<Quantity> working : step.working()) {
                working.stream()
                        .filter(q -> q.name().equals(symbol.getKey()))
                        .findFirst()
                        .ifPresent(q -> values.add(q.value()));
            }
            if (values.size() == names.size()) {
                carried.add(new Fact(tex(symbol.getValue()), tex(values(values))));
            }
        }
        return carried;
    }

    /**
     * The data of a line fit or a logistic regression, with the per-row terms of the gradient once
     * revealed.
     */
    private static Table data(Exercise ex, Step step, boolean revealed) {
        Problem problem = ex.simulation().problem();
        double[] p = Exercise.unboxed(step.paramsBefore());
        List<Boolean> marked = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        if (problem instanceof LineFit fit) {
            List<String> header = new ArrayList<>(List.of("i", tex("x_i"), tex("y_i")));
            if (revealed) {
                header.addAll(List.of(tex("\\hat y_i = w x_i + b"), tex("r_i = \\hat y_i - y_i")));
            }
            for (int i = 0; i < fit.rows(); i++) {
                List<String> row =
                        new ArrayList<>(
                                List.of(String.valueOf(i), num(fit.x()[i]), num(fit.y()[i])));
                if (revealed) {
                    double fitted = p[0] * fit.x()[i] + p[1];
                    row.addAll(List.of(num(fitted), num(fitted - fit.y()[i])));
                }
                rows.add(row);
                marked.add(step.batch() != null && step.batch().contains(i));
            }
            return new Table(header, rows, marked);
        }
        if (problem instanceof Logistic logistic) {
            List<String> header =
                    new ArrayList<>(List.of("i", tex("x_{1,i}"), tex("x_{2,i}"), tex("y_i")));
            if (revealed) {
                header.addAll(List.of(tex("z_i"), tex("p_i = \\sigma(z_i)"), tex("p_i - y_i")));
            }
            for (int i = 0; i < logistic.rows(); i++) {
                List<String> row =
                        new ArrayList<>(
                                List.of(
                                        String.valueOf(i),
                                        num(logistic.x1()[i]),
                                        num(logistic.x2()[i]),
                                        num(logistic.y()[i])));
                if (revealed) {
                    double z = p[0] * logistic.x1()[i] + p[1] * logistic.x2()[i] + p[2];
                    double sigma = 1 / (1 + Math.exp(-z));
                    row.addAll(List.of(num(z), num(sigma), num(sigma - logistic.y()[i])));
                }
                rows.add(row);
                marked.add(step.batch() != null && step.batch().contains(i));
            }
            return new Table(header, rows, marked);
        }
        return null;
    }

    private static List<Field> fields(Exercise ex, int t, Inputs in) {
        boolean batched = ex.step(t).batch() != null;
        List<Field> fields = new ArrayList<>();
        for (Item item : ex.items(t)) {
            List<Attempt> tries = ex.attempts(item);
            boolean right = ex.solved(item);
            String last = tries.isEmpty() ? "" : shown(tries.get(tries.size() - 1).answer());
            String value =
                    in.typed().getOrDefault(item.field(), right ? shown(rightAnswer(tries)) : last);
            String state = right ? "right" : tries.isEmpty() ? "" : "wrong";
            String note = "";
            if (right) {
                note = "right: within " + percent(ex.tolerance());
            } else if (!tries.isEmpty()) {
                note = hint(ex, item, tries.get(tries.size() - 1));
            }
            fields.add(
                    new Field(
                            item.field(),
                            label(item, batched),
                            item.quantity().equals(Exercise.DIRECTION),
                            value,
                            state,
                            note,
                            in.errors().getOrDefault(item.field(), "")));
        }
        return fields;
    }

    private static String rightAnswer(List<Attempt> tries) {
        return tries.stream().filter(Attempt::correct).findFirst().orElseThrow().answer();
    }

    /** Why a try missed, without giving the value away: too high or too low. */
    private static String hint(Exercise ex, Item item, Attempt last) {
        if (item.quantity().equals(Exercise.DIRECTION)) {
            return "not " + last.answer() + ": try again";
        }
        double answer = Double.parseDouble(last.answer());
        double truth = ex.truth(item);
        if (!Double.isFinite(truth) || Double.isNaN(answer)) {
            return "not within " + percent(ex.tolerance());
        }
        return "not within "
                + percent(ex.tolerance())
                + ": too "
                + (answer > truth ? "high" : "low");
    }

    static String label(Item item, boolean batched) {
        return switch (item.quantity()) {
            case Exercise.GRADIENT -> "Gradient " + tex(Arithmetic.d(item.component()));
            case Exercise.PARAMS -> tex(Arithmetic.symbol(item.component())) + " after the step";
            case Exercise.LOSS ->
                    batched ? "Loss on all the data after the step" : "Loss after the step";
            default ->
                    batched
                            ? "Does the loss on all the data go up or down?"
                            : "Does the loss go up or down?";
        };
    }

    private static List<Result> results(Exercise ex, int t) {
        boolean batched = ex.step(t).batch() != null;
        List<Result> results = new ArrayList<>();
        for (Item item : ex.items(t)) {
            List<Attempt> tries = ex.attempts(item);
            boolean direction = item.quantity().equals(Exercise.DIRECTION);
            String truth = direction ? ex.truthText(item) : StepTable.compact(ex.truth(item));
            String answers =
                    tries.isEmpty()
                            ? "—"
                            : tries.stream()
                                    .map(a -> shown(a.answer()))
                                    .collect(Collectors.joining(" → "));
            String error = "";
            if (!tries.isEmpty() && !direction) {
                Grade grade =
                        ex.grade(item, Double.parseDouble(tries.get(tries.size() - 1).answer()));
                error =
                        grade.error() == 0
                                ? "exact"
                                : "off by "
                                        + StepTable.compact(grade.error())
                                        + (grade.truth() != 0 && Double.isFinite(grade.truth())
                                                ? " ("
                                                        + percent(
                                                                grade.error()
                                                                        / Math.abs(grade.truth()))
                                                        + ")"
                                                : "");
            }
            boolean firstTry = !tries.isEmpty() && tries.get(0).correct();
            int rightAt =
                    IntStream.range(0, tries.size())
                            .filter(i -> tries.get(i).correct())
                            .findFirst()
                            .orElse(-1);
            String verdict =
                    tries.isEmpty()
                            ? "revealed without a prediction"
                            : firstTry
                                    ? "right first time"
                                    : rightAt > 0 ? "right on try " + (rightAt + 1) : "missed";
            results.add(new Result(label(item, batched), answers, truth, error, firstTry, verdict));
        }
        return results;
    }

    private static Worked worked(Exercise ex, Step step) {
        Arithmetic.Worked worked = Arithmetic.of(ex.simulation(), step);
        List<Update> updates = new ArrayList<>();
        for (int i = 0; i < ex.run().params().size(); i++) {
            updates.add(
                    new Update(
                            tex(Arithmetic.symbol(ex.run().params().get(i))),
                            worked.updates().get(i)));
        }
        return new Worked(worked.loss(), worked.gradient(), updates);
    }

    // ---- pictures ----

    /**
     * While predicting, the path and losses up to the current point (nothing the learner is about
     * to predict); once the steps are done, the whole run, with the what-if run beside it.
     */
    static List<Figure> figures(Exercise ex, DescentRun whatIf) {
        DescentRun run = ex.run();
        Simulation sim = ex.simulation();
        int known = ex.done() ? run.steps().size() : ex.currentStep().orElseThrow();
        List<double[]> points = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        for (int t = 1; t <= known; t++) {
            points.add(Exercise.unboxed(run.steps().get(t - 1).paramsBefore()));
            losses.add(ex.lossBefore(t));
        }
        if (ex.done()) {
            points.add(Exercise.unboxed(run.steps().get(run.steps().size() - 1).paramsAfter()));
        }
        Integer divergedAt = ex.done() ? run.divergedAt() : null;
        List<Plots.Path> paths =
                new ArrayList<>(List.of(new Plots.Path("this run", Plots.RUN, points, divergedAt)));
        List<Plots.Curve> curves = new ArrayList<>();
        boolean batched = run.steps().get(0).batch() != null;
        if (batched) {
            List<Double> batchLosses =
                    run.steps().subList(0, known).stream().map(Step::loss).toList();
            curves.add(new Plots.Curve("on the batch", Plots.RUN, batchLosses, null, true));
        }
        curves.add(
                new Plots.Curve(
                        batched ? "on all the data" : "this run",
                        Plots.RUN,
                        losses,
                        divergedAt,
                        false));
        if (whatIf != null) {
            paths.add(
                    new Plots.Path("what-if", Plots.WHAT_IF, pathOf(whatIf), whatIf.divergedAt()));
            curves.add(
                    new Plots.Curve(
                            "what-if",
                            Plots.WHAT_IF,
                            fullLosses(whatIf),
                            whatIf.divergedAt(),
                            false));
        }

        List<Figure> figures = new ArrayList<>();
        Problem problem = sim.problem();
        if (problem instanceof LineFit fit) {
            figures.add(lineFigure(fit, ex, run, known, whatIf));
        }
        List<Plots.Marker> minima = minima(problem);
        boolean unknownMinimum = problem instanceof Expression;
        String pathCaption = whatIf == null ? "" : " The orange path is the what-if run.";
        if (problem.params().size() == 2) {
            figures.add(
                    new Figure(
                            "Where the parameters went",
                            "Contour lines of the loss, darker where it is lower. The "
                                    + "path starts at the hollow circle; each dot is one step."
                                    + pathCaption,
                            Plots.landscape(
                                    problem::loss,
                                    problem.params(),
                                    paths,
                                    minima,
                                    unknownMinimum)));
        } else if (problem.params().size() == 1) {
            figures.add(
                    new Figure(
                            "Where the parameter went",
                            "The loss as a function of "
                                    + problem.params().get(0)
                                    + "; the dots are the points the run visited, joined in order, so overshooting shows as a zigzag."
                                    + pathCaption,
                            Plots.curve(
                                    problem::loss,
                                    problem.params().get(0),
                                    paths,
                                    minima,
                                    unknownMinimum)));
        }
        List<Double> finite =
                curves.stream()
                        .filter(c -> !c.faint())
                        .flatMap(c -> c.losses().stream())
                        .filter(Double::isFinite)
                        .toList();
        figures.add(
                new Figure(
                        "Loss per step",
                        "The loss at the start of each step"
                                + (Plots.logScale(finite)
                                        ? ", on a log scale because it spans decades"
                                        : "")
                                + (batched
                                        ? "; faint: the loss on each step's mini-batch, the one differentiated"
                                        : "")
                                + (ex.predictedSteps() > 0 && ex.done()
                                        ? ". Shaded: the steps you predicted."
                                        : "."),
                        Plots.lossCurve(
                                curves,
                                ex.done() ? ex.predictedSteps() : 0,
                                ex.done() ? 1 : ex.predictedSteps() + 1)));
        return figures;
    }

    private static Figure lineFigure(
            LineFit fit, Exercise ex, DescentRun run, int known, DescentRun whatIf) {
        List<Plots.Line> lines = new ArrayList<>();
        double[] best = Plots.leastSquares(fit);
        if (best != null) {
            lines.add(new Plots.Line("least squares", "#868e96", best[0], best[1], 1, true));
        }
        Plots.Line current;
        if (ex.done()) {
            for (int t = 1; t <= ex.predictedSteps(); t++) {
                List<Double> after = run.steps().get(t - 1).paramsAfter();
                lines.add(new Plots.Line("", Plots.RUN, after.get(0), after.get(1), 0.25, false));
            }
            List<Double> last = run.steps().get(run.steps().size() - 1).paramsAfter();
            current =
                    new Plots.Line(
                            "after " + run.steps().size() + " steps",
                            Plots.RUN,
                            last.get(0),
                            last.get(1),
                            1,
                            false);
        } else {
            for (int t = 1; t < known; t++) {
                List<Double> before = run.steps().get(t - 1).paramsBefore();
                lines.add(new Plots.Line("", Plots.RUN, before.get(0), before.get(1), 0.25, false));
            }
            List<Double> now = run.steps().get(known - 1).paramsBefore();
            current = new Plots.Line("line now", Plots.RUN, now.get(0), now.get(1), 1, false);
        }
        lines.add(current);
        if (whatIf != null) {
            List<Double> last = whatIf.steps().get(whatIf.steps().size() - 1).paramsAfter();
            lines.add(new Plots.Line("what-if", Plots.WHAT_IF, last.get(0), last.get(1), 1, false));
        }
        return new Figure(
                "The data and the line",
                "Faint lines: where the line was after each earlier step. Dashed red: "
                        + "the residuals of the line now, the gaps the loss squares.",
                Plots.lineFit(fit.x(), fit.y(), lines, current));
    }

    private static List<double[]> pathOf(DescentRun run) {
        List<double[]> points = new ArrayList<>();
        run.steps().forEach(step -> points.add(Exercise.unboxed(step.paramsBefore())));
        points.add(Exercise.unboxed(run.steps().get(run.steps().size() - 1).paramsAfter()));
        return points;
    }

    private static List<Double> fullLosses(DescentRun run) {
        return run.steps().stream()
                .map(s -> s.fullLoss() != null ? s.fullLoss() : s.loss())
                .toList();
    }

    /** The minima known in closed form, marked on landscapes. */
    static List<Plots.Marker> minima(Problem problem) {
        if (problem instanceof LineFit fit) {
            double[] best = Plots.leastSquares(fit);
            return best == null
                    ? List.of()
                    : List.of(
                            new Plots.Marker(
                                    "least squares ("
                                            + StepTable.compact(best[0])
                                            + ", "
                                            + StepTable.compact(best[1])
                                            + ")",
                                    best));
        }
        if (problem instanceof Problem.Quadratic q) {
            return List.of(
                    new Plots.Marker(
                            "minimum w = " + StepTable.compact(q.c()), new double[] {q.c()}));
        }
        if (problem instanceof Problem.Bowl) {
            return List.of(new Plots.Marker("minimum (0, 0)", new double[] {0, 0}));
        }
        if (problem instanceof Problem.Rosenbrock) {
            return List.of(new Plots.Marker("minimum (1, 1)", new double[] {1, 1}));
        }
        if (problem instanceof Problem.Himmelblau) {
            return List.of(
                    new Plots.Marker("minimum (3, 2)", new double[] {3, 2}),
                    new Plots.Marker("minimum", new double[] {-2.805118, 3.131313}),
                    new Plots.Marker("minimum", new double[] {-3.779310, -3.283186}),
                    new Plots.Marker("minimum", new double[] {3.584428, -1.848127}));
        }
        return List.of();
    }

    // ---- grading and the whole run ----

    private static Grading grading(Exercise ex, Inputs in) {
        Score score = ex.score();
        String summary =
                score.asked() == 0
                        ? "Nothing on this card is predicted: grade how well you could explain the run."
                        : score.right()
                                + " of "
                                + score.asked()
                                + " predictions right on the first try ("
                                + score.percent()
                                + "%).";
        Rating suggested = score.suggested().orElse(null);
        String suggestion =
                suggested == null
                        ? ""
                        : "Suggested grade: "
                                + name(suggested)
                                + " (Again below 50%, Hard below 75%, Good below 100%, Easy at 100%). "
                                + "Choose another if it fits better.";
        List<GradeButton> buttons = new ArrayList<>();
        for (Rating rating : Rating.values()) {
            buttons.add(
                    new GradeButton(
                            rating.value(),
                            name(rating),
                            in.intervals().getOrDefault(rating, ""),
                            rating == suggested));
        }
        StoredRun stored = in.stored();
        String finished =
                stored.finished()
                        ? "You graded this run " + name(Rating.of(stored.rating())) + "."
                        : "";
        return new Grading(summary, suggestion, buttons, stored.finished(), finished);
    }

    static String name(Rating rating) {
        String lower = rating.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static Summary summary(Exercise ex) {
        DescentRun run = ex.run();
        Step last = run.steps().get(run.steps().size() - 1);
        String status =
                run.diverged()
                        ? "Diverged at step "
                                + run.divergedAt()
                                + ": a loss, gradient or parameter stopped being finite there."
                        : "Completed " + run.steps().size() + " steps.";
        List<Fact> end = new ArrayList<>();
        if (!run.diverged()) {
            end.add(
                    new Fact(
                            "Final point",
                            tex(tuple(run.params()) + " = " + values(last.paramsAfter()))));
            end.add(
                    new Fact(
                            "Final loss",
                            tex("L = " + Arithmetic.n(ex.lossAfter(run.steps().size())))));
        }
        List<String> header = new ArrayList<>(List.of("t"));
        run.params().forEach(p -> header.add(tex(Arithmetic.symbol(p))));
        header.add("loss");
        run.params().forEach(p -> header.add(tex(Arithmetic.d(p))));
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
            step.paramsBefore().forEach(v -> row.add(StepTable.compact(v)));
            row.add(StepTable.compact(ex.lossBefore(t)));
            step.gradient().forEach(v -> row.add(StepTable.compact(v)));
            rows.add(row);
            marked.add(t <= ex.predictedSteps());
        }
        return new Summary(status, run.diverged(), end, new Table(header, rows, marked));
    }

    // ---- what if ----

    private static final Map<String, String> SETTING_LABELS =
            Map.of(
                    "lr",
                    "Learning rate η",
                    "momentum",
                    "Momentum μ",
                    "dampening",
                    "Dampening τ",
                    "alpha",
                    "Smoothing α",
                    "beta1",
                    "β₁",
                    "beta2",
                    "β₂",
                    "eps",
                    "ε",
                    "weightDecay",
                    "Weight decay λ",
                    "lrDecay",
                    "lr decay",
                    "initialAccumulatorValue",
                    "Initial accumulator");
    private static final Map<String, String> OPTIMIZER_LABELS =
            Map.of(
                    "sgd",
                    "SGD",
                    "momentum",
                    "SGD with momentum",
                    "nesterov",
                    "SGD with Nesterov momentum",
                    "adagrad",
                    "Adagrad",
                    "rmsprop",
                    "RMSprop",
                    "adam",
                    "Adam",
                    "adamw",
                    "AdamW");

    private static WhatIfView whatIf(Exercise ex, Inputs in) {
        boolean submitted = in.whatIfForm() != null;
        Map<String, String> values = submitted ? in.whatIfForm() : WhatIf.values(ex.spec());
        Map<String, String> errors =
                submitted && in.whatIf() != null ? in.whatIf().errors() : Map.of();
        String chosen = values.getOrDefault("optimizer", ex.spec().optimizer().name());
        Map<String, String> defaults =
                WhatIf.optimizers().contains(chosen) ? WhatIf.defaults(chosen) : Map.of();
        List<Choice> choices =
                WhatIf.optimizers().stream()
                        .map(
                                name ->
                                        new Choice(
                                                name,
                                                OPTIMIZER_LABELS.get(name),
                                                name.equals(chosen)))
                        .toList();
        List<Input> settings = new ArrayList<>();
        for (String setting : WhatIf.SETTINGS) {
            settings.add(
                    new Input(
                            setting,
                            SETTING_LABELS.get(setting),
                            values.getOrDefault(setting, ""),
                            defaults.containsKey(setting)
                                    ? "default " + defaults.get(setting)
                                    : "default",
                            errors.getOrDefault(setting, ""),
                            showFor(setting),
                            false));
        }
        List<Input> switches = new ArrayList<>();
        for (String setting : WhatIf.SWITCHES) {
            String value = values.getOrDefault(setting, "");
            switches.add(
                    new Input(
                            setting,
                            setting.equals("centered") ? "centered" : "AMSGrad",
                            value,
                            "",
                            errors.getOrDefault(setting, ""),
                            showFor(setting),
                            List.of("on", "true").contains(value)));
        }
        List<Input> start = new ArrayList<>();
        for (String param : ex.run().params()) {
            String name = "start." + param;
            start.add(
                    new Input(
                            name,
                            "start " + param,
                            values.getOrDefault(name, ""),
                            "",
                            errors.getOrDefault(name, ""),
                            "",
                            false));
        }
        Input steps =
                new Input(
                        "steps",
                        "Steps",
                        values.getOrDefault("steps", ""),
                        "1 to " + Simulation.MAX_STEPS,
                        errors.getOrDefault("steps", ""),
                        "",
                        false);
        String error =
                errors.getOrDefault(
                        "",
                        errors.containsKey("optimizer")
                                ? "optimizer: " + errors.get("optimizer")
                                : errors.isEmpty()
                                        ? ""
                                        : "Some values cannot run; see the fields marked below.");
        Table comparison = null;
        String verdict = "";
        if (in.whatIfRun() != null) {
            comparison = comparison(ex, in.whatIf().spec(), in.whatIfRun());
            verdict = verdict(ex, in.whatIfRun());
        }
        return new WhatIfView(
                choices, settings, switches, start, steps, error, submitted, comparison, verdict);
    }

    private static String showFor(String setting) {
        return WhatIf.optimizersWith(setting).stream()
                .map(name -> "for-" + name)
                .collect(Collectors.joining(" "));
    }

    private static Table comparison(Exercise ex, DescentSpec spec, DescentRun whatIf) {
        DescentRun run = ex.run();
        List<List<String>> rows = new ArrayList<>();
        rows.add(
                List.of(
                        "Optimizer",
                        optimizer(ex.spec().optimizer().name(), ex.simulation().optimizer()),
                        optimizer(spec.optimizer().name(), Simulation.of(spec).optimizer())));
        rows.add(
                List.of(
                        "Start",
                        tex(values(run.steps().get(0).paramsBefore())),
                        tex(values(whatIf.steps().get(0).paramsBefore()))));
        rows.add(List.of("Steps", String.valueOf(ex.spec().steps()), String.valueOf(spec.steps())));
        rows.add(List.of("Outcome", outcome(run), outcome(whatIf)));
        rows.add(
                List.of(
                        "Final loss",
                        finalLoss(ex.simulation().problem(), run),
                        finalLoss(Simulation.of(spec).problem(), whatIf)));
        rows.add(List.of("Final point", finalPoint(run), finalPoint(whatIf)));
        return new Table(List.of("", "this run", "what-if"), rows, List.of());
    }

    private static String outcome(DescentRun run) {
        return run.diverged() ? "diverged at step " + run.divergedAt() : "completed";
    }

    private static String finalLoss(Problem problem, DescentRun run) {
        if (run.diverged()) {
            return "—";
        }
        return tex(
                Arithmetic.n(
                        problem.loss(
                                Exercise.unboxed(
                                        run.steps().get(run.steps().size() - 1).paramsAfter()))));
    }

    private static String finalPoint(DescentRun run) {
        return run.diverged()
                ? "—"
                : tex(values(run.steps().get(run.steps().size() - 1).paramsAfter()));
    }

    /** One sentence on what the what-if run did, in the terms the pictures show. */
    private static String verdict(Exercise ex, DescentRun whatIf) {
        if (whatIf.diverged()) {
            return "The what-if run diverged at step "
                    + whatIf.divergedAt()
                    + ": each step overshot the minimum by more "
                    + "than the last, until the numbers no longer fit in a double.";
        }
        List<Double> losses = fullLosses(whatIf);
        Problem problem = ex.simulation().problem();
        double first = losses.get(0);
        double end =
                problem.loss(
                        Exercise.unboxed(
                                whatIf.steps().get(whatIf.steps().size() - 1).paramsAfter()));
        if (!(end < first)) {
            return "The what-if run ends with a higher loss than it started with: its steps overshoot instead of settling.";
        }
        int ups = 0;
        for (int i = 1; i < losses.size(); i++) {
            if (losses.get(i) > losses.get(i - 1)) {
                ups++;
            }
        }
        String wobble =
                ups > 0
                        ? " The loss rose on "
                                + ups
                                + " of its steps: it overshoots and comes back."
                        : "";
        if (ex.run().diverged()) {
            return "The what-if run converges where this run diverged." + wobble;
        }
        double original = ex.lossAfter(ex.run().steps().size());
        return "The what-if run ends with a "
                + (end < original ? "lower" : "higher")
                + " loss than this run ("
                + StepTable.compact(end)
                + " against "
                + StepTable.compact(original)
                + ")."
                + wobble;
    }

    // ---- text ----

    static String tex(String math) {
        return "\\(" + math + "\\)";
    }

    private static String tuple(List<String> names) {
        List<String> symbols = names.stream().map(Arithmetic::symbol).toList();
        return symbols.size() == 1 ? symbols.get(0) : "(" + String.join(",\\ ", symbols) + ")";
    }

    private static String values(List<Double> values) {
        List<String> shown = values.stream().map(Arithmetic::n).toList();
        return shown.size() == 1 ? shown.get(0) : "(" + String.join(",\\ ", shown) + ")";
    }

    private static String num(double value) {
        return StepTable.compact(value);
    }

    /**
     * A stored answer as the learner would write it: -26.4, not -26.4E0; up and down as they are.
     */
    private static String shown(String answer) {
        try {
            double value = Double.parseDouble(answer);
            return Double.isFinite(value) ? StepTable.compact(value) : answer;
        } catch (NumberFormatException e) {
            return answer;
        }
    }

    /** A share as a percentage to two significant digits: 2%, 0.5%, 0.0017%. */
    static String percent(double share) {
        double value = share * 100;
        if (value == 0 || !Double.isFinite(value)) {
            return (Double.isFinite(value) ? "0" : StepTable.compact(value)) + "%";
        }
        return new java.math.BigDecimal(value)
                        .round(new java.math.MathContext(2))
                        .stripTrailingZeros()
                        .toPlainString()
                + "%";
    }
}
