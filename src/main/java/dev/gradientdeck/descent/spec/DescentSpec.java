package dev.gradientdeck.descent.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A simulation as a card's {@code descent} block (YAML) or the body of {@code POST
 * /api/descent/run} (JSON) writes it; the fields are those of DESIGN section 7. Absent fields are
 * null. {@link DescentSpecs} reads one from text and checks it; {@link SpecCheck#of} checks one built in code
 * the same way.
 *
 * @param batches explicit mini-batch order, indices into the data rows, cycled over the steps
 * @param batchSize the alternative to batches: each pass over the data is a fresh {@code
 *     java.util.Random(seed)} shuffle cut into consecutive batches of this size (the last may be
 *     shorter)
 * @param seed seeds that shuffle; 0 when absent
 * @param tolerance relative tolerance for grading predictions; {@link #DEFAULT_TOLERANCE}
 *     when absent
 * @param randomize fields to draw afresh at each review, such as {@code start.w: [-2, 2]}; see
 *     {@link #randomized}
 */
public record DescentSpec(
        String problem,
        String loss,
        Map<String, List<Double>> data,
        Map<String, Double> constants,
        String expression,
        Map<String, Double> start,
        OptimizerSpec optimizer,
        Integer steps,
        List<List<Integer>> batches,
        Integer batchSize,
        Long seed,
        Predict predict,
        Double tolerance,
        Map<String, List<Double>> randomize) {

    /**
     * The optimizer and its settings, named as in DESIGN section 7's table; absent settings take
     * torch's defaults.
     */
    public record OptimizerSpec(
            String name,
            Double lr,
            Double momentum,
            Double dampening,
            Double weightDecay,
            Double lrDecay,
            Double initialAccumulatorValue,
            Double eps,
            Double alpha,
            Boolean centered,
            Double beta1,
            Double beta2,
            Boolean amsgrad) {

        /** The settings that were given, by name, in declaration order. */
        public Map<String, Object> settings() {
            Map<String, Object> given = new LinkedHashMap<>();
            given.put("lr", lr);
            given.put("momentum", momentum);
            given.put("dampening", dampening);
            given.put("weightDecay", weightDecay);
            given.put("lrDecay", lrDecay);
            given.put("initialAccumulatorValue", initialAccumulatorValue);
            given.put("eps", eps);
            given.put("alpha", alpha);
            given.put("centered", centered);
            given.put("beta1", beta1);
            given.put("beta2", beta2);
            given.put("amsgrad", amsgrad);
            given.values().removeIf(value -> value == null);
            return given;
        }

        /** The same optimizer with one numeric setting replaced. */
        public OptimizerSpec with(String setting, double value) {
            Map<String, Object> s = settings();
            s.put(setting, value);
            return new OptimizerSpec(
                    name,
                    (Double) s.get("lr"),
                    (Double) s.get("momentum"),
                    (Double) s.get("dampening"),
                    (Double) s.get("weightDecay"),
                    (Double) s.get("lrDecay"),
                    (Double) s.get("initialAccumulatorValue"),
                    (Double) s.get("eps"),
                    (Double) s.get("alpha"),
                    (Boolean) s.get("centered"),
                    (Double) s.get("beta1"),
                    (Double) s.get("beta2"),
                    (Boolean) s.get("amsgrad"));
        }
    }

    /**
     * What the learner predicts for each of the first {@code steps} steps: any of loss, gradient,
     * params, direction.
     */
    public record Predict(Integer steps, List<String> ask) {}

    /** Relative tolerance for grading predictions when a spec gives none: 2%. */
    public static final double DEFAULT_TOLERANCE = 0.02;

    public double toleranceOrDefault() {
        return tolerance == null ? DEFAULT_TOLERANCE : tolerance;
    }

    /** The same spec with another optimizer, start and number of steps, nothing predicted or drawn. */
    public DescentSpec withRun(OptimizerSpec optimizer, Map<String, Double> start, Integer steps) {
        return new DescentSpec(
                problem,
                loss,
                data,
                constants,
                expression,
                start,
                optimizer,
                steps,
                batches,
                batchSize,
                seed,
                null,
                tolerance,
                null);
    }

    /**
     * This spec with each {@code randomize} field drawn afresh as a hand-friendly number in its
     * range (see {@link RoundNumbers}), and no randomize left. Fields are drawn in the order
     * written from one {@link SplittableRandom}, so the same seed always gives the same spec: store
     * the seed with the review.
     *
     * @throws SpecException when the spec (or a drawn value, say an lr of 0) is not valid
     */
    public DescentSpec randomized(long seed) {
        SpecCheck.of(this);
        if (randomize == null) {
            return this;
        }
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Double> drawnStart = start == null ? null : new LinkedHashMap<>(start);
        Map<String, Double> drawnConstants = constants == null ? null : new LinkedHashMap<>(constants);
        OptimizerSpec drawnOptimizer = optimizer;
        for (var field : randomize.entrySet()) {
            double value =
                    RoundNumbers.draw(field.getValue().get(0), field.getValue().get(1), random);
            String[] target = field.getKey().split("\\.", 2);
            switch (target[0]) {
                case "start" -> drawnStart.put(target[1], value);
                case "constants" -> drawnConstants.put(target[1], value);
                default -> drawnOptimizer = drawnOptimizer.with(target[1], value);
            }
        }
        DescentSpec drawn = new DescentSpec(
                problem,
                loss,
                data,
                drawnConstants,
                expression,
                drawnStart,
                drawnOptimizer,
                steps,
                batches,
                batchSize,
                this.seed,
                predict,
                tolerance,
                null);
        SpecCheck.of(drawn);
        return drawn;
    }
}
