package dev.gradientdeck.descent;

import dev.gradientdeck.descent.DataProblem.LineFit;
import dev.gradientdeck.descent.DataProblem.Logistic;
import dev.gradientdeck.descent.Problem.Bowl;
import dev.gradientdeck.descent.Problem.Himmelblau;
import dev.gradientdeck.descent.Problem.Quadratic;
import dev.gradientdeck.descent.Problem.Rosenbrock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of one step written out with its numbers, as TeX for KaTeX, so a learner can check
 * a prediction line by line: how the loss and the gradient at the step's point come about for the
 * problem, and each parameter's update in the optimizer's own order of operations. The last number
 * of every line is the one the run holds; the numbers before it are rounded to 6 significant
 * digits.
 */
final class Arithmetic {
    private Arithmetic() {}

    /**
     * TeX lines: the loss, the gradient, and one list of update lines per parameter (in parameter
     * order).
     */
    record Worked(List<String> loss, List<String> gradient, List<List<String>> updates) {}

    static Worked of(Simulation simulation, Step step) {
        int[] batch =
                step.batch() == null
                        ? null
                        : step.batch().stream().mapToInt(Integer::intValue).toArray();
        Problem problem = simulation.problemOn(batch);
        double[] p = Exercise.unboxed(step.paramsBefore());
        List<String> loss = new ArrayList<>();
        List<String> gradient = new ArrayList<>();
        if (problem instanceof LineFit fit) {
            lineFit(fit, p, step, batch != null, loss, gradient);
        } else if (problem instanceof Logistic logistic) {
            logistic(logistic, p, step, batch != null, loss, gradient);
        } else if (problem instanceof Quadratic q) {
            loss.add(
                    "L = a\\,(w - c)^2 = "
                            + f(q.a())
                            + "\\cdot("
                            + n(p[0])
                            + " - "
                            + f(q.c())
                            + ")^2 = "
                            + n(step.loss()));
            gradient.add(
                    d("w")
                            + " = 2a\\,(w - c) = 2\\cdot"
                            + f(q.a())
                            + "\\cdot("
                            + n(p[0])
                            + " - "
                            + f(q.c())
                            + ") = "
                            + n(step.gradient().get(0)));
        } else if (problem instanceof Bowl bowl) {
            loss.add(
                    "L = \\tfrac12\\,(a x^2 + b y^2) = \\tfrac12\\,("
                            + f(bowl.a())
                            + "\\cdot"
                            + f(p[0])
                            + "^2 + "
                            + f(bowl.b())
                            + "\\cdot"
                            + f(p[1])
                            + "^2) = "
                            + n(step.loss()));
            gradient.add(
                    d("x")
                            + " = a x = "
                            + f(bowl.a())
                            + "\\cdot"
                            + f(p[0])
                            + " = "
                            + n(step.gradient().get(0)));
            gradient.add(
                    d("y")
                            + " = b y = "
                            + f(bowl.b())
                            + "\\cdot"
                            + f(p[1])
                            + " = "
                            + n(step.gradient().get(1)));
        } else if (problem instanceof Rosenbrock) {
            double valley = p[1] - p[0] * p[0];
            loss.add("y - x^2 = " + n(p[1]) + " - " + f(p[0]) + "^2 = " + n(valley));
            loss.add(
                    "L = (1 - x)^2 + 100\\,(y - x^2)^2 = "
                            + f(1 - p[0])
                            + "^2 + 100\\cdot"
                            + f(valley)
                            + "^2 = "
                            + n(step.loss()));
            gradient.add(
                    d("x")
                            + " = -2\\,(1 - x) - 400\\,x\\,(y - x^2) = -2\\cdot"
                            + f(1 - p[0])
                            + " - 400\\cdot"
                            + f(p[0])
                            + "\\cdot"
                            + f(valley)
                            + " = "
                            + n(step.gradient().get(0)));
            gradient.add(
                    d("y")
                            + " = 200\\,(y - x^2) = 200\\cdot"
                            + f(valley)
                            + " = "
                            + n(step.gradient().get(1)));
        } else if (problem instanceof Himmelblau) {
            double u = p[0] * p[0] + p[1] - 11;
            double v = p[0] + p[1] * p[1] - 7;
            loss.add(
                    "u = x^2 + y - 11 = "
                            + f(p[0])
                            + "^2 + "
                            + f(p[1])
                            + " - 11 = "
                            + n(u)
                            + ",\\quad v = x + y^2 - 7 = "
                            + n(p[0])
                            + " + "
                            + f(p[1])
                            + "^2 - 7 = "
                            + n(v));
            loss.add("L = u^2 + v^2 = " + f(u) + "^2 + " + f(v) + "^2 = " + n(step.loss()));
            gradient.add(
                    d("x")
                            + " = 4xu + 2v = 4\\cdot"
                            + f(p[0])
                            + "\\cdot"
                            + f(u)
                            + " + 2\\cdot"
                            + f(v)
                            + " = "
                            + n(step.gradient().get(0)));
            gradient.add(
                    d("y")
                            + " = 2u + 4yv = 2\\cdot"
                            + f(u)
                            + " + 4\\cdot"
                            + f(p[1])
                            + "\\cdot"
                            + f(v)
                            + " = "
                            + n(step.gradient().get(1)));
        } else {
            // An author's expression: its gradient comes from automatic differentiation, with no
            // formula to write out.
            loss.add("L(" + symbols(problem.params()) + ") = " + n(step.loss()));
            for (int i = 0; i < problem.params().size(); i++) {
                gradient.add(d(problem.params().get(i)) + " = " + n(step.gradient().get(i)));
            }
        }
        List<List<String>> updates = new ArrayList<>();
        List<String> names = problem.params();
        for (int i = 0; i < names.size(); i++) {
            updates.add(
                    update(
                            simulation.optimizer(),
                            step.t(),
                            names.get(i),
                            p[i],
                            values(step.working().get(i))));
        }
        return new Worked(loss, gradient, updates);
    }

