package dev.gradientdeck.descent.explain;

import static dev.gradientdeck.descent.engine.Tex.d;
import static dev.gradientdeck.descent.engine.Tex.f;
import static dev.gradientdeck.descent.engine.Tex.n;

import dev.gradientdeck.descent.engine.DataProblem;
import dev.gradientdeck.descent.engine.Expression;
import dev.gradientdeck.descent.engine.Formula;
import dev.gradientdeck.descent.engine.Line;
import dev.gradientdeck.descent.engine.Problem;
import dev.gradientdeck.descent.engine.Problem.Bowl;
import dev.gradientdeck.descent.engine.Problem.Himmelblau;
import dev.gradientdeck.descent.engine.Problem.Quadratic;
import dev.gradientdeck.descent.engine.Problem.Rosenbrock;
import dev.gradientdeck.descent.engine.Simulation;
import dev.gradientdeck.descent.engine.Step;
import dev.gradientdeck.descent.engine.Tex;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of one step with its own numbers, as lines of data a page writes out and a test
 * reads back: the loss and the gradient at the step's point, each parameter's update in the
 * optimizer's order of operations, and the loss at the new point with the change the step made.
 * Each line's value is the one the run holds; the numbers before it are rounded to 6 significant
 * digits.
 *
 * @param lossAfter the loss on all the data at the point after the step, and its change
 */
public record Worked(List<Line> loss, List<Line> gradient, List<Update> updates, List<Line> lossAfter) {

    /** The update lines of one parameter. */
    public record Update(String param, List<Line> lines) {}

    /** An author's expression as the page writes it: {@code L(w, b) = (w - 3)^{2} + ...}. */
    public static String lossFormula(Expression e) {
        return "L(" + Tex.tuple(e.params()).replaceAll("^\\(|\\)$", "") + ") = "
                + FormulaText.tex(e.formula(), e.params(), null);
    }

    public static Worked of(Simulation simulation, Step step) {
        Problem problem = simulation.problemOn(step.batchRows());
        double[] p = step.before();
        List<Line> loss = new ArrayList<>();
        List<Line> gradient = new ArrayList<>();
        lines(problem, p, step.loss(), step.gradient(), step.batch() != null, loss, gradient);

        List<Update> updates = new ArrayList<>();
        List<String> names = problem.params();
        for (int i = 0; i < names.size(); i++) {
            updates.add(new Update(names.get(i), step.working().get(i).lines(Tex.symbol(names.get(i)), p[i])));
        }

        List<Line> after = new ArrayList<>();
        double[] q = step.after();
        Problem whole = simulation.problem();
        double before = step.fullLoss() != null ? step.fullLoss() : step.loss();
        double lossAfter = whole.loss(q);
        if (allFinite(q)) {
            List<Line> at = new ArrayList<>();
            lines(whole, q, lossAfter, null, false, at, new ArrayList<>());
            // Written at the new point: the same lines with "new" on the loss.
            for (Line line : at) {
                after.add(
                        line.lhs().equals("L")
                                ? new Line("L_{\\text{new}}", line.rule(), line.numbers(), line.value(), line.note())
                                : line);
            }
        }
        after.add(new Line(
                "L_{\\text{new}} - L",
                "",
                n(lossAfter) + " - " + f(before),
                lossAfter - before,
                lossAfter < before ? "the loss went down" : lossAfter > before ? "the loss went up" : "unchanged"));
        return new Worked(loss, gradient, updates, after);
    }

