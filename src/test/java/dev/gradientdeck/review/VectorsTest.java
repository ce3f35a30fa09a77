package dev.gradientdeck.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every group of the public reference vectors (src/test/resources/fsrs/vectors-public.json). */
class VectorsTest {
    private static final JsonNode VECTORS = load();

    private static JsonNode load() {
        try (InputStream in = VectorsTest.class.getResourceAsStream("/fsrs/vectors-public.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the reference vectors", e);
        }
    }

    private static Stream<Arguments> group(String name) {
        JsonNode group = VECTORS.get("groups").get(name);
        return StreamSupport.stream(group.spliterator(), false)
                .map(v -> Arguments.of(v.get("id").asText(), v));
    }

    @Test
    void everyGroupInTheFileHasATest() {
        Set<String> groups = new TreeSet<>();
        VECTORS.get("groups").fieldNames().forEachRemaining(groups::add);
        assertEquals(Set.of("initial_state", "retrievability", "next_interval", "memory_state_sequences"), groups);
    }

    @Test
    void defaultParametersAreTheSettingsDefaults() {
        List<Double> weights = new ArrayList<>();
        VECTORS.get("default_parameters").forEach(w -> weights.add(w.asDouble()));
        assertEquals(weights, FsrsSettings.defaults().weights());
        JsonNode config = VECTORS.get("default_config");
        FsrsSettings defaults = FsrsSettings.defaults();
        assertEquals(config.get("desired_retention").asDouble(), defaults.desiredRetention());
        assertEquals(config.get("maximum_interval_days").asInt(), defaults.maximumIntervalDays());
        assertEquals(
                config.get("learning_steps_seconds").get(1).asLong(),
                defaults.learningSteps().get(1).toSeconds());
        assertEquals(
                config.get("relearning_steps_seconds").get(0).asLong(),
                defaults.relearningSteps().get(0).toSeconds());
    }

