package dev.gradientdeck.descent.spec;

import dev.gradientdeck.descent.engine.Catalog;
import dev.gradientdeck.descent.engine.DataProblem.LineFit;
import dev.gradientdeck.descent.engine.DataProblem.Logistic;
import dev.gradientdeck.descent.engine.Expression;
import dev.gradientdeck.descent.engine.Optimizer;
import dev.gradientdeck.descent.engine.Problem;
import dev.gradientdeck.descent.engine.Simulation;
import dev.gradientdeck.descent.engine.SpecException;
import dev.gradientdeck.descent.spec.DescentSpec.OptimizerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A spec checked against every rule of DESIGN section 7 and turned into what a run needs; {@link
 * RunCheck} holds the rules on steps, batches, predictions, tolerance and randomize.
 */
public final class SpecCheck {
    public static final int MAX_PARAMS = 16;
    public static final int MAX_EXPRESSION = 1000;

    public static final List<String> PROBLEMS =
            List.of("line-fit", "quadratic", "bowl", "rosenbrock", "himmelblau", "logistic", "expression");

    private static final List<String> QUADRATIC = List.of("a", "c");
    private static final List<String> BOWL = List.of("a", "b");

    private SpecCheck() {}

    /**
     * The spec, checked once, with what it runs.
     *
     * @throws SpecException naming the first rule the spec breaks
     */
    public static ValidSpec of(DescentSpec spec) {
        Problem problem = problem(spec);
        double[] start = start(spec, problem);
        Optimizer<?> optimizer = optimizer(spec.optimizer());
        int steps = RunCheck.steps(spec);
        List<int[]> batches = RunCheck.batches(spec, problem, steps);
        RunCheck.checkPredict(spec.predict(), steps);
        RunCheck.checkTolerance(spec.tolerance());
        RunCheck.checkRandomize(spec, problem);
        return new ValidSpec(spec, new Simulation(problem, optimizer, start, steps, batches));
    }

    // ---- problem ----

    private static Problem problem(DescentSpec spec) {
        String name = spec.problem();
        if (name == null) {
            throw SpecException.at("problem", "missing; choose one of " + String.join(", ", PROBLEMS));
        }
        if (!PROBLEMS.contains(name)) {
            throw SpecException.at(
                    "problem", "unknown problem '" + name + "'; choose one of " + String.join(", ", PROBLEMS));
        }
        refuseUnused(spec, name);
        return switch (name) {
            case "line-fit" -> lineFit(spec);
            case "logistic" -> logistic(spec);
            case "quadratic" -> new Problem.Quadratic(constant(spec, "a", QUADRATIC), constant(spec, "c", QUADRATIC));
            case "bowl" -> new Problem.Bowl(constant(spec, "a", BOWL), constant(spec, "b", BOWL));
            case "rosenbrock" -> new Problem.Rosenbrock();
            case "himmelblau" -> new Problem.Himmelblau();
            default -> expression(spec);
        };
    }

    /** A field the chosen problem does not use is refused rather than silently ignored. */
    private static void refuseUnused(DescentSpec spec, String problem) {
        boolean usesData = problem.equals("line-fit") || problem.equals("logistic");
        if (spec.loss() != null && !usesData) {
            throw SpecException.at("loss", "only line-fit (ssr, mse) and logistic (bce) take a loss, not " + problem);
        }
        if (spec.data() != null && !usesData) {
            throw SpecException.at("data", "only line-fit and logistic use data, not " + problem);
        }
        if (spec.constants() != null
                && !List.of("quadratic", "bowl", "expression").contains(problem)) {
            throw SpecException.at("constants", "only quadratic, bowl and expression use constants, not " + problem);
        }
        if (spec.expression() != null && !problem.equals("expression")) {
            throw SpecException.at("expression", "only problem expression uses an expression, not " + problem);
        }
    }

