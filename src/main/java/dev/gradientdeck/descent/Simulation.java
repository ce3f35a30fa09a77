package dev.gradientdeck.descent;

import dev.gradientdeck.descent.DataProblem.LineFit;
import dev.gradientdeck.descent.DataProblem.Logistic;
import dev.gradientdeck.descent.DescentSpec.OptimizerSpec;
import dev.gradientdeck.descent.DescentSpec.Predict;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A spec checked against every rule of DESIGN section 7 and turned into what a run needs: the
 * problem, the optimizer, the start point, and the batch of each step (an empty list when every
 * step sees all the data).
 */
record Simulation(
        Problem problem, Optimizer<?> optimizer, double[] start, int steps, List<int[]> batches) {
    static final int MAX_STEPS = 10_000;
    static final int MAX_PARAMS = 16;
    static final int MAX_EXPRESSION = 1000;

    static final List<String> PROBLEMS =
            List.of(
                    "line-fit",
                    "quadratic",
                    "bowl",
                    "rosenbrock",
                    "himmelblau",
                    "logistic",
                    "expression");
    static final List<String> OPTIMIZERS =
            List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw");
    private static final List<String> ADAM_SETTINGS =
            List.of("lr", "beta1", "beta2", "eps", "weightDecay", "amsgrad");

    /** DESIGN section 7's table: the settings each optimizer accepts. */
    static final Map<String, List<String>> SETTINGS =
            Map.of(
                    "sgd", List.of("lr", "weightDecay"),
                    "momentum", List.of("lr", "momentum", "dampening", "weightDecay"),
                    "nesterov", List.of("lr", "momentum", "weightDecay"),
                    "adagrad",
                            List.of(
                                    "lr",
                                    "lrDecay",
                                    "initialAccumulatorValue",
                                    "eps",
                                    "weightDecay"),
                    "rmsprop", List.of("lr", "alpha", "eps", "momentum", "centered", "weightDecay"),
                    "adam", ADAM_SETTINGS,
                    "adamw", ADAM_SETTINGS);

    static final List<String> ASKS = List.of("loss", "gradient", "params", "direction");
    private static final List<String> QUADRATIC = List.of("a", "c");
    private static final List<String> BOWL = List.of("a", "b");

    /** This step's batch rows, or null when the step sees all the data. */
    int[] batchAt(int t) {
        return batches.isEmpty() ? null : batches.get(t - 1);
    }

    /** The problem restricted to a batch; the whole problem for null. */
    Problem problemOn(int[] batch) {
        return batch == null ? problem : ((DataProblem) problem).on(batch);
    }

    /**
     * @throws SpecException naming the first rule the spec breaks
     */
    static Simulation of(DescentSpec spec) {
        Problem problem = problem(spec);
        double[] start = start(spec, problem);
        Optimizer<?> optimizer = optimizer(spec.optimizer());
        int steps = steps(spec);
        List<int[]> batches = batches(spec, problem, steps);
        checkPredict(spec.predict(), steps);
        checkTolerance(spec.tolerance());
        checkRandomize(spec, problem);
        return new Simulation(problem, optimizer, start, steps, batches);
    }

    // ---- problem ----

    private static Problem problem(DescentSpec spec) {
        String name = spec.problem();
        if (name == null) {
            throw SpecException.at(
                    "problem", "missing; choose one of " + String.join(", ", PROBLEMS));
        }
        if (!PROBLEMS.contains(name)) {
            throw SpecException.at(
                    "problem",
                    "unknown problem '" + name + "'; choose one of " + String.join(", ", PROBLEMS));
        }
        refuseUnused(spec, name);
        return switch (name) {
            case "line-fit" -> lineFit(spec);
            case "logistic" -> logistic(spec);
            case "quadratic" ->
                    new Problem.Quadratic(
                            constant(spec, "a", QUADRATIC), constant(spec, "c", QUADRATIC));
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
            throw SpecException.at(
                    "loss",
                    "only line-fit (ssr, mse) and logistic (bce) take a loss, not " + problem);
        }
        if (spec.data() != null && !usesData) {
            throw SpecException.at("data", "only line-fit and logistic use data, not " + problem);
        }
        if (spec.constants() != null
                && !List.of("quadratic", "bowl", "expression").contains(problem)) {
            throw SpecException.at(
                    "constants",
                    "only quadratic, bowl and expression use constants, not " + problem);
        }
        if (spec.expression() != null && !problem.equals("expression")) {
            throw SpecException.at(
                    "expression", "only problem expression uses an expression, not " + problem);
        }
    }

    private static LineFit lineFit(DescentSpec spec) {
        LineFit.Reduction reduction;
        if (spec.loss() == null || spec.loss().equals("mse")) {
            reduction = LineFit.Reduction.MEAN;
        } else if (spec.loss().equals("ssr")) {
            reduction = LineFit.Reduction.SUM;
        } else {
            throw SpecException.at(
                    "loss", "unknown loss '" + spec.loss() + "' for line-fit; choose ssr or mse");
        }
        List<double[]> columns = columns(spec.data(), List.of("x", "y"), "line-fit");
        return new LineFit(reduction, columns.get(0), columns.get(1));
    }

    private static Logistic logistic(DescentSpec spec) {
        if (spec.loss() != null && !spec.loss().equals("bce")) {
            throw SpecException.at(
                    "loss", "unknown loss '" + spec.loss() + "' for logistic; the loss is bce");
        }
        List<double[]> columns = columns(spec.data(), List.of("x1", "x2", "y"), "logistic");
        double[] y = columns.get(2);
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] > 1) {
                throw SpecException.at(
                        List.of("data", "y", i), "a label must be between 0 and 1, got " + y[i]);
            }
        }
        return new Logistic(columns.get(0), columns.get(1), y);
    }

    /** The named columns of the data, all present, of equal length, at least one row, finite. */
    private static List<double[]> columns(
            Map<String, List<Double>> data, List<String> names, String problem) {
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
                throw SpecException.at(
                        List.of("data", name), "is empty; the data needs at least one row");
            }
            columns.add(finite(values, List.of("data", name)));
        }
        return columns;
    }

    private static double[] finite(List<Double> values, List<?> path) {
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
            throw SpecException.at(
                    "constants", "missing; " + problem + " needs " + String.join(" and ", names));
        }
        for (String given : constants.keySet()) {
            if (!names.contains(given)) {
                throw SpecException.at(
                        List.of("constants", given),
                        problem
                                + " has no constant '"
                                + given
                                + "'; its constants are "
                                + String.join(", ", names));
            }
        }
        if (!constants.containsKey(name)) {
            throw SpecException.at(
                    "constants",
                    "missing constant "
                            + name
                            + "; "
                            + problem
                            + " needs "
                            + String.join(" and ", names));
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
            throw SpecException.at(
                    "expression", "missing; problem expression needs one, such as (w - 3)^2");
        }
        if (text.length() > MAX_EXPRESSION) {
            throw SpecException.at(
                    "expression",
                    "is " + text.length() + " characters long; the limit is " + MAX_EXPRESSION);
        }
        if (spec.start() == null || spec.start().isEmpty()) {
            throw SpecException.at(
                    "start", "missing; name each parameter of the expression with its start value");
        }
        List<String> params = List.copyOf(spec.start().keySet());
        if (params.size() > MAX_PARAMS) {
            throw SpecException.at(
                    "start", "has " + params.size() + " parameters; the limit is " + MAX_PARAMS);
        }
        Map<String, Double> constants = spec.constants() == null ? Map.of() : spec.constants();
        for (var constant : constants.entrySet()) {
            if (params.contains(constant.getKey())) {
                throw SpecException.at(
                        List.of("constants", constant.getKey()), "is also a parameter in start");
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
                        spec.problem()
                                + " has no parameter '"
                                + given
                                + "'; its parameters are "
                                + names);
            }
        }
        double[] start = new double[params.size()];
        for (int i = 0; i < start.length; i++) {
            if (!spec.start().containsKey(params.get(i))) {
                throw SpecException.at(
                        "start",
                        "missing parameter "
                                + params.get(i)
                                + "; "
                                + spec.problem()
                                + " starts from "
                                + names);
            }
            start[i] = finite(spec.start().get(params.get(i)), List.of("start", params.get(i)));
        }
        return start;
    }

    // ---- optimizer ----

    static Optimizer<?> optimizer(OptimizerSpec spec) {
        if (spec == null) {
            throw SpecException.at("optimizer", "missing; for example {name: sgd, lr: 0.01}");
        }
        String name = spec.name();
        List<Object> namePath = List.of("optimizer", "name");
        if (name == null) {
            throw SpecException.at(
                    namePath, "missing; choose one of " + String.join(", ", OPTIMIZERS));
        }
        if (!OPTIMIZERS.contains(name)) {
            throw SpecException.at(
                    namePath,
                    "unknown optimizer '"
                            + name
                            + "'; choose one of "
                            + String.join(", ", OPTIMIZERS));
        }
        for (var setting : spec.settings().entrySet()) {
            checkSetting(name, setting.getKey(), setting.getValue());
        }
        double wd = or(spec.weightDecay(), 0);
        double momentum = or(spec.momentum(), 0.9);
        return switch (name) {
            case "sgd" -> new Sgd(sgdLr(spec), 0, 0, false, wd);
            case "momentum" -> new Sgd(sgdLr(spec), momentum, or(spec.dampening(), 0), false, wd);
            case "nesterov" -> {
                if (momentum <= 0) {
                    throw SpecException.at(
                            List.of("optimizer", "momentum"), "nesterov needs a momentum above 0");
                }
                yield new Sgd(sgdLr(spec), momentum, 0, true, wd);
            }
            case "adagrad" ->
                    new Adagrad(
                            or(spec.lr(), 0.01),
                            or(spec.lrDecay(), 0),
                            or(spec.initialAccumulatorValue(), 0),
                            or(spec.eps(), 1e-10),
                            wd);
            case "rmsprop" ->
                    new RmsProp(
                            or(spec.lr(), 0.01),
                            or(spec.alpha(), 0.99),
                            or(spec.eps(), 1e-8),
                            or(spec.momentum(), 0),
                            Boolean.TRUE.equals(spec.centered()),
                            wd);
            case "adam" -> adam(spec, wd, false);
            default -> adam(spec, or(spec.weightDecay(), 0.01), true);
        };
    }

    private static Adam adam(OptimizerSpec spec, double weightDecay, boolean decoupled) {
        return new Adam(
                or(spec.lr(), 1e-3),
                or(spec.beta1(), 0.9),
                or(spec.beta2(), 0.999),
                or(spec.eps(), 1e-8),
                weightDecay,
                Boolean.TRUE.equals(spec.amsgrad()),
                decoupled);
    }

    /** torch's SGD has no default learning rate. */
    private static double sgdLr(OptimizerSpec spec) {
        if (spec.lr() == null) {
            throw SpecException.at(
                    List.of("optimizer", "lr"), "missing; " + spec.name() + " has no default lr");
        }
        return spec.lr();
    }

    private static void checkSetting(String optimizer, String setting, Object value) {
        List<Object> path = List.of("optimizer", setting);
        if (!SETTINGS.get(optimizer).contains(setting)) {
            throw noSuchSetting(optimizer, setting);
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

    /**
     * A setting outside the optimizer's row of the table; {@code optimizer} must be one of {@link
     * #OPTIMIZERS}.
     */
    static SpecException noSuchSetting(String optimizer, String setting) {
        return SpecException.at(
                List.of("optimizer", setting),
                optimizer
                        + " has no setting '"
                        + setting
                        + "'; its settings are "
                        + String.join(", ", SETTINGS.get(optimizer)));
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    // ---- steps and batches ----

    private static int steps(DescentSpec spec) {
        if (spec.steps() == null) {
            throw SpecException.at("steps", "missing; how many steps to run, 1 to " + MAX_STEPS);
        }
        if (spec.steps() < 1 || spec.steps() > MAX_STEPS) {
            throw SpecException.at(
                    "steps", "must be between 1 and " + MAX_STEPS + ", got " + spec.steps());
        }
        return spec.steps();
    }

    private static List<int[]> batches(DescentSpec spec, Problem problem, int steps) {
        if (spec.batches() == null && spec.batchSize() == null) {
            if (spec.seed() != null) {
                throw SpecException.at(
                        "seed", "only used to shuffle batches of batchSize, which is not given");
            }
            return List.of();
        }
        String field = spec.batches() != null ? "batches" : "batchSize";
        if (!(problem instanceof DataProblem data)) {
            throw SpecException.at(
                    field, "only line-fit and logistic have data to split into batches");
        }
        if (spec.batches() != null && spec.batchSize() != null) {
            throw SpecException.at("batchSize", "give batches or batchSize, not both");
        }
        List<int[]> order =
                spec.batches() != null
                        ? given(spec.batches(), data.rows())
                        : shuffled(spec, data.rows(), steps);
        return IntStream.range(0, steps).mapToObj(t -> order.get(t % order.size())).toList();
    }

    private static List<int[]> given(List<List<Integer>> batches, int rows) {
        if (batches.isEmpty()) {
            throw SpecException.at("batches", "is empty; give at least one batch of row indices");
        }
        List<int[]> order = new ArrayList<>();
        for (int b = 0; b < batches.size(); b++) {
            List<Integer> batch = batches.get(b);
            if (batch == null || batch.isEmpty()) {
                throw SpecException.at(
                        List.of("batches", b), "is empty; a batch needs at least one row index");
            }
            int[] indices = new int[batch.size()];
            for (int j = 0; j < indices.length; j++) {
                Integer index = batch.get(j);
                if (index == null || index < 0 || index >= rows) {
                    throw SpecException.at(
                            List.of("batches", b, j),
                            "row "
                                    + index
                                    + " is out of range: the data has "
                                    + rows
                                    + " rows, numbered 0 to "
                                    + (rows - 1));
                }
                indices[j] = index;
            }
            order.add(indices);
        }
        return order;
    }

    /**
     * Each pass over the data: a shuffle of the rows with one seeded Random, cut into consecutive
     * slices.
     */
    private static List<int[]> shuffled(DescentSpec spec, int rows, int steps) {
        int size = spec.batchSize();
        if (size < 1 || size > rows) {
            throw SpecException.at(
                    "batchSize",
                    "must be between 1 and the number of data rows (" + rows + "), got " + size);
        }
        Random random = new Random(spec.seed() == null ? 0 : spec.seed());
        List<int[]> order = new ArrayList<>();
        while (order.size() < steps) {
            List<Integer> rowsShuffled = new ArrayList<>(IntStream.range(0, rows).boxed().toList());
            Collections.shuffle(rowsShuffled, random);
            for (int from = 0; from < rows && order.size() < steps; from += size) {
                order.add(
                        rowsShuffled.subList(from, Math.min(from + size, rows)).stream()
                                .mapToInt(Integer::intValue)
                                .toArray());
            }
        }
        return order;
    }

    // ---- predictions, tolerance, randomize ----

    private static void checkPredict(Predict predict, int steps) {
        if (predict == null) {
            return;
        }
        if (predict.steps() == null || predict.steps() < 1 || predict.steps() > steps) {
            throw SpecException.at(
                    List.of("predict", "steps"),
                    "must be between 1 and steps (" + steps + "), got " + predict.steps());
        }
        if (predict.ask() == null || predict.ask().isEmpty()) {
            throw SpecException.at(
                    List.of("predict", "ask"),
                    "missing; ask for any of " + String.join(", ", ASKS));
        }
        for (int i = 0; i < predict.ask().size(); i++) {
            String ask = predict.ask().get(i);
            if (ask == null || !ASKS.contains(ask)) {
                throw SpecException.at(
                        List.of("predict", "ask", i),
                        "unknown '" + ask + "'; ask for any of " + String.join(", ", ASKS));
            }
        }
        if (predict.ask().contains("direction") && predict.steps() >= steps) {
            throw SpecException.at(
                    List.of("predict", "steps"),
                    "must be below steps ("
                            + steps
                            + ") when asking for the direction: the loss after the last predicted step is the next step's loss");
        }
    }

    private static void checkTolerance(Double tolerance) {
        if (tolerance != null && !(tolerance > 0 && tolerance < 1)) {
            throw SpecException.at(
                    "tolerance", "must be above 0 and below 1 (0.02 is 2%), got " + tolerance);
        }
    }

    private static void checkRandomize(DescentSpec spec, Problem problem) {
        if (spec.randomize() == null) {
            return;
        }
        for (var field : spec.randomize().entrySet()) {
            List<Object> path = List.of("randomize", field.getKey());
            List<Double> range = field.getValue();
            if (range == null
                    || range.size() != 2
                    || range.contains(null)
                    || !Double.isFinite(range.get(0))
                    || !Double.isFinite(range.get(1))) {
                throw SpecException.at(path, "needs a range of two finite numbers, [low, high]");
            }
            if (range.get(0) > range.get(1)) {
                throw SpecException.at(
                        path,
                        "the low end " + range.get(0) + " is above the high end " + range.get(1));
            }
            String[] target = field.getKey().split("\\.", 2);
            String name = target.length == 2 ? target[1] : "";
            boolean known =
                    switch (target[0]) {
                        case "start" -> problem.params().contains(name);
                        case "constants" ->
                                spec.constants() != null && spec.constants().containsKey(name);
                        case "optimizer" ->
                                SETTINGS.get(spec.optimizer().name()).contains(name)
                                        && !name.equals("centered")
                                        && !name.equals("amsgrad");
                        default -> false;
                    };
            if (!known) {
                throw SpecException.at(
                        path,
                        "nothing to randomize there; use start.<parameter>, constants.<name> "
                                + "or optimizer.<numeric setting> of this spec");
            }
            if (name.equals("lr") && range.get(0) <= 0) {
                throw SpecException.at(
                        path, "the learning rate must stay positive: the low end must be above 0");
            }
        }
    }

    private static List<Object> append(List<?> path, Object segment) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(segment);
        return longer;
    }
}
