package dev.gradientdeck.cards;

import static dev.gradientdeck.cards.DeckWatcherTest.card;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.MovingClock;
import dev.gradientdeck.RunningApp;
import dev.gradientdeck.days.LearnerClock;
import dev.gradientdeck.db.Database;
import dev.gradientdeck.papers.PaperImportRepository;
import dev.gradientdeck.settings.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After lost events, a failure in its loop or a vanished deck folder, the watcher starts over and a full sync catches up. */
class DeckWatcherRestartTest {
    @TempDir
    Path dir;

    Path deck;
    Database database;
    CardRepository cards;
    DeckImporter importer;

    @BeforeEach
    void open() throws Exception {
        deck = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(deck.resolve("first.md"), card("First"));
        database = Database.open(dir.resolve("test.sqlite"));
        cards = new CardRepository(database.jdbi());
        importer = new DeckImporter(
                new DeckFolder(deck),
                cards,
                new PaperImportRepository(database.jdbi()),
                TestSettings.on(new LearnerClock(Clock.systemUTC(), ZoneId.of("UTC"), 4)));
        importer.sync("start");
    }

    @AfterEach
    void close() {
        database.close();
    }

    static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }

    static final WatchEvent<Object> OVERFLOW = new WatchEvent<>() {
        @Override
        public Kind<Object> kind() {
            return StandardWatchEventKinds.OVERFLOW;
        }

        @Override
        public int count() {
            return 1;
        }

        @Override
        public Object context() {
            return null;
        }
    };

    /** A card written while its events are lost is imported only if the watcher starts over with a full sync. */
    void cardWrittenWhileEventsAreLostIsPickedUp(AtomicBoolean armed, Function<WatchKey, List<WatchEvent<?>>> poll)
            throws Exception {
        try (DeckWatcher watcher = new DeckWatcher(deck, importer, Clock.systemUTC(), poll)) {
            assertTrue(
                    within(Duration.ofSeconds(5), () -> watcher.status().on()),
                    "the watcher never started: " + watcher.status());
            armed.set(true);
            Files.writeString(deck.resolve("lost.md"), card("Lost"));
            assertTrue(
                    within(Duration.ofSeconds(10), () -> cards.idOfSlug("lost").isPresent()),
                    "a card whose file events were lost was never imported; watcher: " + watcher.status());
            assertFalse(armed.get(), "the lost poll never happened, so the test proved nothing");
            assertTrue(
                    within(Duration.ofSeconds(5), () -> watcher.status().on()),
                    "the watcher did not come back: " + watcher.status());
        }
    }

    @Test
    void anOverflowLeadsToARestartAndAFullSync() throws Exception {
        AtomicBoolean armed = new AtomicBoolean();
        cardWrittenWhileEventsAreLostIsPickedUp(armed, key -> {
            List<WatchEvent<?>> real = key.pollEvents();
            // What the operating system does when its queue is full: the real events are dropped, OVERFLOW is all that
            // is left.
            return armed.compareAndSet(true, false) ? List.of(OVERFLOW) : real;
        });
    }

    @Test
    void aFailureInsideTheWatchLoopLeadsToARestartAndAFullSync() throws Exception {
        AtomicBoolean armed = new AtomicBoolean();
        cardWrittenWhileEventsAreLostIsPickedUp(armed, key -> {
            if (armed.compareAndSet(true, false)) throw new IllegalStateException("the disk hiccupped");
            return key.pollEvents();
        });
    }

    static String importPage(RunningApp app) {
        try {
            return app.get("/import").body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theImportPageSaysSinceWhenPickUpIsOffAndWhyThenOnAgain() throws Exception {
        MovingClock clock = new MovingClock(Instant.parse("2026-12-02T15:00:00Z"));
        Path appDir = Files.createDirectories(dir.resolve("app"));
        try (RunningApp app = RunningApp.start(appDir, clock)) {
            assertTrue(
                    within(
                            Duration.ofSeconds(5),
                            () -> importPage(app).contains("Live pick-up on since 2026-12-02 15:00:00 UTC")),
                    importPage(app));

            clock.advance(Duration.ofHours(1));
            DeckWatcherTest.run(appDir, "rm", "-rf", "cards");
            assertTrue(
                    within(
                            Duration.ofSeconds(5),
                            () -> importPage(app).contains("Live pick-up off since 2026-12-02 16:00:00 UTC")),
                    importPage(app));
            String off = importPage(app);
            assertTrue(off.contains("deck folder " + app.deck), "the page does not say why: " + off);

            // Retries while the folder is still missing do not move "since": it is when pick-up stopped.
            clock.advance(Duration.ofHours(1));
            Thread.sleep(2_500);
            String stillOff = importPage(app);
            assertTrue(stillOff.contains("Live pick-up off since 2026-12-02 16:00:00 UTC"), stillOff);

            // The folder comes back with a card already in it (moved into place at once): only a full sync can see that
            // card.
            Path back = Files.createDirectories(appDir.resolve("cards-back"));
            Files.writeString(back.resolve("while-off.md"), card("While off"));
            Files.move(back, app.deck);
            assertTrue(
                    within(
                            Duration.ofSeconds(10),
                            () -> importPage(app).contains("Live pick-up on since 2026-12-02 17:00:00 UTC")),
                    importPage(app));
            assertTrue(
                    DeckWatcherTest.appears(app, "while-off"),
                    "the card in the folder that came back was never imported");
        }
    }
}