    private static LineFit lineFit(DescentSpec spec) {
        LineFit.Reduction reduction;
        if (spec.loss() == null || spec.loss().equals("mse")) {
            reduction = LineFit.Reduction.MEAN;
        } else if (spec.loss().equals("ssr")) {
            reduction = LineFit.Reduction.SUM;
        } else {
            throw SpecException.at("loss", "unknown loss '" + spec.loss() + "' for line-fit; choose ssr or mse");
        }
        List<double[]> columns = columns(spec.data(), List.of("x", "y"), "line-fit");
        return new LineFit(reduction, columns.get(0), columns.get(1));
    }

    private static Logistic logistic(DescentSpec spec) {
        if (spec.loss() != null && !spec.loss().equals("bce")) {
            throw SpecException.at("loss", "unknown loss '" + spec.loss() + "' for logistic; the loss is bce");
        }
        List<double[]> columns = columns(spec.data(), List.of("x1", "x2", "y"), "logistic");
        double[] y = columns.get(2);
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] > 1) {
                throw SpecException.at(List.of("data", "y", i), "a label must be between 0 and 1, got " + y[i]);
            }
        }
        return new Logistic(columns.get(0), columns.get(1), y);
    }

    /** The named columns of the data, all present, of equal length, at least one row, finite. */
    private static List<double[]> columns(Map<String, List<Double>> data, List<String> names, String problem) {
        String expected = problem + " needs data columns " + String.join(", ", names);
        if (data == null) {
            throw SpecException.at("data", "missing; " + expected);
        }
        for (String column : data.keySet()) {
            if (!names.contains(column)) {
                throw SpecException.at(List.of("data", column), "unknown column; " + expected);
            }
        }
        List<double[]> columns = new ArrayList<>();
        for (String name : names) {
            List<Double> values = data.get(name);
            if (values == null) {
                throw SpecException.at("data", "missing column " + name + "; " + expected);
            }
            int rows = data.get(names.get(0)).size();
            if (values.size() != rows) {
                throw SpecException.at(
                        List.of("data", name),
                        "has "
                                + values.size()
                                + " values but "
                                + names.get(0)
                                + " has "
                                + rows
                                + "; the columns must be of equal length");
            }
            if (rows == 0) {
                throw SpecException.at(List.of("data", name), "is empty; the data needs at least one row");
            }
            columns.add(finite(values, List.of("data", name)));
        }
        return columns;
    }

    static double[] finite(List<Double> values, List<?> path) {
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            Double value = values.get(i);
            if (value == null || !Double.isFinite(value)) {
                throw SpecException.at(append(path, i), "must be a finite number, got " + value);
            }
            array[i] = value;
        }
        return array;
    }

    private static double constant(DescentSpec spec, String name, List<String> names) {
        String problem = spec.problem();
        Map<String, Double> constants = spec.constants();
        if (constants == null) {
            throw SpecException.at("constants", "missing; " + problem + " needs " + String.join(" and ", names));
        }
        for (String given : constants.keySet()) {
            if (!names.contains(given)) {
                throw SpecException.at(
                        List.of("constants", given),
                        problem + " has no constant '" + given + "'; its constants are " + String.join(", ", names));
            }
        }
        if (!constants.containsKey(name)) {
            throw SpecException.at(
                    "constants", "missing constant " + name + "; " + problem + " needs " + String.join(" and ", names));
        }
        return finite(constants.get(name), List.of("constants", name));
    }

    private static double finite(Double value, List<?> path) {
        if (value == null || !Double.isFinite(value)) {
            throw SpecException.at(path, "must be a finite number, got " + value);
        }
        return value;
    }

    private static Expression expression(DescentSpec spec) {
        String text = spec.expression();
        if (text == null || text.isBlank()) {
            throw SpecException.at("expression", "missing; problem expression needs one, such as (w - 3)^2");
        }
        if (text.length() > MAX_EXPRESSION) {
            throw SpecException.at(
                    "expression", "is " + text.length() + " characters long; the limit is " + MAX_EXPRESSION);
        }
        if (spec.start() == null || spec.start().isEmpty()) {
            throw SpecException.at("start", "missing; name each parameter of the expression with its start value");
        }
        List<String> params = List.copyOf(spec.start().keySet());
        if (params.size() > MAX_PARAMS) {
            throw SpecException.at("start", "has " + params.size() + " parameters; the limit is " + MAX_PARAMS);
        }
        Map<String, Double> constants = spec.constants() == null ? Map.of() : spec.constants();
        for (var constant : constants.entrySet()) {
            if (params.contains(constant.getKey())) {
                throw SpecException.at(List.of("constants", constant.getKey()), "is also a parameter in start");
            }
            finite(constant.getValue(), List.of("constants", constant.getKey()));
        }
        return Expression.parse(text, params, constants);
    }

    private static double[] start(DescentSpec spec, Problem problem) {
        List<String> params = problem.params();
        String names = String.join(", ", params);
        if (spec.start() == null) {
            throw SpecException.at("start", "missing; " + spec.problem() + " starts from " + names);
        }
        for (String given : spec.start().keySet()) {
            if (!params.contains(given)) {
                throw SpecException.at(
                        List.of("start", given),
                        spec.problem() + " has no parameter '" + given + "'; its parameters are " + names);
            }
        }
        double[] start = new double[params.size()];
        for (int i = 0; i < start.length; i++) {
            if (!spec.start().containsKey(params.get(i))) {
                throw SpecException.at(
                        "start",
                        "missing parameter " + params.get(i) + "; " + spec.problem() + " starts from " + names);
            }
            start[i] = finite(spec.start().get(params.get(i)), List.of("start", params.get(i)));
        }
        return start;
    }

    // ---- optimizer ----

    public static Optimizer<?> optimizer(OptimizerSpec spec) {
        if (spec == null) {
            throw SpecException.at("optimizer", "missing; for example {name: sgd, lr: 0.01}");
        }
        String name = spec.name();
        List<Object> namePath = List.of("optimizer", "name");
        if (name == null) {
            throw SpecException.at(namePath, "missing; choose one of " + String.join(", ", Catalog.NAMES));
        }
        Catalog.Entry entry = Catalog.named(name)
                .orElseThrow(() -> SpecException.at(
                        namePath,
                        "unknown optimizer '" + name + "'; choose one of " + String.join(", ", Catalog.NAMES)));
        for (var setting : spec.settings().entrySet()) {
            checkSetting(entry, setting.getKey(), setting.getValue());
        }
        return entry.of(spec.settings());
    }

    private static void checkSetting(Catalog.Entry entry, String setting, Object value) {
        List<Object> path = List.of("optimizer", setting);
        if (!entry.settingNames().contains(setting)) {
            throw noSuchSetting(entry.name(), setting);
        }
        if (!(value instanceof Double number)) {
            return;
        }
        if (setting.equals("lr") && !(Double.isFinite(number) && number > 0)) {
            throw SpecException.at(path, "must be a finite positive number, got " + number);
        }
        if ((setting.equals("beta1") || setting.equals("beta2")) && !(number >= 0 && number < 1)) {
            throw SpecException.at(path, "must be at least 0 and below 1, got " + number);
        }
        if (!(Double.isFinite(number) && number >= 0)) {
            throw SpecException.at(path, "must be a finite number of at least 0, got " + number);
        }
    }

    /** A setting outside the optimizer's row of the table; {@code optimizer} must be in the catalog. */
    public static SpecException noSuchSetting(String optimizer, String setting) {
        return SpecException.at(
                List.of("optimizer", setting),
                optimizer
                        + " has no setting '"
                        + setting
                        + "'; its settings are "
                        + String.join(
                                ", ", Catalog.named(optimizer).orElseThrow().settingNames()));
    }

    static List<Object> append(List<?> path, Object segment) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(segment);
        return longer;
    }
}
