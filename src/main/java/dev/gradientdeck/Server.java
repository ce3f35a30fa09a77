package dev.gradientdeck;

import dev.gradientdeck.anki.apply.AnkiImport;
import dev.gradientdeck.anki.apply.AnkiRepository;
import dev.gradientdeck.anki.export.AnkiExport;
import dev.gradientdeck.anki.web.AnkiRoutes;
import dev.gradientdeck.cards.CardRepository;
import dev.gradientdeck.cards.CardRoutes;
import dev.gradientdeck.cards.DeckFolder;
import dev.gradientdeck.cards.DeckImporter;
import dev.gradientdeck.cards.DeckOverview;
import dev.gradientdeck.cards.DeckWatcher;
import dev.gradientdeck.db.Backups;
import dev.gradientdeck.db.DataVersion;
import dev.gradientdeck.db.Database;
import dev.gradientdeck.db.DatabaseLock;
import dev.gradientdeck.descent.DescentBlocks;
import dev.gradientdeck.descent.web.DescentRepository;
import dev.gradientdeck.descent.web.DescentRoutes;
import dev.gradientdeck.home.HomeRoutes;
import dev.gradientdeck.papers.PaperImportRepository;
import dev.gradientdeck.papers.PaperRepository;
import dev.gradientdeck.papers.PaperRoutes;
import dev.gradientdeck.papers.SearchRepository;
import dev.gradientdeck.papers.SearchRoutes;
import dev.gradientdeck.practice.Practice;
import dev.gradientdeck.practice.PracticeRepository;
import dev.gradientdeck.practice.interview.InterviewRepository;
import dev.gradientdeck.practice.interview.Interviews;
import dev.gradientdeck.practice.web.InterviewRoutes;
import dev.gradientdeck.practice.web.PracticeRoutes;
import dev.gradientdeck.review.Grading;
import dev.gradientdeck.review.QueueChoiceRepository;
import dev.gradientdeck.review.ReviewRepository;
import dev.gradientdeck.review.ReviewRoutes;
import dev.gradientdeck.review.Reviews;
import dev.gradientdeck.scheduler.FitRuns;
import dev.gradientdeck.scheduler.SchedulerParameters;
import dev.gradientdeck.scheduler.SchedulerRepository;
import dev.gradientdeck.scheduler.SchedulerRoutes;
import dev.gradientdeck.settings.SettingsRepository;
import dev.gradientdeck.settings.SettingsRoutes;
import dev.gradientdeck.settings.SettingsStore;
import dev.gradientdeck.streaks.Stats;
import dev.gradientdeck.streaks.StatsRoutes;
import dev.gradientdeck.streaks.StreakRepository;
import dev.gradientdeck.web.Health;
import dev.gradientdeck.web.Login;
import dev.gradientdeck.web.WebServer;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/** The running app: database, deck sync and watcher, practice transcription, web server; closed in the reverse order. */
public final class Server implements AutoCloseable {
    private final Database database;
    private final DeckWatcher watcher;
    private final Practice practice;
    private final FitRuns fits;
    private final Javalin web;
    private final ScheduledExecutorService chores;
    private final DatabaseLock lock;

    private Server(
            DatabaseLock lock,
            Database database,
            DeckWatcher watcher,
            Practice practice,
            FitRuns fits,
            Javalin web,
            ScheduledExecutorService chores) {
        this.lock = lock;
        this.database = database;
        this.watcher = watcher;
        this.practice = practice;
        this.fits = fits;
        this.web = web;
        this.chores = chores;
    }

