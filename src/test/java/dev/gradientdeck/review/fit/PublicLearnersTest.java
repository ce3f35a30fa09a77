package dev.gradientdeck.review.fit;

import static dev.gradientdeck.review.fit.Reference.assertRelative;
import static dev.gradientdeck.review.fit.Reference.assertWeights;
import static dev.gradientdeck.review.fit.Reference.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The six public learners of the reference: every recorded weight set reproduced (exactly, with the recorded batch orders
 * or none needed), every stored evaluation figure recomputed, and the app's own shuffle held to the statistical rule.
 */
class PublicLearnersTest {
    private static final TrainingConfig DEFAULTS = TrainingConfig.defaults();

    private static double[] fit(List<ReviewItem> items, TrainingConfig config, BatchOrder order) {
        return FsrsOptimizer.fit(items, config, order, FitProgress.NONE).weights();
    }

    private static BatchOrder noShuffle() {
        return (epoch, batches) -> {
            assertEquals(1, batches, "a full-batch run has one batch");
            return new int[] {0};
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"E01", "E02", "L01", "L02", "L03", "L04"})
    void runsThatNeedNoRandomNumbers(String id) {
        JsonNode learner = Reference.learner(id);
        List<ReviewItem> items = Reference.items(learner);
        assertEquals(learner.get("stats").get("items").asInt(), items.size());
        JsonNode weights = learner.get("reference").get("weights");
        assertWeights(
                doubles(weights.get("pretrain_only")),
                fit(items, DEFAULTS.withEpochs(0), noShuffle()),
                1e-4,
                id + " pretrain_only");
        TrainingConfig fullBatch = DEFAULTS.withBatchSize(1_000_000);
        assertWeights(
                doubles(weights.get("fullbatch_5")), fit(items, fullBatch, noShuffle()), 1e-4, id + " fullbatch_5");
        assertWeights(
                doubles(weights.get("fullbatch_20")),
                fit(items, fullBatch.withEpochs(20), noShuffle()),
                1e-4,
                id + " fullbatch_20");
    }

    @ParameterizedTest
    @ValueSource(strings = {"E01", "E02", "L01", "L02", "L03", "L04"})
    void runsWithTheRecordedBatchOrders(String id) {
        JsonNode learner = Reference.learner(id);
        List<ReviewItem> items = Reference.items(learner);
        JsonNode weights = learner.get("reference").get("weights");
        JsonNode orders = learner.get("reference").get("batch_order");
        List<int[]> seed2023 = Reference.orders(orders.get("seed_2023_epochs_1_to_8"));
        List<int[]> seed7 = Reference.orders(orders.get("seed_7_epochs_1_to_5"));
        assertWeights(
                doubles(weights.get("fitted")),
                fit(items, DEFAULTS, BatchOrder.recorded(seed2023)),
                5e-4,
                id + " fitted");
        assertWeights(
                doubles(weights.get("epochs_8")),
                fit(items, DEFAULTS.withEpochs(8), BatchOrder.recorded(seed2023)),
                5e-4,
                id + " epochs_8");
        assertWeights(
                doubles(weights.get("seed_7")),
                fit(items, DEFAULTS.withSeed(7), BatchOrder.recorded(seed7)),
                5e-4,
                id + " seed_7");
        assertWeights(
                doubles(weights.get("short_term_off")),
                fit(items, DEFAULTS.withShortTerm(false), BatchOrder.recorded(seed2023)),
                5e-4,
                id + " short_term_off");
    }

