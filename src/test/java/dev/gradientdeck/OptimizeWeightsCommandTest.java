package dev.gradientdeck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code optimize-weights LOG.csv} on logs written by the test: the reference learner L01 as timestamps, and broken files. */
class OptimizeWeightsCommandTest {
    @TempDir
    Path dir;

    record Outcome(int exit, String out, String err) {}

    Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = App.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("optimize-weights"));
        all.addAll(List.of(args));
        return new Outcome(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    static JsonNode reference() throws Exception {
        try (InputStream in = OptimizeWeightsCommandTest.class.getResourceAsStream("/fsrs/optimizer-public.json")) {
            for (JsonNode learner : new ObjectMapper().readTree(in).get("learners")) {
                if (learner.get("id").asText().equals("L01")) return learner;
            }
        }
        throw new IllegalStateException("no L01");
    }

    /** The learner's [rating, days] histories as answers from 08:00 in {@code zone}, same-day steps 25 minutes apart. */
    static String csv(JsonNode learner, ZoneId zone) {
        StringBuilder csv = new StringBuilder("card_id,review_time,rating,review_duration\n");
        LocalDate start = LocalDate.of(2025, 3, 1);
        int card = 0;
        for (JsonNode history : learner.get("history").get("cards")) {
            card++;
            long day = history.get(0).asLong();
            int sameDay = 0;
            for (int i = 0; i < history.get(1).size(); i++) {
                JsonNode review = history.get(1).get(i);
                int delta = i == 0 ? 0 : review.get(1).asInt();
                day += delta;
                sameDay = delta == 0 && i > 0 ? sameDay + 1 : 0;
                Instant at = start.plusDays(day)
                        .atTime(8, 0)
                        .plusMinutes(sameDay * 25L)
                        .atZone(zone)
                        .toInstant();
                csv.append(card)
                        .append(',')
                        .append(at)
                        .append(',')
                        .append(review.get(0).asInt())
                        .append(",4200\n");
            }
        }
        return csv.toString();
    }

    @Test
    void fitsALogAsTheReferenceDid() throws Exception {
        JsonNode learner = reference();
        Path log = Files.writeString(dir.resolve("log.csv"), csv(learner, ZoneId.of("Asia/Tokyo")));
        Outcome outcome = run(log.toString(), "--zone", "Asia/Tokyo", "--day-starts-at", "4");
        assertEquals(0, outcome.exit(), outcome.err());
        JsonNode result = new ObjectMapper().readTree(outcome.out());
        JsonNode expected = learner.get("reference").get("weights").get("fitted");
        for (int i = 0; i < 21; i++) {
            double e = expected.get(i).asDouble();
            assertEquals(e, result.get("weights").get(i).asDouble(), 5e-4 * Math.max(1, Math.abs(e)), "w" + i);
        }
        JsonNode evaluate = learner.get("reference").get("evaluate");
        assertEquals(
                evaluate.get("fitted").get("log_loss").asDouble(),
                result.get("logLoss").asDouble(),
                1e-5);
        assertEquals(
                evaluate.get("fitted").get("rmse_bins").asDouble(),
                result.get("rmseBins").asDouble(),
                1e-4);
        assertEquals(
                evaluate.get("default").get("log_loss").asDouble(),
                result.get("defaultLogLoss").asDouble(),
                1e-5);
        assertEquals(
                learner.get("stats").get("items").asInt(), result.get("items").asInt());
        assertEquals(
                learner.get("stats").get("reviews").asInt(),
                result.get("reviews").asInt());
    }

    @Test
    void theWrongDayBoundaryChangesTheItems() throws Exception {
        // Answers from 08:00 Tokyo are from 23:00 UTC the evening before; read as UTC days starting at midnight, a
        // card's
        // third same-day step (00:15 UTC) falls on the next day and becomes an item of its own.
        Path log = Files.writeString(dir.resolve("log.csv"), csv(reference(), ZoneId.of("Asia/Tokyo")));
        Outcome outcome = run(log.toString(), "--zone", "UTC", "--day-starts-at", "0");
        assertEquals(0, outcome.exit(), outcome.err());
        assertTrue(new ObjectMapper().readTree(outcome.out()).get("items").asInt()
                > reference().get("stats").get("items").asInt());
    }

    @Test
    void aMalformedLineIsNamedWithItsNumber() throws Exception {
        Path log = Files.writeString(
                dir.resolve("bad.csv"),
                "card_id,review_time,rating\n1,2026-01-01T10:00:00Z,3\n1,2026-01-05T10:00:00Z,5\n");
        Outcome outcome = run(log.toString());
        assertEquals(2, outcome.exit());
        assertEquals("", outcome.out());
        assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
        assertTrue(outcome.err().contains("bad.csv:3:") && outcome.err().contains("rating '5'"), outcome.err());

        Files.writeString(log, "card_id,review_time,rating\n1,yesterday,3\n");
        Outcome time = run(log.toString());
        assertEquals(2, time.exit());
        assertTrue(time.err().contains("bad.csv:2:") && time.err().contains("ISO-8601"), time.err());

        Files.writeString(log, "card,when,grade\n1,2026-01-01T10:00:00Z,3\n");
        Outcome header = run(log.toString());
        assertEquals(2, header.exit());
        assertTrue(header.err().contains("bad.csv:1:") && header.err().contains("card_id"), header.err());

        Files.writeString(log, "card_id,review_time,rating\n1,2026-01-01T10:00:00Z\n");
        assertTrue(run(log.toString()).err().contains("bad.csv:2: has 2 fields"));
        assertEquals(2, run(dir.resolve("missing.csv").toString()).exit());
        assertEquals(2, run(log.toString(), "--zone", "Mars/Olympus").exit());
    }

    @Test
    void tooFewReviewsKeepTheDefaults() throws Exception {
        Path log = Files.writeString(
                dir.resolve("small.csv"),
                "card_id,review_time,rating\n1,2026-01-01T10:00:00Z,3\n1,2026-01-04T10:00:00Z,3\n");
        Outcome outcome = run(log.toString());
        assertEquals(0, outcome.exit(), outcome.err());
        JsonNode result = new ObjectMapper().readTree(outcome.out());
        assertEquals("defaults", result.get("fitted").asText());
        assertEquals(0.212, result.get("weights").get(0).asDouble());
        assertTrue(result.get("logLoss").isNull());
    }
}
