package dev.gradientdeck;

import dev.gradientdeck.cards.CardRepository;
import dev.gradientdeck.cards.CardRoutes;
import dev.gradientdeck.cards.DeckFolder;
import dev.gradientdeck.cards.DeckImporter;
import dev.gradientdeck.cards.DeckWatcher;
import dev.gradientdeck.db.Database;
import dev.gradientdeck.practice.Practice;
import dev.gradientdeck.practice.PracticeRoutes;
import dev.gradientdeck.review.FsrsSettings;
import dev.gradientdeck.review.ReviewRepository;
import dev.gradientdeck.review.ReviewRoutes;
import dev.gradientdeck.review.Reviews;
import dev.gradientdeck.web.WebServer;
import io.javalin.Javalin;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

/** The running app: database, deck sync and watcher, practice transcription, web server; closed in the reverse order. */
public final class Server implements AutoCloseable {
    private final Database database;
    private final DeckWatcher watcher;
    private final Practice practice;
    private final Javalin web;

    private Server(Database database, DeckWatcher watcher, Practice practice, Javalin web) {
        this.database = database;
        this.watcher = watcher;
        this.practice = practice;
        this.web = web;
    }

    public static Server start(Settings settings, Clock clock) throws IOException {
        Database database = Database.open(settings.database());
        try {
            DeckFolder folder = new DeckFolder(settings.cards());
            CardRepository cards = new CardRepository(database.jdbi());
            DeckImporter importer = new DeckImporter(folder, cards, clock, settings.zone());
            importer.sync("start");
            DeckWatcher watcher = new DeckWatcher(folder.root(), importer);
            Reviews reviews = new Reviews(new ReviewRepository(database.jdbi()), clock, settings.zone(), settings.dayStartHour(),
                    settings.newPerDay(), FsrsSettings.defaults().withFuzz(settings.fuzz()));
            Practice practice = Practice.open(database.jdbi(), settings.database().toAbsolutePath().getParent(), cards, reviews,
                    clock, settings.zone(), settings.dayStartHour());
            Javalin web = WebServer.create(List.of(
                    new CardRoutes(cards, importer, folder, reviews),
                    new ReviewRoutes(reviews, cards),
                    new PracticeRoutes(practice, cards, reviews, settings.zone())));
            web.start(settings.host(), settings.port());
            return new Server(database, watcher, practice, web);
        } catch (IOException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public int port() {
        return web.port();
    }

    @Override
    public void close() {
        web.stop();
        practice.close();
        try {
            watcher.close();
        } catch (IOException ignored) {
            // The watcher's only resource is the watch service; failing to close it at shutdown loses nothing.
        }
        database.close();
    }
}