    @ParameterizedTest
    @ValueSource(strings = {"L01", "L02", "L03", "L04"})
    void theAppsShuffleDrawsTheRecordedOrders(String id) {
        JsonNode orders = Reference.learner(id).get("reference").get("batch_order");
        int batches = orders.get("n_batches").asInt();
        for (String seed : List.of("2023", "7")) {
            List<int[]> expected =
                    Reference.orders(orders.get(seed.equals("7") ? "seed_7_epochs_1_to_5" : "seed_2023_epochs_1_to_8"));
            BatchOrder shuffled = BatchOrder.shuffled(Long.parseLong(seed));
            for (int epoch = 1; epoch <= expected.size(); epoch++) {
                assertArrayEquals(
                        expected.get(epoch - 1),
                        shuffled.next(epoch, batches),
                        id + " seed " + seed + " epoch " + epoch);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"E02", "L01", "L02", "L03", "L04"})
    void evaluationFiguresOfEveryStoredWeightSet(String id) {
        JsonNode learner = Reference.learner(id);
        List<ReviewItem> evaluated = Evaluation.referenceOrder(Reference.items(learner));
        assertEquals(learner.get("stats").get("eval_items").asInt(), evaluated.size());
        JsonNode reference = learner.get("reference");
        reference.get("evaluate").fields().forEachRemaining(e -> {
            double[] w = e.getKey().equals("default")
                    ? FsrsOptimizer.defaults()
                    : doubles(
                            e.getKey().equals("true")
                                    ? learner.get("true_weights")
                                    : reference.get("weights").get(e.getKey()));
            Evaluation.Metrics metrics = Evaluation.evaluate(w, evaluated);
            assertRelative(
                    e.getValue().get("log_loss").asDouble(),
                    metrics.logLoss(),
                    1e-5,
                    id + " " + e.getKey() + " log loss");
            assertRelative(
                    e.getValue().get("rmse_bins").asDouble(),
                    metrics.rmseBins(),
                    1e-4,
                    id + " " + e.getKey() + " RMSE(bins)");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"E02", "L01", "L02", "L03", "L04"})
    void ownShuffleMeetsTheStatisticalRule(String id) {
        JsonNode learner = Reference.learner(id);
        List<ReviewItem> items = Reference.items(learner);
        List<ReviewItem> evaluated = Evaluation.referenceOrder(items);
        JsonNode evaluate = learner.get("reference").get("evaluate");
        double defaults = evaluate.get("default").get("log_loss").asDouble();
        double reference = evaluate.get("fitted").get("log_loss").asDouble();
        double ours = Evaluation.evaluate(fit(items, DEFAULTS, BatchOrder.shuffled(DEFAULTS.seed())), evaluated)
                .logLoss();
        assertTrue(
                ours <= reference * 1.005, id + ": log loss " + ours + " above 1.005 × the reference's " + reference);
        assertTrue(
                defaults - ours >= 0.8 * (defaults - reference),
                id + ": gain " + (defaults - ours) + " under 80 % of " + (defaults - reference));
    }

    @ParameterizedTest
    @ValueSource(strings = {"E02", "L01", "L02", "L03", "L04"})
    void timeSeriesSplitFigures(String id) {
        JsonNode learner = Reference.learner(id);
        List<ReviewItem> items = Reference.items(learner);
        JsonNode reference = learner.get("reference");
        double[] defaults = FsrsOptimizer.defaults();
        Evaluation.SplitComparison binding = Evaluation.timeSeriesSplit(
                Evaluation.referenceOrder(items),
                defaults,
                DEFAULTS,
                () -> BatchOrder.shuffled(DEFAULTS.seed()),
                FitProgress.NONE);
        assertRelative(
                reference.get("time_series_split").get("log_loss").asDouble(),
                binding.fitted().logLoss(),
                5e-6,
                id + " split log loss");
        assertRelative(
                reference.get("time_series_split").get("rmse_bins").asDouble(),
                binding.fitted().rmseBins(),
                1e-4,
                id + " split RMSE(bins)");
        Evaluation.SplitComparison timeOrder = Evaluation.timeSeriesSplit(
                items, defaults, DEFAULTS, () -> BatchOrder.shuffled(DEFAULTS.seed()), FitProgress.NONE);
        JsonNode expected = reference.get("time_series_split_time_order");
        assertRelative(
                expected.get("log_loss").asDouble(),
                timeOrder.fitted().logLoss(),
                5e-6,
                id + " time-order split log loss");
        assertRelative(
                expected.get("rmse_bins").asDouble(),
                timeOrder.fitted().rmseBins(),
                1e-4,
                id + " time-order split RMSE(bins)");
    }

    @Test
    void threeItemsKeepTheDefaults() {
        List<ReviewItem> items = Reference.items(Reference.learner("E01"));
        FsrsOptimizer.Fit fit = FsrsOptimizer.fit(items, DEFAULTS, BatchOrder.shuffled(2023), FitProgress.NONE);
        assertEquals(FsrsOptimizer.Depth.DEFAULTS, fit.depth());
        assertArrayEquals(FsrsOptimizer.defaults(), fit.weights());
        assertTrue(
                Evaluation.referenceOrder(items).isEmpty(),
                "nothing survives the filter, so there is nothing to evaluate");
    }
}