    // ---- problems ----

    private static void lineFit(
            LineFit fit,
            double[] p,
            Step step,
            boolean batched,
            List<String> loss,
            List<String> gradient) {
        double rx = 0;
        double r = 0;
        double rr = 0;
        for (int i = 0; i < fit.x().length; i++) {
            double residual = p[0] * fit.x()[i] + p[1] - fit.y()[i];
            rx += residual * fit.x()[i];
            r += residual;
            rr += residual * residual;
        }
        String sum = batched ? "\\sum_{i\\in B}" : "\\sum_i";
        int n = fit.x().length;
        loss.add("r_i = w x_i + b - y_i");
        if (fit.reduction() == LineFit.Reduction.MEAN) {
            String mean = "\\tfrac{1}{" + n + "}";
            String twice = "\\tfrac{2}{" + n + "}";
            loss.add(
                    "L = \\tfrac{1}{n}"
                            + sum
                            + " r_i^2 = "
                            + mean
                            + "\\cdot"
                            + f(rr)
                            + " = "
                            + n(step.loss()));
            gradient.add(
                    d("w")
                            + " = \\tfrac{2}{n}"
                            + sum
                            + " r_i x_i = "
                            + twice
                            + "\\cdot"
                            + f(rx)
                            + " = "
                            + n(step.gradient().get(0)));
            gradient.add(
                    d("b")
                            + " = \\tfrac{2}{n}"
                            + sum
                            + " r_i = "
                            + twice
                            + "\\cdot"
                            + f(r)
                            + " = "
                            + n(step.gradient().get(1)));
        } else {
            loss.add("L = " + sum + " r_i^2 = " + n(step.loss()));
            gradient.add(
                    d("w")
                            + " = 2"
                            + sum
                            + " r_i x_i = 2\\cdot"
                            + f(rx)
                            + " = "
                            + n(step.gradient().get(0)));
            gradient.add(
                    d("b")
                            + " = 2"
                            + sum
                            + " r_i = 2\\cdot"
                            + f(r)
                            + " = "
                            + n(step.gradient().get(1)));
        }
    }

    private static void logistic(
            Logistic logistic,
            double[] p,
            Step step,
            boolean batched,
            List<String> loss,
            List<String> gradient) {
        double[] sums = new double[3];
        for (int i = 0; i < logistic.y().length; i++) {
            double z = p[0] * logistic.x1()[i] + p[1] * logistic.x2()[i] + p[2];
            double residual = 1 / (1 + Math.exp(-z)) - logistic.y()[i];
            sums[0] += residual * logistic.x1()[i];
            sums[1] += residual * logistic.x2()[i];
            sums[2] += residual;
        }
        String sum = batched ? "\\sum_{i\\in B}" : "\\sum_i";
        String mean = "\\tfrac{1}{" + logistic.y().length + "}";
        loss.add(
                "z_i = w_1 x_{1,i} + w_2 x_{2,i} + b,\\quad p_i = \\sigma(z_i) = \\frac{1}{1 + e^{-z_i}}");
        loss.add(
                "L = -\\tfrac{1}{n}"
                        + sum
                        + "\\big[y_i \\log p_i + (1 - y_i)\\log(1 - p_i)\\big] = "
                        + n(step.loss()));
        String[] inputs = {"x_{1,i}", "x_{2,i}", ""};
        for (int k = 0; k < 3; k++) {
            String factor = inputs[k].isEmpty() ? "" : "\\," + inputs[k];
            gradient.add(
                    d(logistic.params().get(k))
                            + " = \\tfrac{1}{n}"
                            + sum
                            + " (p_i - y_i)"
                            + factor
                            + " = "
                            + mean
                            + "\\cdot"
                            + f(sums[k])
                            + " = "
                            + n(step.gradient().get(k)));
        }
    }

