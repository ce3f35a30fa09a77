package dev.gradientdeck.review.fit;

import static dev.gradientdeck.review.fit.Reference.doubles;
import static dev.gradientdeck.review.fit.Reference.group;
import static dev.gradientdeck.review.fit.Reference.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fsrs-rs unit vectors, to the tolerances of OPTIMIZER.md section 9. */
class OptimizerVectorsTest {
    private static final JsonNode LOSS = group("loss_and_grad");
    private static final double[] DEFAULTS = FsrsOptimizer.defaults();

    private static List<ReviewItem> batch() {
        List<ReviewItem> items = new ArrayList<>();
        for (JsonNode item : LOSS.get("batch").get("as_items")) items.add(Reference.item(item));
        return items;
    }

    private static double lossAndGradient(double[] w, double[] gradient) {
        TrainableFsrs model = new TrainableFsrs(w);
        double loss = 0;
        for (ReviewItem item : batch()) loss += model.lossAndGradient(item, 1, gradient);
        return loss;
    }

    private static void assertGradient(double[] expected, double[] actual) {
        for (int i = 0; i < expected.length; i++) {
            double error = Math.abs(actual[i] - expected[i]);
            int w = i;
            assertTrue(
                    error <= 1e-5 || error <= 2e-5 * Math.abs(expected[i]),
                    () -> "dL/dw" + w + " = " + actual[w] + ", reference " + expected[w]);
        }
    }

    @Test
    void lossAndGradientOfTheFourCardBatch() {
        double[] gradient = new double[21];
        double loss = lossAndGradient(DEFAULTS, gradient);
        Reference.assertRelative(LOSS.get("loss_sum").asDouble(), loss, 1e-6, "loss");
        assertGradient(doubles(LOSS.get("grad")), gradient);
    }

    @Test
    void lossAndGradientAfterTheFirstStep() {
        JsonNode step2 = LOSS.get("step_2");
        double[] gradient = new double[21];
        double loss = lossAndGradient(doubles(LOSS.get("adam_step_1").get("weights_after")), gradient);
        Reference.assertRelative(step2.get("loss_sum").asDouble(), loss, 1e-6, "loss");
        assertGradient(doubles(step2.get("grad")), gradient);
    }

    @Test
    void twoAdamStepsWithClippingFromTheListedGradients() {
        double[] w = DEFAULTS.clone();
        Adam adam = new Adam(21);
        adam.step(w, doubles(LOSS.get("grad")), 0.04);
        Clipping.clip(w, 1, true);
        assertArrayEquals(doubles(LOSS.get("adam_step_1").get("weights_after")), w, 1e-6);
        adam.step(w, doubles(LOSS.get("step_2").get("grad")), 0.04);
        Clipping.clip(w, 1, true);
        assertArrayEquals(doubles(LOSS.get("step_2").get("weights_after")), w, 1e-6);
    }

    @Test
    void l2PenaltyAndItsGradient() {
        JsonNode l2 = LOSS.get("l2_penalty");
        double[] w = doubles(LOSS.get("adam_step_1").get("weights_after"));
        assertEquals(l2.get("value").asDouble(), L2Pull.penalty(w, DEFAULTS, 512, 1000, 2.0), 1e-6);
        double[] gradient = new double[21];
        L2Pull.addGradient(w, DEFAULTS, 512, 1000, 2.0, gradient);
        double[] expected = doubles(l2.get("grad"));
        for (int i = 0; i < 21; i++)
            assertEquals(expected[i], gradient[i], 1e-6 * Math.max(1, Math.abs(expected[i])), "w" + i);
    }

    @Test
    void memoryStatesOfTheForwardPass() {
        JsonNode forward = group("forward");
        JsonNode state = forward.get("memory_state");
        ReviewItem item = item(ints(state.get("ratings")), ints(state.get("delta_ts")));
        double[] memory = new TrainableFsrs(DEFAULTS).memoryAfter(item);
        assertEquals(state.get("default").get("stability").asDouble(), memory[0], 1e-4);
        assertEquals(state.get("default").get("difficulty").asDouble(), memory[1], 1e-4);
        double[] noSameDay = DEFAULTS.clone();
        noSameDay[17] = noSameDay[18] = noSameDay[19] = 0;
        double[] flat = new TrainableFsrs(noSameDay).memoryAfter(item);
        assertEquals(state.get("w17_w18_w19_zero").get("stability").asDouble(), flat[0], 1e-4);

        JsonNode memo = forward.get("memo_state");
        double[] fsrs5 = new double[21];
        double[] given = doubles(forward.get("fsrs5_parameters"));
        System.arraycopy(given, 0, fsrs5, 0, 19);
        fsrs5[20] = 0.5;
        double[] after =
                new TrainableFsrs(fsrs5).memoryAfter(item(ints(memo.get("ratings")), ints(memo.get("delta_ts"))));
        assertEquals(memo.get("expected").get("stability").asDouble(), after[0], 1e-4);
        assertEquals(memo.get("expected").get("difficulty").asDouble(), after[1], 1e-4);

        JsonNode curve = forward.get("power_forgetting_curve");
        TrainableFsrs model = new TrainableFsrs(DEFAULTS);
        for (int i = 0; i < curve.get("delta_t").size(); i++) {
            assertEquals(
                    curve.get("retrievability").get(i).asDouble(),
                    model.retrievability(
                            curve.get("delta_t").get(i).asDouble(),
                            curve.get("stability").get(i).asDouble()),
                    1e-4);
        }
    }

