package dev.gradientdeck.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import dev.gradientdeck.review.Fsrs;
import dev.gradientdeck.review.FsrsSettings;
import dev.gradientdeck.review.Memory;
import dev.gradientdeck.review.Rating;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A learner whose memory follows FSRS with their own true weights, answering a real app through its API: each card is
 * answered when the app says it is due (a little late sometimes), recalled with the probability the true model gives.
 * Seeded, so every run writes the same log.
 */
public final class SimulatedLearner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Fsrs truth;
    private final SplittableRandom random;

    public SimulatedLearner(List<Double> trueWeights, long seed) {
        FsrsSettings d = FsrsSettings.defaults();
        this.truth = new Fsrs(new FsrsSettings(
                trueWeights, 0.9, d.learningSteps(), d.relearningSteps(), d.maximumIntervalDays(), true, false));
        this.random = new SplittableRandom(seed);
    }

    /** A learner who remembers for much longer than the defaults assume. */
    public static List<Double> strongMemory() {
        List<Double> w = new java.util.ArrayList<>(FsrsSettings.DEFAULT_WEIGHTS);
        w.set(0, 1.5);
        w.set(1, 4.0);
        w.set(2, 9.0);
        w.set(3, 20.0);
        w.set(8, 2.3);
        return w;
    }

    /**
     * Writes {@code cards} card files into the deck folder of an app not started yet (its first start imports them), so no
     * deck sync runs while the learner answers.
     */
    public static Path deck(Path dir, int cards) throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards").resolve("sim"));
        for (int i = 0; i < cards; i++) {
            Files.writeString(
                    deck.resolve("card-" + i + ".md"),
                    "# Card " + i + "\n# Question\nWhat is fact " + i + "?\n# Answer\nFact " + i + ".\n");
        }
        return deck;
    }

    /** Answers every card of {@link #deck} over {@code days} days ending now. Returns answers written. */
    public int study(RunningApp app, int days) throws Exception {
        List<JsonNode> list = new java.util.ArrayList<>();
        for (JsonNode card : JSON.readTree(app.get("/api/cards?limit=all").body())) {
            if (card.get("slug").asText().startsWith("sim/")) list.add(card);
        }
        int cards = list.size();
        Instant now = Instant.now().minus(Duration.ofHours(1));
        Instant start = now.minus(Duration.ofDays(days));
        int answers = 0;
        int index = 0;
        for (JsonNode card : list) {
            long id = card.get("id").asLong();
            Instant at = start.plus(Duration.ofMinutes((long) (index++ * (days * 0.6 * 1440.0 / cards))));
            Memory memory = null;
            Instant last = null;
            while (at.isBefore(now)) {
                Rating rating;
                if (memory == null) {
                    rating = Rating.of(1 + pick(new double[] {0.2, 0.1, 0.6, 0.1}));
                    memory = truth.initialMemory(rating);
                } else {
                    long elapsed = Duration.between(last, at).toDays();
                    boolean recalled = random.nextDouble() < truth.retrievability(elapsed, memory.stability());
                    rating = recalled ? Rating.of(2 + pick(new double[] {0.1, 0.8, 0.1})) : Rating.AGAIN;
                    memory = truth.nextMemory(memory, elapsed, rating);
                }
                HttpResponse<String> answer = app.send(
                        "POST",
                        "/api/cards/" + id + "/reviews",
                        "{\"rating\": " + rating.value() + ", \"reviewedAt\": \"" + at + "\"}");
                if (answer.statusCode() != 201) throw new IllegalStateException("answer refused: " + answer.body());
                answers++;
                last = at;
                Instant due =
                        Instant.parse(JSON.readTree(answer.body()).get("due").asText());
                // Some reviews happen a day or two late, as in life.
                at = due.plus(Duration.ofHours(random.nextDouble() < 0.2 ? 24 + random.nextInt(24) : 0))
                        .plusSeconds(30);
            }
        }
        return answers;
    }

    private int pick(double[] shares) {
        double u = random.nextDouble();
        for (int i = 0; i < shares.length; i++) {
            u -= shares[i];
            if (u < 0) return i;
        }
        return shares.length - 1;
    }
}