    // ---- optimizers ----

    private static List<String> update(
            Optimizer<?> optimizer, int t, String name, double before, Map<String, Double> q) {
        List<String> lines = new ArrayList<>();
        String param = symbol(name);
        String gradient = "g";
        if (q.containsKey("g_decayed")) {
            gradient = "g'";
            lines.add(
                    "g' = g + \\lambda\\,"
                            + param
                            + " = "
                            + n(q.get("g"))
                            + " + "
                            + f(weightDecay(optimizer))
                            + "\\cdot"
                            + f(before)
                            + " = "
                            + n(q.get("g_decayed")));
        }
        double g = q.getOrDefault("g_decayed", q.get("g"));
        if (optimizer instanceof Sgd sgd) {
            sgd(sgd, param, gradient, g, before, q, lines);
        } else if (optimizer instanceof Adagrad adagrad) {
            adagrad(adagrad, t, param, gradient, g, before, q, lines);
        } else if (optimizer instanceof RmsProp rms) {
            rmsProp(rms, param, gradient, g, before, q, lines);
        } else if (optimizer instanceof Adam adam) {
            adam(adam, t, param, gradient, g, before, q, lines);
        }
        return lines;
    }

    private static void sgd(
            Sgd sgd,
            String param,
            String gradient,
            double g,
            double before,
            Map<String, Double> q,
            List<String> lines) {
        if (sgd.momentum() == 0) {
            lines.add(
                    param
                            + " \\leftarrow "
                            + param
                            + " - \\eta\\,"
                            + gradient
                            + " = "
                            + n(before)
                            + " - "
                            + f(sgd.lr())
                            + "\\cdot"
                            + f(g)
                            + " = "
                            + n(q.get("p")));
            return;
        }
        if (q.containsKey("buf_prev")) {
            String damped = sgd.dampening() == 0 ? "" : "(1 - \\tau)\\,";
            String dampedValue = sgd.dampening() == 0 ? "" : f(1 - sgd.dampening()) + "\\cdot";
            lines.add(
                    "b = \\mu\\, b_{\\text{prev}} + "
                            + damped
                            + gradient
                            + " = "
                            + f(sgd.momentum())
                            + "\\cdot"
                            + f(q.get("buf_prev"))
                            + " + "
                            + dampedValue
                            + f(g)
                            + " = "
                            + n(q.get("buf")));
        } else {
            // torch starts the buffer at the gradient itself on the first step (no dampening), so b
            // = g.
            lines.add("b = " + gradient + " = " + n(q.get("buf")));
        }
        String direction = "b";
        double along = q.get("buf");
        if (sgd.nesterov()) {
            direction = "d";
            along = q.get("d");
            lines.add(
                    "d = "
                            + gradient
                            + " + \\mu\\, b = "
                            + n(g)
                            + " + "
                            + f(sgd.momentum())
                            + "\\cdot"
                            + f(q.get("buf"))
                            + " = "
                            + n(along));
        }
        lines.add(
                param
                        + " \\leftarrow "
                        + param
                        + " - \\eta\\, "
                        + direction
                        + " = "
                        + n(before)
                        + " - "
                        + f(sgd.lr())
                        + "\\cdot"
                        + f(along)
                        + " = "
                        + n(q.get("p")));
    }

