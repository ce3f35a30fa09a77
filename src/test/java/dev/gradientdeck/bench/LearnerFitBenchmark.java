package dev.gradientdeck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.review.fit.BatchOrder;
import dev.gradientdeck.review.fit.Evaluation;
import dev.gradientdeck.review.fit.FitProgress;
import dev.gradientdeck.review.fit.FsrsOptimizer;
import dev.gradientdeck.review.fit.Items;
import dev.gradientdeck.review.fit.ReviewItem;
import dev.gradientdeck.review.fit.TrainingConfig;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Per public reference learner: log loss of the defaults, of the reference's fit and of ours, and how long ours takes. */
final class LearnerFitBenchmark {
    private LearnerFitBenchmark() {}

    static List<Benchmarks.Row> run() throws Exception {
        JsonNode reference;
        try (InputStream in = LearnerFitBenchmark.class.getResourceAsStream("/fsrs/optimizer-public.json")) {
            reference = new ObjectMapper().readTree(in);
        }
        List<Benchmarks.Row> rows = new ArrayList<>();
        for (JsonNode learner : reference.get("learners")) {
            List<Items.CardHistory> cards = new ArrayList<>();
            for (JsonNode card : learner.get("history").get("cards")) {
                int[][] reviews = new int[card.get(1).size()][];
                for (int i = 0; i < reviews.length; i++)
                    reviews[i] = new int[] {
                        card.get(1).get(i).get(0).asInt(),
                        card.get(1).get(i).get(1).asInt()
                    };
                cards.add(new Items.CardHistory(card.get(0).asInt(), reviews));
            }
            List<ReviewItem> items = Items.fromHistories(cards);
            TrainingConfig config = TrainingConfig.defaults();
            double[] seconds = new double[5];
            double[] weights = null;
            for (int i = -2; i < seconds.length; i++) {
                long start = System.nanoTime();
                weights = FsrsOptimizer.fit(items, config, BatchOrder.shuffled(config.seed()), FitProgress.NONE)
                        .weights();
                if (i >= 0) seconds[i] = (System.nanoTime() - start) / 1e9;
            }
            Arrays.sort(seconds);
            List<ReviewItem> evaluated = Evaluation.referenceOrder(items);
            JsonNode evaluate = learner.get("reference").get("evaluate");
            String figures = evaluated.isEmpty()
                    ? "too few items to evaluate (defaults kept, as the reference)"
                    : String.format(
                            Locale.ROOT,
                            "log loss default %.5f / reference %.5f / ours %.5f",
                            evaluate.get("default").get("log_loss").asDouble(),
                            evaluate.get("fitted").get("log_loss").asDouble(),
                            Evaluation.evaluate(weights, evaluated).logLoss());
            rows.add(new Benchmarks.Row(
                    String.format(
                            Locale.ROOT,
                            "learner %s (%,d reviews, %,d items)",
                            learner.get("id").asText(),
                            learner.get("stats").get("reviews").asInt(),
                            items.size()),
                    figures + String.format(Locale.ROOT, ", fit %.3f s", seconds[2]),
                    "(measured)"));
        }
        return rows;
    }
}
