package dev.gradientdeck.review.fit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The fsrs-rs 6.5.0 optimizer reference (src/test/resources/fsrs/optimizer-public.json, copied from shared/fsrs). */
final class Reference {
    static final JsonNode JSON = load();

    private Reference() {}

    private static JsonNode load() {
        try (InputStream in = Reference.class.getResourceAsStream("/fsrs/optimizer-public.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the optimizer reference", e);
        }
    }

    static JsonNode group(String name) {
        return JSON.get("groups").get(name);
    }

    static JsonNode learner(String id) {
        for (JsonNode learner : JSON.get("learners")) {
            if (learner.get("id").asText().equals(id)) return learner;
        }
        throw new IllegalArgumentException("no learner " + id);
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).asDouble();
        return out;
    }

    static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).asInt();
        return out;
    }

    static ReviewItem item(JsonNode reviews) {
        int[][] pairs = new int[reviews.size()][];
        for (int i = 0; i < pairs.length; i++) pairs[i] = ints(reviews.get(i));
        return ReviewItem.of(pairs);
    }

    /** A learner's items as the reference built them (check.py build_items). */
    static List<ReviewItem> items(JsonNode learner) {
        List<Items.CardHistory> cards = new ArrayList<>();
        for (JsonNode card : learner.get("history").get("cards")) {
            JsonNode reviews = card.get(1);
            int[][] pairs = new int[reviews.size()][];
            for (int i = 0; i < pairs.length; i++) pairs[i] = ints(reviews.get(i));
            cards.add(new Items.CardHistory(card.get(0).asInt(), pairs));
        }
        return Items.fromHistories(cards);
    }

    static List<int[]> orders(JsonNode array) {
        List<int[]> orders = new ArrayList<>();
        for (JsonNode epoch : array) orders.add(ints(epoch));
        return orders;
    }

    /** |a − e| ≤ tolerance·max(1, |e|) for every weight, with the worst one named. */
    static void assertWeights(double[] expected, double[] actual, double tolerance, String what) {
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double excess = Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i]));
            if (excess > worst) {
                worst = excess;
                at = i;
            }
        }
        double finalWorst = worst;
        int finalAt = at;
        assertTrue(
                worst <= tolerance,
                () -> what + ": w" + finalAt + " is " + actual[finalAt] + ", reference " + expected[finalAt]
                        + " (off by " + finalWorst + " relative, tolerance " + tolerance + ")");
    }

    static void assertRelative(double expected, double actual, double tolerance, String what) {
        assertTrue(
                Math.abs(actual - expected) <= tolerance * Math.abs(expected),
                () -> what + ": " + actual + ", reference " + expected + " (tolerance " + tolerance + " relative)");
    }
}