    private static void adagrad(
            Adagrad adagrad,
            int t,
            String param,
            String gradient,
            double g,
            double before,
            Map<String, Double> q,
            List<String> lines) {
        lines.add(
                "s = s_{\\text{prev}} + "
                        + gradient
                        + "^2 = "
                        + n(q.get("sum_prev"))
                        + " + "
                        + f(g)
                        + "^2 = "
                        + n(q.get("sum")));
        String rate = "\\eta";
        double lr = adagrad.lr();
        if (q.containsKey("lr_t")) {
            rate = "\\eta_t";
            lr = q.get("lr_t");
            lines.add(
                    "\\eta_t = \\frac{\\eta}{1 + (t - 1)\\,\\delta} = \\frac{"
                            + n(adagrad.lr())
                            + "}{1 + "
                            + (t - 1)
                            + "\\cdot"
                            + f(adagrad.lrDecay())
                            + "} = "
                            + n(lr));
        }
        lines.add(
                "\\Delta = \\frac{"
                        + rate
                        + "\\, "
                        + gradient
                        + "}{\\sqrt{s} + \\epsilon} = \\frac{"
                        + n(lr)
                        + "\\cdot"
                        + f(g)
                        + "}{\\sqrt{"
                        + n(q.get("sum"))
                        + "} + "
                        + n(adagrad.eps())
                        + "} = "
                        + n(q.get("step")));
        lines.add(
                param
                        + " \\leftarrow "
                        + param
                        + " - \\Delta = "
                        + n(before)
                        + " - "
                        + f(q.get("step"))
                        + " = "
                        + n(q.get("p")));
    }

    private static void rmsProp(
            RmsProp rms,
            String param,
            String gradient,
            double g,
            double before,
            Map<String, Double> q,
            List<String> lines) {
        lines.add(
                "v = \\alpha\\, v_{\\text{prev}} + (1 - \\alpha)\\, "
                        + gradient
                        + "^2 = "
                        + f(rms.alpha())
                        + "\\cdot"
                        + f(q.get("v_prev"))
                        + " + "
                        + f(1 - rms.alpha())
                        + "\\cdot"
                        + f(g)
                        + "^2 = "
                        + n(q.get("v")));
        if (rms.centered()) {
            lines.add(
                    "\\bar g = \\alpha\\, \\bar g_{\\text{prev}} + (1 - \\alpha)\\, "
                            + gradient
                            + " = "
                            + f(rms.alpha())
                            + "\\cdot"
                            + f(q.get("g_avg_prev"))
                            + " + "
                            + f(1 - rms.alpha())
                            + "\\cdot"
                            + f(g)
                            + " = "
                            + n(q.get("g_avg")));
            lines.add(
                    "D = \\sqrt{v - \\bar g^2} + \\epsilon = \\sqrt{"
                            + n(q.get("v"))
                            + " - "
                            + f(q.get("g_avg"))
                            + "^2} + "
                            + n(rms.eps())
                            + " = "
                            + n(q.get("denom")));
        } else {
            lines.add(
                    "D = \\sqrt{v} + \\epsilon = \\sqrt{"
                            + n(q.get("v"))
                            + "} + "
                            + n(rms.eps())
                            + " = "
                            + n(q.get("denom")));
        }
        if (rms.momentum() > 0) {
            lines.add(
                    "b = \\mu\\, b_{\\text{prev}} + "
                            + gradient
                            + "/D = "
                            + f(rms.momentum())
                            + "\\cdot"
                            + f(q.get("buf_prev"))
                            + " + "
                            + f(g)
                            + "/"
                            + f(q.get("denom"))
                            + " = "
                            + n(q.get("buf")));
            lines.add(
                    "\\Delta = \\eta\\, b = "
                            + f(rms.lr())
                            + "\\cdot"
                            + f(q.get("buf"))
                            + " = "
                            + n(q.get("step")));
        } else {
            lines.add(
                    "\\Delta = \\eta\\, "
                            + gradient
                            + "/D = "
                            + f(rms.lr())
                            + "\\cdot"
                            + f(g)
                            + "/"
                            + f(q.get("denom"))
                            + " = "
                            + n(q.get("step")));
        }
        lines.add(
                param
                        + " \\leftarrow "
                        + param
                        + " - \\Delta = "
                        + n(before)
                        + " - "
                        + f(q.get("step"))
                        + " = "
                        + n(q.get("p")));
    }

