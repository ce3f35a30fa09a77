package dev.gradientdeck.anki.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gradientdeck.days.LearnerClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of a schema-11 Anki collection (the {@code collection.anki21} of a legacy package) for a list of cards: one note of a
 * two-field note type per card, its card with Anki's type, queue and due as the schedule says, FSRS memory in the card's data,
 * and one log row per answer. Pure: the writer stores what this computes.
 */
public final class LegacyCollection {
    static final long MODEL_ID = 1_731_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private LegacyCollection() {}

    public record Note(long id, String guid, long mod, String tags, String fields, String sortField, long checksum) {}

    public record Card(
            long id,
            long noteId,
            long deckId,
            long mod,
            int type,
            int queue,
            long due,
            long interval,
            int reps,
            int lapses,
            int left,
            String data) {}

    public record LogRow(
            long id, long cardId, int ease, long interval, long lastInterval, int factor, long timeMs, int type) {}

    /** Everything the collection holds: its creation time (seconds; due days count from its day), the JSON of {@code col}. */
    public record Rows(
            long created,
            String conf,
            String models,
            String decks,
            String deckOptions,
            List<Note> notes,
            List<Card> cards,
            List<LogRow> log) {}

    public static Rows of(List<ExportCard> cards, LearnerClock clock) {
        JsonNode defaults = defaults();
        Instant now = clock.now();
        LocalDate firstDay = clock.dayKey(now).date();
        for (ExportCard c : cards)
            for (ExportCard.Answer a : c.answers()) {
                LocalDate day = clock.dayKey(a.at()).date();
                if (day.isBefore(firstDay)) firstDay = day;
            }
        // Day zero a day before anything happened, so no due day is negative.
        LocalDate dayZero = firstDay.minusDays(1);
        long created = clock.startOf(dayZero).getEpochSecond();
        long mod = now.getEpochSecond();

        Map<String, Long> deckIds = new LinkedHashMap<>();
        deckIds.put("Default", 1L);
        List<Note> notes = new ArrayList<>();
        List<Card> rows = new ArrayList<>();
        List<LogRow> log = new ArrayList<>();
        Set<Long> logIds = new HashSet<>();
        int position = 0;
        for (ExportCard c : cards) {
            long deckId = deckId(c.deck(), deckIds);
            String sort = org.jsoup.Jsoup.parse(c.front()).text();
            notes.add(new Note(
                    c.ankiId(),
                    c.guid(),
                    mod,
                    c.tags().isEmpty() ? "" : " " + String.join(" ", c.tags()) + " ",
                    c.front() + "\u001f" + c.back() + "\u001f" + org.jsoup.nodes.Entities.escape(c.title()),
                    sort,
                    checksum(sort)));
            rows.add(card(c, deckId, mod, ++position, dayZero, clock));
            long lastInterval = 0;
            for (ExportCard.Answer a : c.answers()) {
                long id = a.at().toEpochMilli();
                while (!logIds.add(id)) id++;
                long interval = "review".equals(a.stateAfter())
                        ? Math.max(1, a.scheduledDays())
                        : -Math.max(1, Duration.between(a.at(), a.due()).toSeconds());
                log.add(new LogRow(
                        id,
                        c.ankiId(),
                        a.rating(),
                        interval,
                        lastInterval,
                        2500,
                        a.durationMs() == null ? 0 : Math.min(a.durationMs(), 3_600_000L),
                        logType(a.stateBefore())));
                lastInterval = interval;
            }
        }
        ObjectNode model = ((ObjectNode) defaults.get("model").deepCopy())
                .put("id", MODEL_ID)
                .put("mod", mod);
        ObjectNode models = JSON.createObjectNode().set(Long.toString(MODEL_ID), model);
        ObjectNode decks = JSON.createObjectNode();
        deckIds.forEach((name, id) -> decks.set(
                Long.toString(id),
                ((ObjectNode) defaults.get("deck").deepCopy())
                        .put("id", id)
                        .put("name", name)
                        .put("mod", mod)));
        ObjectNode conf = ((ObjectNode) defaults.get("conf").deepCopy())
                .put("curModel", MODEL_ID)
                .put("nextPos", position + 1);
        ObjectNode dconf =
                JSON.createObjectNode().set("1", defaults.get("dconf").deepCopy());
        return new Rows(
                created, conf.toString(), models.toString(), decks.toString(), dconf.toString(), notes, rows, log);
    }

    private static Card card(ExportCard c, long deckId, long mod, int position, LocalDate dayZero, LearnerClock clock) {
        ExportCard.Schedule s = c.schedule();
        String data = s.stability() == null
                ? ""
                : "{\"s\":" + round(s.stability()) + ",\"d\":" + round(s.difficulty()) + ",\"dr\":0.9}";
        return switch (s.state()) {
            case "learning" ->
                new Card(
                        c.ankiId(),
                        c.ankiId(),
                        deckId,
                        mod,
                        1,
                        1,
                        s.due().getEpochSecond(),
                        0,
                        s.reps(),
                        s.lapses(),
                        1,
                        data);
            case "relearning" ->
                new Card(
                        c.ankiId(),
                        c.ankiId(),
                        deckId,
                        mod,
                        3,
                        1,
                        s.due().getEpochSecond(),
                        1,
                        s.reps(),
                        s.lapses(),
                        1,
                        data);
            case "review" -> {
                LocalDate dueDay = clock.dayKey(s.due()).date();
                LocalDate lastDay = clock.dayKey(s.lastReview()).date();
                yield new Card(
                        c.ankiId(),
                        c.ankiId(),
                        deckId,
                        mod,
                        2,
                        2,
                        ChronoUnit.DAYS.between(dayZero, dueDay),
                        Math.max(1, ChronoUnit.DAYS.between(lastDay, dueDay)),
                        s.reps(),
                        s.lapses(),
                        0,
                        data);
            }
            default -> new Card(c.ankiId(), c.ankiId(), deckId, mod, 0, 0, position, 0, 0, 0, 0, data);
        };
    }

    /** Anki's log types: 0 learning (a new or learning card), 1 review, 2 relearning. */
    private static int logType(String stateBefore) {
        return switch (stateBefore) {
            case "review" -> 1;
            case "relearning" -> 2;
            default -> 0;
        };
    }

    /** A deck and each deck above it ("A::B" needs "A"), with ids stable for a name. */
    private static long deckId(String name, Map<String, Long> ids) {
        String[] parts = name.split("::");
        long id = 1;
        for (int i = 1; i <= parts.length; i++) {
            String path = String.join("::", java.util.Arrays.copyOf(parts, i));
            id = ids.computeIfAbsent(path, p -> 1_600_000_000_000L + (p.hashCode() & 0xffffffffL));
        }
        return id;
    }

    /** Anki's duplicate check: the first 8 hex digits of the SHA-1 of the sort field's text, as a number. */
    static long checksum(String text) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return Long.parseLong(java.util.HexFormat.of().formatHex(sha, 0, 4), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JVM", e);
        }
    }

    private static String round(double value) {
        return String.format(java.util.Locale.ROOT, "%.4f", value);
    }

    private static JsonNode defaults() {
        try (var in = LegacyCollection.class.getResourceAsStream("/anki/legacy-collection.json")) {
            return JSON.readTree(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the export's collection defaults ship with the app", e);
        }
    }
}