    static Stream<Arguments> initialState() {
        return group("initial_state");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("initialState")
    void initialState(String id, JsonNode vector) {
        FsrsSettings settings = settingsFor(vector).withFuzz(false);
        Fsrs fsrs = new Fsrs(settings);
        JsonNode expected = vector.get("expected");
        JsonNode scheduler = expected.get("scheduler_after_first_review");
        Instant now = Instant.parse("2022-11-29T12:30:00Z");
        NextStates next = Scheduler.nextStates(Schedule.fresh(now), now, 0, 1, settings);
        for (Rating rating : Rating.values()) {
            int i = rating.value() - 1;
            assertEquals(expected.get("stability").get(i).asDouble(), fsrs.initialStability(rating), 1e-9, id);
            assertEquals(expected.get("difficulty").get(i).asDouble(), fsrs.initialDifficulty(rating), 1e-7, id);

            Outcome outcome = next.of(rating);
            assertEquals(
                    scheduler.get("state").get(i).asText().toLowerCase(),
                    outcome.schedule().state().name());
            assertEquals(scheduler.get("interval_days").get(i).asLong(), outcome.scheduledDays());
            JsonNode minutes = scheduler.get("interval_minutes_py_fsrs").get(i);
            if (!minutes.isNull()) {
                assertEquals(minutes.asDouble() * 60, outcome.interval().toSeconds(), 1e-9, rating.name());
            }
        }
    }

    static Stream<Arguments> retrievability() {
        return group("retrievability");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("retrievability")
    void retrievability(String id, JsonNode vector) {
        Fsrs fsrs = new Fsrs(settingsFor(vector));
        JsonNode input = vector.get("input");
        JsonNode expected = vector.get("expected").get("retrievability");
        if (input.get("stability").isTextual()) {
            // "any" stability at elapsed = stability: the definition R(S, S) = 0.9, checked for many S and decays.
            for (double decay : new double[] {0.1, 0.1542, 0.2, 0.5, 0.8}) {
                Fsrs withDecay = new Fsrs(withWeight(FsrsSettings.defaults(), 20, decay));
                for (double s : new double[] {0.001, 0.212, 1, 2.3065, 17.5, 365, 36_500}) {
                    assertEquals(
                            expected.asDouble(), withDecay.retrievability(s, s), 1e-12, "S=" + s + " decay=" + decay);
                }
            }
            assertEquals(expected.asDouble(), fsrs.retrievability(8.2956, 8.2956), 1e-12);
            return;
        }
        double stability = input.get("stability").asDouble();
        JsonNode elapsed = input.get("elapsed_days");
        if (elapsed.isArray()) {
            for (int i = 0; i < elapsed.size(); i++) {
                assertEquals(
                        expected.get(i).asDouble(),
                        fsrs.retrievability(elapsed.get(i).asDouble(), stability),
                        1e-6,
                        id + " t=" + elapsed.get(i));
            }
        } else {
            assertEquals(expected.asDouble(), fsrs.retrievability(elapsed.asDouble(), stability), 1e-7, id);
        }
    }

    static Stream<Arguments> nextInterval() {
        return group("next_interval");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nextInterval")
    void nextInterval(String id, JsonNode vector) {
        FsrsSettings base = settingsFor(vector);
        double stability = vector.get("input").get("stability").asDouble();
        JsonNode retentions = vector.get("input").get("desired_retention");
        JsonNode expected = vector.get("expected");
        for (int i = 0; i < retentions.size(); i++) {
            double retention = retentions.get(i).asDouble();
            Fsrs fsrs = new Fsrs(withRetention(base, retention));
            String at = id + " r=" + retention;

            double raw = expected.get("raw_interval_float64").get(i).asDouble();
            assertEquals(raw, fsrs.exactInterval(stability), Math.max(1e-6, raw * 1e-9), at);
            assertEquals(
                    expected.get("interval_days_with_maximum_interval_36500")
                            .get(i)
                            .asLong(),
                    fsrs.nextInterval(stability),
                    at);
            // fsrs-rs asserts these in f32, so they match the double result to about 1e-4 relative.
            long unclamped = expected.get("interval_days_unclamped").get(i).asLong();
            long ours = Math.max(1, Math.round(fsrs.exactInterval(stability)));
            assertEquals(unclamped, ours, unclamped * 1e-4, at);
        }
    }

    static Stream<Arguments> memoryStateSequences() {
        return group("memory_state_sequences");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("memoryStateSequences")
    void memoryStateSequence(String id, JsonNode vector) {
        FsrsSettings settings = settingsFor(vector);
        Fsrs fsrs = new Fsrs(settings);
        Memory memory = null;
        List<ReviewEvent> events = new ArrayList<>();
        for (JsonNode review : vector.get("reviews")) {
            Rating rating = Rating.of(review.get("rating").asInt());
            long elapsed = review.get("elapsed_days").asLong();
            memory = memory == null ? fsrs.initialMemory(rating) : fsrs.nextMemory(memory, elapsed, rating);
            String at = id + " review " + (events.size() + 1);
            assertEquals(review.get("computed_stability").asDouble(), memory.stability(), 1e-6, at);
            assertEquals(review.get("computed_difficulty").asDouble(), memory.difficulty(), 1e-6, at);
            events.add(new ReviewEvent(
                    rating, Instant.parse(review.get("review_utc").asText()), elapsed, 7));
        }
        JsonNode fin = vector.get("expected_final");
        if (fin.has("stability")) {
            assertEquals(fin.get("stability").asDouble(), memory.stability(), 1e-4, id);
        }
        assertEquals(fin.get("difficulty").asDouble(), memory.difficulty(), 1e-4, id);

        // The scheduler tracks the same memory through its learning steps and reviews.
        Schedule replayed =
                Scheduler.replay(events, Schedule.fresh(events.get(0).reviewedAt()), settings);
        assertEquals(memory, memoryOf(replayed.state()), id);
        assertEquals(events.size(), replayed.reps());
    }

    static Memory memoryOf(CardState state) {
        if (state instanceof CardState.Learning l) {
            return l.memory();
        }
        if (state instanceof CardState.Review r) {
            return r.memory();
        }
        if (state instanceof CardState.Relearning rl) {
            return rl.memory();
        }
        throw new AssertionError("no memory in " + state);
    }

    /** "default", or an object of weight overrides such as {"w20": 0.2}; plus enable_short_term when given. */
    private static FsrsSettings settingsFor(JsonNode vector) {
        FsrsSettings settings = FsrsSettings.defaults();
        JsonNode parameters = vector.get("parameters");
        if (parameters.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = parameters.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                assertTrue(field.getKey().matches("w\\d+"), "unknown parameter " + field.getKey());
                settings = withWeight(
                        settings,
                        Integer.parseInt(field.getKey().substring(1)),
                        field.getValue().asDouble());
            }
        } else {
            assertEquals("default", parameters.asText());
        }
        if (vector.has("enable_short_term")) {
            settings = withShortTerm(settings, vector.get("enable_short_term").asBoolean());
        }
        return settings;
    }

    static FsrsSettings withWeight(FsrsSettings s, int index, double value) {
        List<Double> weights = new ArrayList<>(s.weights());
        weights.set(index, value);
        return new FsrsSettings(
                weights,
                s.desiredRetention(),
                s.learningSteps(),
                s.relearningSteps(),
                s.maximumIntervalDays(),
                s.shortTerm(),
                s.fuzz());
    }

    static FsrsSettings withRetention(FsrsSettings s, double retention) {
        return new FsrsSettings(
                s.weights(),
                retention,
                s.learningSteps(),
                s.relearningSteps(),
                s.maximumIntervalDays(),
                s.shortTerm(),
                s.fuzz());
    }

    static FsrsSettings withShortTerm(FsrsSettings s, boolean shortTerm) {
        return new FsrsSettings(
                s.weights(),
                s.desiredRetention(),
                s.learningSteps(),
                s.relearningSteps(),
                s.maximumIntervalDays(),
                shortTerm,
                s.fuzz());
    }
}
