package dev.gradientdeck.descent.explain;

import static dev.gradientdeck.descent.engine.Tex.d;
import static dev.gradientdeck.descent.engine.Tex.f;
import static dev.gradientdeck.descent.engine.Tex.n;

import dev.gradientdeck.descent.engine.DataProblem;
import dev.gradientdeck.descent.engine.DataProblem.LineFit;
import dev.gradientdeck.descent.engine.DataProblem.Logistic;
import dev.gradientdeck.descent.engine.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * The worked lines of a line fit and a logistic regression: the sums over the rows, term by term
 * when there are few enough rows to read, then the mean.
 */
final class DataLines {
    /** Above this many rows a sum shows only its total; the data table lists the rows. */
    private static final int TERMS_SHOWN = 8;

    private DataLines() {}

    static void of(
            DataProblem problem,
            double[] p,
            double lossValue,
            List<Double> grad,
            boolean batched,
            List<Line> loss,
            List<Line> gradient) {
        String over = batched ? "\\sum_{i\\in B}" : "\\sum_i";
        if (problem instanceof LineFit fit) {
            int rows = fit.rows();
            IntToDoubleFunction r = i -> p[0] * fit.x()[i] + p[1] - fit.y()[i];
            loss.add(sum(
                    "S",
                    over + " r_i^2,\\ r_i = w x_i + b - y_i",
                    rows,
                    i -> f(r.applyAsDouble(i)) + "^2",
                    i -> r.applyAsDouble(i) * r.applyAsDouble(i)));
            boolean mean = fit.reduction() == LineFit.Reduction.MEAN;
            loss.add(
                    mean
                            ? new Line(
                                    "L",
                                    "\\tfrac{1}{n} S",
                                    "\\frac{" + n(loss.get(0).value()) + "}{" + rows + "}",
                                    lossValue)
                            : new Line("L", "S", n(loss.get(0).value()), lossValue));
            if (grad == null) {
                return;
            }
            Line rx = sum(
                    "\\textstyle\\sum r_i x_i",
                    over + " r_i x_i",
                    rows,
                    i -> f(r.applyAsDouble(i)) + "\\cdot" + f(fit.x()[i]),
                    i -> r.applyAsDouble(i) * fit.x()[i]);
            Line rs = sum("\\textstyle\\sum r_i", over + " r_i", rows, i -> f(r.applyAsDouble(i)), r);
            gradient.add(rx);
            gradient.add(scaled(
                    d("w"),
                    mean ? "\\tfrac{2}{n}" : "2",
                    mean ? "\\frac{2}{" + rows + "}" : "2",
                    rx.value(),
                    "\\sum r_i x_i",
                    grad.get(0)));
            gradient.add(rs);
            gradient.add(scaled(
                    d("b"),
                    mean ? "\\tfrac{2}{n}" : "2",
                    mean ? "\\frac{2}{" + rows + "}" : "2",
                    rs.value(),
                    "\\sum r_i",
                    grad.get(1)));
            return;
        }
        Logistic logistic = (Logistic) problem;
        int rows = logistic.rows();
        IntToDoubleFunction z = i -> p[0] * logistic.x1()[i] + p[1] * logistic.x2()[i] + p[2];
        IntToDoubleFunction e = i -> 1 / (1 + Math.exp(-z.applyAsDouble(i))) - logistic.y()[i];
        loss.add(new Line(
                "L",
                "-\\tfrac{1}{n}" + over
                        + "\\big[y_i \\ln p_i + (1 - y_i)\\ln(1 - p_i)\\big],\\ p_i = \\sigma(w_1 x_{1,i} + w_2 x_{2,i} + b)",
                "",
                lossValue));
        if (grad == null) {
            return;
        }
        double[][] inputs = {logistic.x1(), logistic.x2(), null};
        String[] names = {"x_{1,i}", "x_{2,i}", ""};
        for (int k = 0; k < 3; k++) {
            double[] x = inputs[k];
            String factor = names[k].isEmpty() ? "" : "\\, " + names[k];
            Line total = sum(
                    "\\textstyle\\sum (p_i - y_i)" + factor,
                    over + " (p_i - y_i)" + factor,
                    rows,
                    i -> f(e.applyAsDouble(i)) + (x == null ? "" : "\\cdot" + f(x[i])),
                    i -> e.applyAsDouble(i) * (x == null ? 1 : x[i]));
            gradient.add(total);
            gradient.add(scaled(
                    d(logistic.params().get(k)),
                    "\\tfrac{1}{n}",
                    "\\frac{1}{" + rows + "}",
                    total.value(),
                    "\\sum (p_i - y_i)" + factor,
                    grad.get(k)));
        }
    }

    /** A sum over the rows, its terms written out when there are few. */
    private static Line sum(
            String lhs, String rule, int rows, java.util.function.IntFunction<String> term, IntToDoubleFunction value) {
        double total = 0;
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            total += value.applyAsDouble(i);
            terms.add(term.apply(i));
        }
        return new Line(lhs, rule, rows <= TERMS_SHOWN ? String.join(" + ", terms) : "", total);
    }

    private static Line scaled(String lhs, String factorRule, String factor, double sum, String sumRule, double value) {
        return new Line(lhs, factorRule + sumRule, factor + "\\cdot" + f(sum), value);
    }
}
