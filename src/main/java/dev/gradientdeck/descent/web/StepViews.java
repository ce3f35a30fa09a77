package dev.gradientdeck.descent.web;

import static dev.gradientdeck.descent.web.DescentPages.*;

import dev.gradientdeck.descent.engine.DataProblem.LineFit;
import dev.gradientdeck.descent.engine.DataProblem.Logistic;
import dev.gradientdeck.descent.engine.Problem;
import dev.gradientdeck.descent.engine.Step;
import dev.gradientdeck.descent.engine.Tex;
import dev.gradientdeck.descent.engine.Work;
import dev.gradientdeck.descent.exercise.Exercise;
import dev.gradientdeck.descent.exercise.Exercise.Attempt;
import dev.gradientdeck.descent.exercise.Exercise.Item;
import dev.gradientdeck.descent.exercise.Grade;
import dev.gradientdeck.descent.explain.Worked;
import dev.gradientdeck.present.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The predicted steps as the page shows them: the point, the fields, the results and the worked lines. */
final class StepViews {
    private StepViews() {}

    // ---- steps ----

    static StepView of(Exercise ex, int t, boolean revealed, Inputs in) {
        Step step = ex.step(t);
        List<String> names = ex.run().params();
        String point = tex(Tex.tuple(names) + " = " + Tex.values(step.paramsBefore()));
        String loss = tex("L = " + Tex.n(ex.lossBefore(t)));
        String batch = step.batch() == null
                ? ""
                : "This step sees only rows "
                        + step.batch().stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + ", its mini-batch: the loss there is "
                        + tex("L_B = " + Tex.n(step.loss()))
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
     * The optimizer's state coming into the step, one value per parameter for each symbol the
     * optimizer carries.
     */
    static List<Fact> carried(Step step, List<String> names) {
        Map<String, List<Double>> bySymbol = new LinkedHashMap<>();
        for (Work work : step.working()) {
            for (Work.Carried carried : work.carried()) {
                bySymbol.computeIfAbsent(carried.symbol(), k -> new ArrayList<>())
                        .add(carried.value());
            }
        }
        List<Fact> carried = new ArrayList<>();
        bySymbol.forEach((symbol, values) -> {
            if (values.size() == names.size()) {
                carried.add(new Fact(tex(symbol), tex(Tex.values(values))));
            }
        });
        return carried;
    }

    /**
     * The data of a line fit or a logistic regression, with the per-row terms of the gradient once
     * revealed.
     */
    static Table data(Exercise ex, Step step, boolean revealed) {
        Problem problem = ex.simulation().problem();
        double[] p = Step.unboxed(step.paramsBefore());
        List<Boolean> marked = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        if (problem instanceof LineFit fit) {
            List<String> header = new ArrayList<>(List.of("i", tex("x_i"), tex("y_i")));
            if (revealed) {
                header.addAll(List.of(tex("\\hat y_i = w x_i + b"), tex("r_i = \\hat y_i - y_i")));
            }
            for (int i = 0; i < fit.rows(); i++) {
                List<String> row = new ArrayList<>(
                        List.of(String.valueOf(i), Numbers.compact(fit.x()[i]), Numbers.compact(fit.y()[i])));
                if (revealed) {
                    double fitted = p[0] * fit.x()[i] + p[1];
                    row.addAll(List.of(Numbers.compact(fitted), Numbers.compact(fitted - fit.y()[i])));
                }
                rows.add(row);
                marked.add(step.batch() != null && step.batch().contains(i));
            }
            return new Table(header, rows, marked);
        }
        if (problem instanceof Logistic logistic) {
            List<String> header = new ArrayList<>(List.of("i", tex("x_{1,i}"), tex("x_{2,i}"), tex("y_i")));
            if (revealed) {
                header.addAll(List.of(tex("z_i"), tex("p_i = \\sigma(z_i)"), tex("p_i - y_i")));
            }
            for (int i = 0; i < logistic.rows(); i++) {
                List<String> row = new ArrayList<>(List.of(
                        String.valueOf(i),
                        Numbers.compact(logistic.x1()[i]),
                        Numbers.compact(logistic.x2()[i]),
                        Numbers.compact(logistic.y()[i])));
                if (revealed) {
                    double z = p[0] * logistic.x1()[i] + p[1] * logistic.x2()[i] + p[2];
                    double sigma = 1 / (1 + Math.exp(-z));
                    row.addAll(List.of(
                            Numbers.compact(z), Numbers.compact(sigma), Numbers.compact(sigma - logistic.y()[i])));
                }
                rows.add(row);
                marked.add(step.batch() != null && step.batch().contains(i));
            }
            return new Table(header, rows, marked);
        }
        return null;
    }

    static List<Field> fields(Exercise ex, int t, Inputs in) {
        boolean batched = ex.step(t).batch() != null;
        List<Field> fields = new ArrayList<>();
        for (Item item : ex.items(t)) {
            List<Attempt> tries = ex.attempts(item);
            boolean right = ex.solved(item);
            String last =
                    tries.isEmpty() ? "" : shown(tries.get(tries.size() - 1).answer());
            String value = in.typed().getOrDefault(item.field(), right ? shown(rightAnswer(tries)) : last);
            String state = right ? "right" : tries.isEmpty() ? "" : "wrong";
            String note = "";
            if (right) {
                note = item.quantity().equals(Exercise.DIRECTION)
                        ? "right"
                        : "right: within " + percent(ex.tolerance()) + " of " + against(ex, item);
            } else if (!tries.isEmpty()) {
                note = hint(ex, item, tries.get(tries.size() - 1));
            }
            fields.add(new Field(
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

    static String rightAnswer(List<Attempt> tries) {
        return tries.stream().filter(Attempt::correct).findFirst().orElseThrow().answer();
    }

    /** What a number's tolerance is measured against, in words. */
    static String against(Exercise ex, Item item) {
        return ex.grade(item, ex.truth(item)).against();
    }

    /** Why a try missed, without giving the value away: too high or too low. */
    static String hint(Exercise ex, Item item, Attempt last) {
        if (item.quantity().equals(Exercise.DIRECTION)) {
            return "not " + last.answer() + ": try again";
        }
        double answer = Double.parseDouble(last.answer());
        Grade grade = ex.grade(item, answer);
        String within = "not within " + percent(ex.tolerance()) + " of " + grade.against();
        if (!Double.isFinite(grade.truth()) || Double.isNaN(answer)) {
            return within;
        }
        if (item.quantity().equals(Exercise.PARAMS) && answer == before(ex, item)) {
            return within + ": that leaves " + item.component() + " where it was";
        }
        return within + ": too " + (answer > grade.truth() ? "high" : "low");
    }

    /** The value of a parameter or the loss before the step, for "unchanged". */
    static double before(Exercise ex, Item item) {
        return item.quantity().equals(Exercise.PARAMS)
                ? ex.step(item.step()).paramsBefore().get(ex.run().params().indexOf(item.component()))
                : ex.lossBefore(item.step());
    }

    static String label(Item item, boolean batched) {
        return switch (item.quantity()) {
            case Exercise.GRADIENT -> "Gradient " + tex(Tex.d(item.component()));
            case Exercise.PARAMS -> tex(Tex.symbol(item.component())) + " after the step";
            case Exercise.LOSS -> batched ? "Loss on all the data after the step" : "Loss after the step";
            default -> batched ? "Does the loss on all the data go up or down?" : "Does the loss go up or down?";
        };
    }

    static List<Result> results(Exercise ex, int t) {
        boolean batched = ex.step(t).batch() != null;
        List<Result> results = new ArrayList<>();
        for (Item item : ex.items(t)) {
            List<Attempt> tries = ex.attempts(item);
            boolean direction = item.quantity().equals(Exercise.DIRECTION);
            boolean moves =
                    item.quantity().equals(Exercise.PARAMS) || item.quantity().equals(Exercise.LOSS);
            double allowed = direction ? 0 : ex.grade(item, ex.truth(item)).allowed();
            String truth;
            if (direction) {
                truth = ex.truthText(item);
            } else {
                double value = ex.truth(item);
                truth = to(value, allowed) + (moves && value == before(ex, item) ? " (unchanged)" : "");
            }
            List<String> typed = new ArrayList<>();
            for (Attempt attempt : tries) {
                String answer = shown(attempt.answer());
                if (moves && !direction) {
                    double number = Double.parseDouble(attempt.answer());
                    answer = number == before(ex, item) ? answer + " (unchanged)" : answer;
                }
                if (typed.isEmpty() || !typed.get(typed.size() - 1).equals(answer)) {
                    typed.add(answer);
                }
            }
            String answers = typed.isEmpty() ? "—" : String.join(" → ", typed);
            String error = "";
            if (!tries.isEmpty() && direction) {
                error = tries.get(tries.size() - 1).correct() ? "right" : "wrong";
            } else if (!tries.isEmpty()) {
                Grade grade = ex.grade(
                        item, Double.parseDouble(tries.get(tries.size() - 1).answer()));
                error = grade.correct() && grade.error() <= allowed / 10
                        ? "exact"
                        : "off by "
                                + to(grade.error(), allowed)
                                + "; allowed "
                                + to(grade.allowed(), allowed)
                                + " ("
                                + percent(ex.tolerance())
                                + " of "
                                + grade.against()
                                + ")";
            }
            boolean firstTry = !tries.isEmpty() && tries.get(0).correct();
            int rightAt = IntStream.range(0, tries.size())
                    .filter(i -> tries.get(i).correct())
                    .findFirst()
                    .orElse(-1);
            String verdict = tries.isEmpty()
                    ? "revealed without a prediction"
                    : firstTry ? "right first time" : rightAt > 0 ? "right on try " + (rightAt + 1) : "missed";
            results.add(new Result(label(item, batched), answers, truth, error, firstTry, verdict));
        }
        return results;
    }

    static WorkedView worked(Exercise ex, Step step) {
        Worked worked = Worked.of(ex.simulation(), step);
        List<Update> updates = new ArrayList<>();
        for (Worked.Update update : worked.updates()) {
            updates.add(new Update(tex(Tex.symbol(update.param())), texts(update.lines())));
        }
        return new WorkedView(texts(worked.loss()), texts(worked.gradient()), updates, texts(worked.lossAfter()));
    }

    private static List<String> texts(List<dev.gradientdeck.descent.engine.Line> lines) {
        return lines.stream().map(dev.gradientdeck.descent.engine.Line::tex).toList();
    }
}
