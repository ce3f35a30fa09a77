package dev.gradientdeck.descent.spec;

import dev.gradientdeck.descent.engine.Catalog;
import dev.gradientdeck.descent.engine.DataProblem;
import dev.gradientdeck.descent.engine.Problem;
import dev.gradientdeck.descent.engine.SpecException;
import dev.gradientdeck.descent.spec.DescentSpec.Predict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** The rules on a spec's steps, batches, predictions, tolerance and randomize fields. */
public final class RunCheck {
    public static final int MAX_STEPS = 10_000;
    public static final List<String> ASKS = List.of("loss", "gradient", "params", "direction");

    private RunCheck() {}

    // ---- steps and batches ----

    static int steps(DescentSpec spec) {
        if (spec.steps() == null) {
            throw SpecException.at("steps", "missing; how many steps to run, 1 to " + MAX_STEPS);
        }
        if (spec.steps() < 1 || spec.steps() > MAX_STEPS) {
            throw SpecException.at("steps", "must be between 1 and " + MAX_STEPS + ", got " + spec.steps());
        }
        return spec.steps();
    }

    static List<int[]> batches(DescentSpec spec, Problem problem, int steps) {
        if (spec.batches() == null && spec.batchSize() == null) {
            if (spec.seed() != null) {
                throw SpecException.at("seed", "only used to shuffle batches of batchSize, which is not given");
            }
            return List.of();
        }
        String field = spec.batches() != null ? "batches" : "batchSize";
        if (!(problem instanceof DataProblem data)) {
            throw SpecException.at(field, "only line-fit and logistic have data to split into batches");
        }
        if (spec.batches() != null && spec.batchSize() != null) {
            throw SpecException.at("batchSize", "give batches or batchSize, not both");
        }
        List<int[]> order =
                spec.batches() != null ? given(spec.batches(), data.rows()) : shuffled(spec, data.rows(), steps);
        return IntStream.range(0, steps)
                .mapToObj(t -> order.get(t % order.size()))
                .toList();
    }

    private static List<int[]> given(List<List<Integer>> batches, int rows) {
        if (batches.isEmpty()) {
            throw SpecException.at("batches", "is empty; give at least one batch of row indices");
        }
        List<int[]> order = new ArrayList<>();
        for (int b = 0; b < batches.size(); b++) {
            List<Integer> batch = batches.get(b);
            if (batch == null || batch.isEmpty()) {
                throw SpecException.at(List.of("batches", b), "is empty; a batch needs at least one row index");
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
                    "batchSize", "must be between 1 and the number of data rows (" + rows + "), got " + size);
        }
        Random random = new Random(spec.seed() == null ? 0 : spec.seed());
        List<int[]> order = new ArrayList<>();
        while (order.size() < steps) {
            List<Integer> rowsShuffled =
                    new ArrayList<>(IntStream.range(0, rows).boxed().toList());
            Collections.shuffle(rowsShuffled, random);
            for (int from = 0; from < rows && order.size() < steps; from += size) {
                order.add(rowsShuffled.subList(from, Math.min(from + size, rows)).stream()
                        .mapToInt(Integer::intValue)
                        .toArray());
            }
        }
        return order;
    }

    // ---- predictions, tolerance, randomize ----

    static void checkPredict(Predict predict, int steps) {
        if (predict == null) {
            return;
        }
        if (predict.steps() == null || predict.steps() < 1 || predict.steps() > steps) {
            throw SpecException.at(
                    List.of("predict", "steps"), "must be between 1 and steps (" + steps + "), got " + predict.steps());
        }
        if (predict.ask() == null || predict.ask().isEmpty()) {
            throw SpecException.at(List.of("predict", "ask"), "missing; ask for any of " + String.join(", ", ASKS));
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

    static void checkTolerance(Double tolerance) {
        if (tolerance != null && !(tolerance > 0 && tolerance < 1)) {
            throw SpecException.at("tolerance", "must be above 0 and below 1 (0.02 is 2%), got " + tolerance);
        }
    }

    static void checkRandomize(DescentSpec spec, Problem problem) {
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
                throw SpecException.at(path, "the low end " + range.get(0) + " is above the high end " + range.get(1));
            }
            String[] target = field.getKey().split("\\.", 2);
            String name = target.length == 2 ? target[1] : "";
            boolean known = switch (target[0]) {
                case "start" -> problem.params().contains(name);
                case "constants" -> spec.constants() != null && spec.constants().containsKey(name);
                case "optimizer" ->
                    Catalog.named(spec.optimizer().name())
                                    .orElseThrow()
                                    .settingNames()
                                    .contains(name)
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
                throw SpecException.at(path, "the learning rate must stay positive: the low end must be above 0");
            }
        }
    }
}