    private static boolean allFinite(double[] values) {
        for (double value : values) {
            if (!Double.isFinite(value)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The lines of the loss at {@code p} and, when {@code grad} is given, of the gradient there.
     */
    private static void lines(
            Problem problem,
            double[] p,
            double lossValue,
            List<Double> grad,
            boolean batched,
            List<Line> loss,
            List<Line> gradient) {
        if (problem instanceof DataProblem data) {
            DataLines.of(data, p, lossValue, grad, batched, loss, gradient);
        } else if (problem instanceof Quadratic q) {
            loss.add(new Line(
                    "L", "a\\,(w - c)^2", f(q.a()) + "\\cdot(" + n(p[0]) + " - " + f(q.c()) + ")^2", lossValue));
            if (grad != null) {
                gradient.add(new Line(
                        d("w"),
                        "2a\\,(w - c)",
                        "2\\cdot" + f(q.a()) + "\\cdot(" + n(p[0]) + " - " + f(q.c()) + ")",
                        grad.get(0)));
            }
        } else if (problem instanceof Bowl bowl) {
            loss.add(new Line(
                    "L",
                    "\\tfrac12\\,(a x^2 + b y^2)",
                    "0.5\\cdot(" + f(bowl.a()) + "\\cdot" + f(p[0]) + "^2 + " + f(bowl.b()) + "\\cdot" + f(p[1])
                            + "^2)",
                    lossValue));
            if (grad != null) {
                gradient.add(new Line(d("x"), "a x", f(bowl.a()) + "\\cdot" + f(p[0]), grad.get(0)));
                gradient.add(new Line(d("y"), "b y", f(bowl.b()) + "\\cdot" + f(p[1]), grad.get(1)));
            }
        } else if (problem instanceof Rosenbrock) {
            double valley = p[1] - p[0] * p[0];
            loss.add(new Line("q", "y - x^2", n(p[1]) + " - " + f(p[0]) + "^2", valley));
            loss.add(new Line(
                    "L", "(1 - x)^2 + 100\\,q^2", "(1 - " + f(p[0]) + ")^2 + 100\\cdot" + f(valley) + "^2", lossValue));
            if (grad != null) {
                gradient.add(new Line(
                        d("x"),
                        "-2\\,(1 - x) - 400\\,x\\,q",
                        "-2\\cdot(1 - " + f(p[0]) + ") - 400\\cdot" + f(p[0]) + "\\cdot" + f(valley),
                        grad.get(0)));
                gradient.add(new Line(d("y"), "200\\,q", "200\\cdot" + f(valley), grad.get(1)));
            }
        } else if (problem instanceof Himmelblau) {
            double u = p[0] * p[0] + p[1] - 11;
            double v = p[0] + p[1] * p[1] - 7;
            loss.add(new Line("u", "x^2 + y - 11", f(p[0]) + "^2 + " + f(p[1]) + " - 11", u));
            loss.add(new Line("v", "x + y^2 - 7", n(p[0]) + " + " + f(p[1]) + "^2 - 7", v));
            loss.add(new Line("L", "u^2 + v^2", f(u) + "^2 + " + f(v) + "^2", lossValue));
            if (grad != null) {
                gradient.add(new Line(
                        d("x"), "4xu + 2v", "4\\cdot" + f(p[0]) + "\\cdot" + f(u) + " + 2\\cdot" + f(v), grad.get(0)));
                gradient.add(new Line(
                        d("y"), "2u + 4yv", "2\\cdot" + f(u) + " + 4\\cdot" + f(p[1]) + "\\cdot" + f(v), grad.get(1)));
            }
        } else {
            expression((Expression) problem, p, lossValue, grad, loss, gradient);
        }
    }

    /** An author's expression: substituted, and differentiated term by term. */
    private static void expression(
            Expression e, double[] p, double lossValue, List<Double> grad, List<Line> loss, List<Line> gradient) {
        List<String> names = e.params();
        Formula formula = e.formula();
        loss.add(new Line("L", FormulaText.tex(formula, names, null), FormulaText.tex(formula, names, p), lossValue));
        if (grad == null) {
            return;
        }
        List<Formula> terms = FormulaText.terms(formula);
        for (int i = 0; i < names.size(); i++) {
            List<Formula> partials = new ArrayList<>();
            List<Formula> holding = new ArrayList<>();
            for (Formula term : terms) {
                Formula partial = FormulaText.derivative(term, i);
                if (!(partial instanceof Formula.Constant c && c.value() == 0)) {
                    partials.add(partial);
                    holding.add(term);
                }
            }
            if (partials.size() > 1) {
                // Each term's own partial first, by the chain rule, then their sum.
                for (int k = 0; k < partials.size(); k++) {
                    gradient.add(new Line(
                            "\\tfrac{\\partial}{\\partial " + Tex.symbol(names.get(i)) + "}\\big["
                                    + FormulaText.tex(holding.get(k), names, null) + "\\big]",
                            FormulaText.tex(partials.get(k), names, null),
                            FormulaText.tex(partials.get(k), names, p),
                            FormulaText.value(partials.get(k), p)));
                }
            }
            Formula sum = FormulaText.sum(partials);
            gradient.add(new Line(
                    d(names.get(i)), FormulaText.tex(sum, names, null), FormulaText.tex(sum, names, p), grad.get(i)));
        }
    }
}