    private static ReviewItem item(int[] ratings, int[] deltas) {
        return new ReviewItem(ratings, deltas, ratings.length);
    }

    @Test
    void pretraining() {
        JsonNode pretrain = group("pretrain");
        JsonNode curve = pretrain.get("power_forgetting_curve");
        for (int i = 0; i < curve.get("t").size(); i++) {
            assertEquals(
                    curve.get("expected").get(i).asDouble(),
                    Pretraining.curve(curve.get("t").get(i).asDouble(), 1.0),
                    1e-12);
        }
        JsonNode loss = pretrain.get("loss");
        List<Pretraining.Row> rows = new ArrayList<>();
        for (int i = 0; i < loss.get("delta_t").size(); i++) {
            rows.add(new Pretraining.Row(
                    loss.get("delta_t").get(i).asDouble(),
                    loss.get("recall").get(i).asDouble(),
                    loss.get("count").get(i).asDouble()));
        }
        for (JsonNode c : loss.get("cases")) {
            assertEquals(
                    c.get("loss").asDouble(),
                    Pretraining.loss(rows, c.get("s0").asDouble(), Pretraining.defaultStability(1)),
                    1e-4);
        }
        double found = Pretraining.search(
                rows,
                pretrain.get("search_parameters").get("average_recall").asDouble(),
                Pretraining.defaultStability(1));
        assertEquals(pretrain.get("search_parameters").get("expected_s0").asDouble(), found, 1e-4);
        for (JsonNode c : pretrain.get("smooth_and_fill")) {
            double[] stability = new double[5];
            java.util.Arrays.fill(stability, Double.NaN);
            int[] counts = new int[5];
            c.get("stability")
                    .fields()
                    .forEachRemaining(e -> stability[Integer.parseInt(e.getKey())] =
                            e.getValue().asDouble());
            c.get("count")
                    .fields()
                    .forEachRemaining(e ->
                            counts[Integer.parseInt(e.getKey())] = e.getValue().asInt());
            assertArrayEquals(doubles(c.get("expected")), Pretraining.smoothAndFill(stability, counts), 1e-4);
        }
    }

    @Test
    void cosineSchedule() {
        JsonNode schedule = group("lr_schedule");
        CosineSchedule lr = new CosineSchedule(
                schedule.get("t_max").asDouble(), schedule.get("init_lr").asDouble());
        for (JsonNode expected : schedule.get("lrs")) assertEquals(expected.asDouble(), lr.next(), 1e-12);
    }

    @Test
    void clipping() {
        JsonNode cases = group("clipper");
        JsonNode first = cases.get("cases").get(0);
        assertArrayEquals(doubles(first.get("expected")), Clipping.clip(doubles(first.get("input")), 1, true), 1e-9);
        double[] twoSteps = Clipping.clip(DEFAULTS.clone(), 2, true);
        assertArrayEquals(
                doubles(cases.get("cases").get(1).get("expected_w17_w18_w19")),
                new double[] {twoSteps[17], twoSteps[18], twoSteps[19]},
                1e-6);
        double[] threeSteps = Clipping.clip(DEFAULTS.clone(), 3, true);
        assertEquals(cases.get("computed_case").get("expected_w17").asDouble(), threeSteps[17], 1e-6);
    }

    @Test
    void reviewBins() {
        for (JsonNode example : group("bins").get("r_matrix_index").get("examples")) {
            long[] bin = RmseBins.binOf(Reference.item(example.get("item")));
            assertArrayEquals(
                    new long[] {
                        example.get("bin").get(0).asLong(),
                        example.get("bin").get(1).asLong(),
                        example.get("bin").get(2).asLong()
                    },
                    bin,
                    example.get("item").toString());
        }
    }

    @Test
    void recencyWeights() {
        JsonNode recency = group("recency_weights");
        assertArrayEquals(
                doubles(recency.get("expected")),
                RecencyWeights.of(recency.get("n").asInt()),
                1e-9);
    }

    @Test
    void timeSeriesFolds() {
        for (JsonNode c : group("time_series_split").get("cases")) {
            int[][] folds = Evaluation.folds(c.get("n_items").asInt());
            if (c.has("folds")) {
                assertEquals(c.get("folds").asInt(), folds.length);
                continue;
            }
            for (int i = 0; i < folds.length; i++) {
                assertEquals(c.get("train_sizes").get(i).asInt(), folds[i][0]);
                assertEquals(c.get("test_sizes").get(i).asInt(), folds[i][1]);
            }
        }
    }

    @Test
    void theShuffleIsRustsStdRngSeeded2023() {
        JsonNode rng = group("rng").get("seed_2023");
        ChaCha12 chacha = new ChaCha12(2023);
        assertEquals(rng.get("seed_bytes_hex").asText(), HexFormat.of().formatHex(chacha.seedBytes()));
        for (JsonNode word : rng.get("first_next_u32")) assertEquals(word.asLong(), chacha.nextU32());
        for (String name : List.of("batch_orders_3_batches_5_epochs", "batch_orders_10_batches_2_epochs")) {
            List<int[]> expected = Reference.orders(rng.get(name));
            BatchOrder order = BatchOrder.shuffled(2023);
            for (int epoch = 1; epoch <= expected.size(); epoch++) {
                assertArrayEquals(
                        expected.get(epoch - 1), order.next(epoch, expected.get(0).length), name + " epoch " + epoch);
            }
        }
    }
}
