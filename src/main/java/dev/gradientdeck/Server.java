package dev.gradientdeck;

import dev.gradientdeck.cards.CardRepository;
import dev.gradientdeck.cards.CardRoutes;
import dev.gradientdeck.cards.DeckFolder;
import dev.gradientdeck.cards.DeckImporter;
import dev.gradientdeck.cards.DeckWatcher;
import dev.gradientdeck.db.Database;
import dev.gradientdeck.descent.DescentRepository;
import dev.gradientdeck.descent.DescentRoutes;
import dev.gradientdeck.review.FsrsSettings;
import dev.gradientdeck.review.ReviewRepository;
import dev.gradientdeck.review.ReviewRoutes;
import dev.gradientdeck.review.Reviews;
import dev.gradientdeck.web.WebServer;
import io.javalin.Javalin;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

/** The running app: database, deck sync and watcher, web server; closed in the reverse order. */
public final class Server implements AutoCloseable {
    private final Database database;
    private final DeckWatcher watcher;
    private final Javalin web;

    private Server(Database database, DeckWatcher watcher, Javalin web) {
        this.database = database;
        this.watcher = watcher;
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
            DescentRoutes descent = new DescentRoutes(new DescentRepository(database.jdbi()), cards, reviews);
            Javalin web = WebServer.create(List.of(
                    new CardRoutes(cards, importer, folder, reviews, descent),
                    new ReviewRoutes(reviews, cards),
                    descent));
            web.start(settings.host(), settings.port());
            return new Server(database, watcher, web);
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
        try {
            watcher.close();
        } catch (IOException ignored) {
            // The watcher's only resource is the watch service; failing to close it at shutdown loses nothing.
        }
        database.close();
    }
}
