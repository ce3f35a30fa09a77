package dev.gradientdeck.streaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.bench.DeckGenerator;
import dev.gradientdeck.cards.CardRepository;
import dev.gradientdeck.cards.DeckFolder;
import dev.gradientdeck.cards.DeckImporter;
import dev.gradientdeck.days.LearnerClock;
import dev.gradientdeck.db.DataVersion;
import dev.gradientdeck.db.Database;
import dev.gradientdeck.papers.PaperImportRepository;
import dev.gradientdeck.settings.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stats page keeps per-day sums of the review log and adds only what was appended since it last looked. On a real
 * FSRS log of a year, and after more answers and undos (old and new ones), its figures equal a recount of the whole log
 * done here, row by row.
 */
class IncrementalStatsTest {
    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @TempDir
    Path dir;

    Database database;
    Stats stats;

    @BeforeEach
    void open() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards"));
        new DeckGenerator(3).writeCards(deck, 60);
        Path file = dir.resolve("stats.sqlite");
        database = Database.open(file);
        LearnerClock clock = new LearnerClock(Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("UTC"), 4);
        var learner = TestSettings.on(clock);
        new DeckImporter(
                        new DeckFolder(deck),
                        new CardRepository(database.jdbi()),
                        new PaperImportRepository(database.jdbi()),
                        learner)
                .sync("test");
        assertTrue(new DeckGenerator(9).writeHistory(file, 3000, NOW) > 2000);
        stats = new Stats(new StreakRepository(database.jdbi()), new DataVersion(database.jdbi()), learner);
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** Every review not undone, counted on its day; retention over reviews of cards that were in review. */
    private record Recount(Map<LocalDate, Integer> perDay, Map<LocalDate, int[]> retentionDays) {
        int[] since(LocalDate first) {
            int[] sum = new int[2];
            retentionDays.forEach((day, r) -> {
                if (!day.isBefore(first)) {
                    sum[0] += r[0];
                    sum[1] += r[1];
                }
            });
            return sum;
        }
    }

    private Recount recount() {
        Set<Long> undone = new HashSet<>(database.jdbi()
                .withHandle(h -> h.createQuery("SELECT review_id FROM review_undos")
                        .mapTo(Long.class)
                        .list()));
        Map<LocalDate, Integer> perDay = new TreeMap<>();
        Map<LocalDate, int[]> retention = new TreeMap<>();
        database.jdbi()
                .useHandle(h -> h.createQuery("SELECT id, day_key, rating, state_before FROM reviews")
                        .map((rs, ctx) -> {
                            if (undone.contains(rs.getLong(1))) return 0;
                            LocalDate day = LocalDate.parse(rs.getString(2));
                            perDay.merge(day, 1, Integer::sum);
                            if (rs.getString(4).equals("review")) {
                                int[] r = retention.computeIfAbsent(day, d -> new int[2]);
                                r[0]++;
                                if (rs.getInt(3) > 1) r[1]++;
                            }
                            return 0;
                        })
                        .list());
        return new Recount(perDay, retention);
    }

    private void assertSameAsRecount() {
        Stats.Page page = stats.page();
        Recount expected = recount();
        assertEquals(expected.perDay(), page.today().activity());
        LocalDate today = page.today().today();
        List<LocalDate> firsts = List.of(today.minusDays(6), today.minusDays(29), today.minusDays(364));
        for (int i = 0; i < 3; i++) {
            int[] r = expected.since(firsts.get(i));
            assertEquals(
                    r[0],
                    page.retention().get(i).reviews(),
                    page.retention().get(i).period());
            assertEquals(
                    r[0] == 0 ? java.util.Optional.empty() : java.util.Optional.of((double) r[1] / r[0]),
                    page.retention().get(i).share(),
                    page.retention().get(i).period());
        }
    }

    @Test
    void sumsKeptByAddingEqualARecountOfTheWholeLog() {
        assertSameAsRecount();
        assertTrue(stats.page().retention().get(2).reviews() > 100, "a year of reviews of cards in review");

        // More answers today (copies of old ones, so states and ratings are real), then undos of old and new answers.
        database.jdbi().useHandle(h -> {
            h.execute("""
                    INSERT INTO reviews (card_id, reviewed_at, day_key, rating, state_before, state_after, step_after, stability,
                                         difficulty, elapsed_days, scheduled_days, due, reps, lapses, fuzz_seed, duration_ms)
                    SELECT card_id, '2026-11-21T09:00:00Z', '2026-11-21', rating, state_before, state_after, step_after, stability,
                           difficulty, elapsed_days, scheduled_days, due, reps, lapses, fuzz_seed, duration_ms
                    FROM reviews WHERE id % 50 = 0""");
            h.execute(
                    "INSERT INTO review_undos (review_id, undone_at) SELECT id, '2026-11-21T09:30:00Z' FROM reviews WHERE id % 97 = 0");
        });
        assertSameAsRecount();

        // An undo of the newest answer, and one more answer (a lapse today), in the next change.
        database.jdbi().useHandle(h -> {
            h.execute(
                    "INSERT INTO review_undos (review_id, undone_at) SELECT max(id), '2026-11-21T09:40:00Z' FROM reviews");
            h.execute("""
                    INSERT INTO reviews (card_id, reviewed_at, day_key, rating, state_before, state_after, step_after, stability,
                                         difficulty, elapsed_days, scheduled_days, due, reps, lapses, fuzz_seed, duration_ms)
                    SELECT card_id, '2026-11-21T09:50:00Z', '2026-11-21', 1, 'review', state_after, step_after, stability,
                           difficulty, elapsed_days, scheduled_days, due, reps, lapses, fuzz_seed, duration_ms
                    FROM reviews WHERE id = 1""");
        });
        assertSameAsRecount();
    }
}