    private static void adam(
            Adam adam,
            int t,
            String param,
            String gradient,
            double g,
            double before,
            Map<String, Double> q,
            List<String> lines) {
        double start = before;
        if (q.containsKey("p_decayed")) {
            start = q.get("p_decayed");
            lines.add(
                    param
                            + "' = "
                            + param
                            + "\\,(1 - \\eta\\lambda) = "
                            + f(before)
                            + "\\cdot(1 - "
                            + f(adam.lr())
                            + "\\cdot"
                            + f(adam.weightDecay())
                            + ") = "
                            + n(start)
                            + "\\quad\\text{(AdamW's decoupled decay)}");
        }
        lines.add(
                "m = \\beta_1 m_{\\text{prev}} + (1 - \\beta_1)\\, "
                        + gradient
                        + " = "
                        + f(adam.beta1())
                        + "\\cdot"
                        + f(q.get("m_prev"))
                        + " + "
                        + f(1 - adam.beta1())
                        + "\\cdot"
                        + f(g)
                        + " = "
                        + n(q.get("m")));
        lines.add(
                "v = \\beta_2 v_{\\text{prev}} + (1 - \\beta_2)\\, "
                        + gradient
                        + "^2 = "
                        + f(adam.beta2())
                        + "\\cdot"
                        + f(q.get("v_prev"))
                        + " + "
                        + f(1 - adam.beta2())
                        + "\\cdot"
                        + f(g)
                        + "^2 = "
                        + n(q.get("v")));
        String second = "v";
        if (q.containsKey("v_max")) {
            second = "v_{\\max}";
            lines.add("v_{\\max} = \\max(v_{\\max,\\text{prev}}, v) = " + n(q.get("v_max")));
        }
        lines.add(
                "\\hat m = \\frac{m}{1 - \\beta_1^{\\,t}} = \\frac{"
                        + n(q.get("m"))
                        + "}{1 - "
                        + f(adam.beta1())
                        + "^{"
                        + t
                        + "}} = "
                        + n(q.get("m_hat")));
        lines.add(
                "\\hat v = \\frac{"
                        + second
                        + "}{1 - \\beta_2^{\\,t}} = \\frac{"
                        + n(q.getOrDefault("v_max", q.get("v")))
                        + "}{1 - "
                        + f(adam.beta2())
                        + "^{"
                        + t
                        + "}} = "
                        + n(q.get("v_hat")));
        lines.add(
                "\\Delta = \\frac{\\eta\\, \\hat m}{\\sqrt{\\hat v} + \\epsilon} = \\frac{"
                        + n(adam.lr())
                        + "\\cdot"
                        + f(q.get("m_hat"))
                        + "}{\\sqrt{"
                        + n(q.get("v_hat"))
                        + "} + "
                        + n(adam.eps())
                        + "} = "
                        + n(q.get("step")));
        String from = q.containsKey("p_decayed") ? param + "'" : param;
        lines.add(
                param
                        + " \\leftarrow "
                        + from
                        + " - \\Delta = "
                        + n(start)
                        + " - "
                        + f(q.get("step"))
                        + " = "
                        + n(q.get("p")));
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

    private static Map<String, Double> values(List<Quantity> working) {
        Map<String, Double> values = new LinkedHashMap<>();
        working.forEach(q -> values.put(q.name(), q.value()));
        return values;
    }

    // ---- TeX ----

    /** ∂L/∂name. */
    static String d(String name) {
        return "\\partial L/\\partial " + symbol(name);
    }

    private static String symbols(List<String> names) {
        return String.join(", ", names.stream().map(Arithmetic::symbol).toList());
    }

    /**
     * A parameter's name as TeX: {@code w}, {@code w1} as w with subscript 1, longer names upright.
     * Names come from card files, so anything but letters, digits and underscores is dropped rather
     * than passed to TeX.
     */
    static String symbol(String name) {
        if (name.matches("[A-Za-z]")) {
            return name;
        }
        if (name.matches("[A-Za-z]\\d+")) {
            return name.charAt(0) + "_{" + name.substring(1) + "}";
        }
        String safe = name.replaceAll("[^A-Za-z0-9_]", "").replace("_", "\\_");
        return "\\mathrm{" + (safe.isEmpty() ? "?" : safe) + "}";
    }

    /**
     * A number as TeX, to 6 significant digits: {@code -26.4}, {@code 2.5\times10^{-5}}, {@code
     * \infty}.
     */
    static String n(double value) {
        String text = StepTable.compact(value);
        return switch (text) {
            case "inf" -> "\\infty";
            case "-inf" -> "-\\infty";
            case "NaN" -> "\\mathrm{NaN}";
            default -> {
                int e = text.indexOf('e');
                if (e < 0) {
                    yield text;
                }
                String mantissa = text.substring(0, e);
                String power = "10^{" + text.substring(e + 1) + "}";
                yield switch (mantissa) {
                    case "1" -> power;
                    case "-1" -> "-" + power;
                    default -> mantissa + "\\times" + power;
                };
            }
        };
    }

    /** A number as a factor: in parentheses when it is negative or written with a power of ten. */
    static String f(double value) {
        String text = n(value);
        return text.startsWith("-") || text.contains("\\times") ? "(" + text + ")" : text;
    }
}