    public static Server start(Settings settings, Clock clock) throws IOException {
        // Held while the app runs, so a restore or a second app on the same database refuses instead of losing answers.
        DatabaseLock lock = DatabaseLock.take(settings.database(), "serve");
        Database database;
        try {
            database = Database.open(settings.database());
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        try {
            DeckFolder folder = new DeckFolder(settings.cards());
            CardRepository cards = new CardRepository(database.jdbi());
            PaperRepository papers = new PaperRepository(database.jdbi());
            SettingsStore learner =
                    new SettingsStore(new SettingsRepository(database.jdbi()), settings.learnerDefaults(), clock);
            DeckImporter importer = new DeckImporter(
                    folder, cards, new PaperImportRepository(database.jdbi()), learner, new DescentBlocks());
            // The first start imports the deck before serving; later starts serve what is stored at once and catch up
            // on
            // file changes in the background, so a large deck does not delay the first page.
            boolean firstRun = cards.isEmpty();
            if (firstRun) importer.sync("start");
            DeckWatcher watcher = new DeckWatcher(folder.root(), importer, clock);
            DataVersion version = new DataVersion(database.jdbi());
            DeckOverview overview = new DeckOverview(cards, version);
            ReviewRepository reviewLog = new ReviewRepository(database.jdbi());
            SchedulerRepository schedulerRepository = new SchedulerRepository(database.jdbi());
            // The weights in use are stored: the review loop starts with them.
            Reviews reviews = new Reviews(
                    reviewLog,
                    new QueueChoiceRepository(database.jdbi()),
                    version,
                    learner,
                    schedulerRepository.inUse().weights());
            SchedulerParameters schedulerParameters =
                    new SchedulerParameters(schedulerRepository, reviews, learner, clock);
            FitRuns fits = new FitRuns(schedulerRepository, reviewLog, schedulerParameters, learner);
            Grading grading = new Grading(reviews);
            Stats stats = new Stats(new StreakRepository(database.jdbi()), version, learner);
            Practice practice = Practice.open(
                    new PracticeRepository(database.jdbi()),
                    settings.database().toAbsolutePath().getParent(),
                    cards,
                    grading,
                    learner::learnerClock);
            Interviews interviews =
                    new Interviews(new InterviewRepository(database.jdbi()), practice, reviews, learner::learnerClock);
            derivePromptsOnChange(learner, importer);
            DescentRoutes descent = new DescentRoutes(new DescentRepository(database.jdbi()), cards, reviews, grading);
            AnkiRoutes anki = new AnkiRoutes(
                    AnkiImport.over(
                            new AnkiRepository(database.jdbi()),
                            folder,
                            importer,
                            cards,
                            reviews,
                            learner::learnerClock),
                    new AnkiExport(cards, reviews, reviews.pastAnswers(), folder.root(), learner::learnerClock),
                    folder.root());
            List<WebServer.Routes> features = new ArrayList<>();
            // The password gate comes first so its check runs before every other handler.
            settings.password().ifPresent(password -> features.add(new Login(password, clock)));
            features.addAll(List.of(
                    new Health(App.VERSION, importer::activeCards, watcher::watching),
                    new HomeRoutes(cards, overview, reviews, stats),
                    new CardRoutes(cards, importer, folder, reviews, descent, overview, anki, watcher::status),
                    new ReviewRoutes(reviews, cards),
                    new StatsRoutes(stats, reviews),
                    new PaperRoutes(papers),
                    new SearchRoutes(new SearchRepository(database.jdbi())),
                    new PracticeRoutes(
                            practice,
                            interviews,
                            cards,
                            grading,
                            () -> learner.current().zone()),
                    new InterviewRoutes(
                            interviews,
                            practice,
                            cards,
                            grading,
                            () -> learner.current().zone()),
                    new SettingsRoutes(learner),
                    new SchedulerRoutes(schedulerParameters, schedulerRepository, fits, reviewLog, version, learner),
                    descent,
                    anki));
            Javalin web = WebServer.create(features, new dev.gradientdeck.web.HostCheck(settings.ownNames()));
            web.start(settings.host(), settings.port());
            if (!firstRun) watcher.syncSoon();
            return new Server(
                    lock, database, watcher, practice, fits, web, dailyBackups(database, settings.database(), learner));
        } catch (RuntimeException e) {
            database.close();
            lock.close();
            throw e;
        }
    }

    /** Turning paper prompts on or off makes or archives prompt cards at once, before the settings page answers. */
    private static void derivePromptsOnChange(SettingsStore learner, DeckImporter importer) {
        boolean[] derivedWith = {learner.current().paperPrompts()};
        learner.onChange(now -> {
            if (now.paperPrompts() == derivedWith[0]) return;
            derivedWith[0] = now.paperPrompts();
            importer.sync("settings");
        });
    }

    /** Checks hourly whether today's backup exists, so a learner who leaves the app running still gets one a day. */
    private static ScheduledExecutorService dailyBackups(Database database, Path file, SettingsStore learner) {
        ScheduledExecutorService chores = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "daily-backup");
            t.setDaemon(true);
            return t;
        });
        chores.scheduleWithFixedDelay(
                () -> {
                    try {
                        Backups.dailyIfDue(
                                database.jdbi(),
                                file,
                                learner.learnerClock().today().date());
                    } catch (IOException | RuntimeException e) {
                        LoggerFactory.getLogger(Server.class).warn("daily backup failed: {}", e.getMessage());
                    }
                },
                5,
                3600,
                TimeUnit.SECONDS);
        return chores;
    }

    public int port() {
        return web.port();
    }

    @Override
    public void close() {
        chores.shutdownNow();
        web.stop();
        fits.close();
        practice.close();
        try {
            watcher.close();
        } catch (IOException ignored) {
            // The watcher's only resource is the watch service; failing to close it at shutdown loses nothing.
        }
        database.close();
        lock.close();
    }
}
