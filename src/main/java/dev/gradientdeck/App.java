package dev.gradientdeck;

import dev.gradientdeck.anki.apply.AnkiImport;
import dev.gradientdeck.anki.apply.AnkiRepository;
import dev.gradientdeck.anki.web.AnkiCommand;
import dev.gradientdeck.cards.CardRepository;
import dev.gradientdeck.cards.DeckFolder;
import dev.gradientdeck.cards.DeckImporter;
import dev.gradientdeck.cards.ImportReport;
import dev.gradientdeck.db.Backups;
import dev.gradientdeck.db.DataVersion;
import dev.gradientdeck.db.Database;
import dev.gradientdeck.db.DatabaseLock;
import dev.gradientdeck.descent.DescentBlocks;
import dev.gradientdeck.descent.SimulateCommand;
import dev.gradientdeck.papers.PaperImportRepository;
import dev.gradientdeck.review.QueueChoiceRepository;
import dev.gradientdeck.review.ReviewRepository;
import dev.gradientdeck.review.Reviews;
import dev.gradientdeck.scheduler.OptimizeWeightsCommand;
import dev.gradientdeck.scheduler.SchedulerRepository;
import dev.gradientdeck.settings.SettingsRepository;
import dev.gradientdeck.settings.SettingsStore;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The command line: {@code serve} (the default), {@code import} and {@code simulate}. Bad options stop the app with one line and exit code 2. */
@Command(
        name = "gradient-deck",
        mixinStandardHelpOptions = true,
        version = "Gradient Deck " + App.VERSION,
        description = "Daily flashcard review and ML-interview practice, served on http://127.0.0.1:7070.",
        subcommands = {
            App.Serve.class,
            App.Import.class,
            App.ImportAnki.class,
            SimulateCommand.class,
            OptimizeWeightsCommand.class,
            App.Backup.class,
            App.Restore.class
        })
public final class App implements Callable<Integer> {
    public static final String VERSION = "0.1.0";

    @Mixin
    Options options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new App());
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("gradient-deck: " + e.getMessage());
            err.flush();
            return 2;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // A database this version must not touch is a clear one-line refusal, like a bad option.
            if (!(e instanceof Database.NewerDatabaseException) && !(e instanceof DatabaseLock.InUse)) throw e;
            cmd.getErr().println("gradient-deck: " + e.getMessage());
            cmd.getErr().flush();
            return 2;
        });
        return cli;
    }

    @Override
    public Integer call() throws Exception {
        return serve(options.settings(spec.commandLine()));
    }

    static int serve(Settings settings) throws Exception {
        Server server = Server.start(settings, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "shutdown"));
        System.out.println("Gradient Deck is running at http://" + hostForUrl(settings.host()) + ":" + server.port()
                + "/  (deck: " + settings.cards() + ", database: " + settings.database() + ")");
        stopped.await();
        return 0;
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Command(name = "serve", description = "Run the web app (the default).")
    static final class Serve implements Callable<Integer> {
        @Mixin
        Options options;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return serve(options.settings(spec.commandLine()));
        }
    }

    @Command(
            name = "import",
            description =
                    "Sync the deck folder into the database once, print the report; exit 1 if any file is broken.")
    static final class Import implements Callable<Integer> {
        @Mixin
        Options options;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Settings settings = options.settings(spec.commandLine());
            try (Database database = Database.open(settings.database())) {
                SettingsStore learner = new SettingsStore(
                        new SettingsRepository(database.jdbi()), settings.learnerDefaults(), Clock.systemUTC());
                DeckImporter importer = new DeckImporter(
                        new DeckFolder(settings.cards()),
                        new CardRepository(database.jdbi()),
                        new PaperImportRepository(database.jdbi()),
                        learner,
                        new DescentBlocks());
                ImportReport r = importer.sync("command line");
                PrintWriter out = spec.commandLine().getOut();
                out.printf(
                        "%d added, %d updated, %d unchanged, %d archived, %d restored, %d broken (%d ms)%n",
                        r.added(),
                        r.updated(),
                        r.unchanged(),
                        r.archived(),
                        r.restored(),
                        r.errors().size(),
                        r.millis());
                for (ImportReport.ImportError e : r.errors())
                    out.printf("%s:%d: %s%n", e.file(), e.line(), e.message());
                out.flush();
                return r.errors().isEmpty() ? 0 : 1;
            }
        }
    }

    @Command(
            name = "import-anki",
            description =
                    "Import an Anki package (.apkg or .colpkg) into the deck and the review log; print the report.")
    static final class ImportAnki implements Callable<Integer> {
        @Mixin
        Options options;

        @CommandLine.Parameters(paramLabel = "FILE", description = "The .apkg or .colpkg file.")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Settings settings = options.settings(spec.commandLine());
            try (Database database = Database.open(settings.database())) {
                SettingsStore learner = new SettingsStore(
                        new SettingsRepository(database.jdbi()), settings.learnerDefaults(), Clock.systemUTC());
                DeckFolder folder = new DeckFolder(settings.cards());
                CardRepository cards = new CardRepository(database.jdbi());
                DeckImporter importer = new DeckImporter(
                        folder, cards, new PaperImportRepository(database.jdbi()), learner, new DescentBlocks());
                // The history is replayed with the weights the app schedules with.
                Reviews reviews = new Reviews(
                        new ReviewRepository(database.jdbi()),
                        new QueueChoiceRepository(database.jdbi()),
                        new DataVersion(database.jdbi()),
                        learner,
                        new SchedulerRepository(database.jdbi()).inUse().weights());
                AnkiImport imports = AnkiImport.over(
                        new AnkiRepository(database.jdbi()), folder, importer, cards, reviews, learner::learnerClock);
                return AnkiCommand.run(
                        imports,
                        file,
                        spec.commandLine().getOut(),
                        spec.commandLine().getErr());
            }
        }
    }

    @Command(
            name = "backup",
            description = "Write a consistent copy of the database to FILE (safe while the app runs).")
    static final class Backup implements Callable<Integer> {
        @Mixin
        Options options;

        @CommandLine.Parameters(paramLabel = "FILE", description = "Where to write the copy; must not exist yet.")
        Path target;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            // Only read: the database may sit in a read-only folder (a mounted snapshot, another user's files).
            Settings settings = options.settings(spec.commandLine(), false);
            try {
                Backups.copy(settings.database(), target);
                spec.commandLine().getOut().println("Backed up " + settings.database() + " to " + target);
                return 0;
            } catch (java.io.IOException e) {
                throw new ParameterException(spec.commandLine(), "backup: " + e.getMessage());
            }
        }
    }

    @Command(
            name = "restore",
            description = "Replace the database with a backup FILE after checking it (stop the app first).")
    static final class Restore implements Callable<Integer> {
        @Mixin
        Options options;

        @CommandLine.Parameters(paramLabel = "FILE", description = "A backup written by 'backup' or a daily backup.")
        Path source;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Settings settings = options.settings(spec.commandLine());
            try (DatabaseLock lock = DatabaseLock.take(settings.database(), "restore")) {
                var saved = Backups.restore(source, settings.database());
                spec.commandLine()
                        .getOut()
                        .println("Restored " + source + " into " + settings.database()
                                + saved.map(p -> "; the database it replaced is kept as " + p)
                                        .orElse(""));
                return 0;
            } catch (java.io.IOException e) {
                throw new ParameterException(spec.commandLine(), "restore refused: " + e.getMessage());
            }
        }
    }

    /** The options every subcommand shares, with DESIGN section 3's defaults. */
    static final class Options {
        @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}).", defaultValue = "7070")
        int port;

        @Option(
                names = "--host",
                description = "Address to listen on (default: ${DEFAULT-VALUE}).",
                defaultValue = "127.0.0.1")
        String host;

        @Option(
                names = "--db",
                description = "SQLite database file (default: ${DEFAULT-VALUE}).",
                defaultValue = "db/gradient-deck.sqlite")
        Path db;

        @Option(
                names = "--cards",
                description = "Deck folder of markdown cards (default: ${DEFAULT-VALUE}).",
                defaultValue = "cards")
        Path cards;

        @Option(names = "--zone", description = "IANA time zone for day boundaries (default: the system zone).")
        String zone;

        @Option(
                names = "--day-starts-at",
                description = "Hour (0-23) when a new day starts (default: ${DEFAULT-VALUE}).",
                defaultValue = "4")
        int dayStartsAt;

        @Option(
                names = "--daily-goal",
                description = "Reviews or practice answers that make a day count (default: ${DEFAULT-VALUE}).",
                defaultValue = "1")
        int dailyGoal;

        @Option(
                names = "--new-per-day",
                description = "New cards introduced per day (default: ${DEFAULT-VALUE}).",
                defaultValue = "10")
        int newPerDay;

        @Option(
                names = "--fuzz",
                description = "Spread review intervals a little (default: ${DEFAULT-VALUE}).",
                defaultValue = "true",
                arity = "1")
        boolean fuzz;

        @Option(names = "--password", description = "Required to listen on an address other than loopback.")
        String password;

        @Option(
                names = "--public-url",
                description =
                        "The address learners open when it is not this machine's (e.g. https://deck.example.org); "
                                + "requests naming any other host are refused.")
        String publicUrl;

        Settings settings(CommandLine cli) {
            return settings(cli, true);
        }

        Settings settings(CommandLine cli, boolean writesDatabase) {
            if (port < 0 || port > 65535)
                throw new ParameterException(cli, "--port " + port + " is not a port (0-65535)");
            if (dayStartsAt < 0 || dayStartsAt > 23)
                throw new ParameterException(cli, "--day-starts-at " + dayStartsAt + " is not an hour (0-23)");
            if (dailyGoal < 1 || dailyGoal > 1000)
                throw new ParameterException(cli, "--daily-goal " + dailyGoal + " must be between 1 and 1000");
            if (newPerDay < 0 || newPerDay > 10000)
                throw new ParameterException(cli, "--new-per-day " + newPerDay + " must be between 0 and 10000");
            ZoneId zoneId;
            try {
                zoneId = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw new ParameterException(
                        cli, "--zone '" + zone + "' is not a time zone (use an IANA name like Europe/London)");
            }
            if (!Files.isDirectory(cards)) throw new ParameterException(cli, "--cards " + cards + " is not a folder");
            if (writesDatabase) checkWritable(cli, db);
            else if (!Files.isRegularFile(db))
                throw new ParameterException(cli, "--db " + db + " is not a database file");
            if (!isLoopback(host) && (password == null || password.isBlank())) {
                throw new ParameterException(
                        cli,
                        "--host " + host
                                + " is reachable from other machines; set --password to protect it, or use 127.0.0.1");
            }
            return new Settings(
                    host,
                    port,
                    db,
                    cards,
                    zoneId,
                    dayStartsAt,
                    dailyGoal,
                    newPerDay,
                    fuzz,
                    Optional.ofNullable(password).filter(p -> !p.isBlank()),
                    publicUrl(cli));
        }

        private Optional<java.net.URI> publicUrl(CommandLine cli) {
            if (publicUrl == null || publicUrl.isBlank()) return Optional.empty();
            try {
                java.net.URI uri = new java.net.URI(publicUrl.strip());
                if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new java.net.URISyntaxException(publicUrl, "not an http(s) address with a host name");
                }
                return Optional.of(uri);
            } catch (java.net.URISyntaxException e) {
                throw new ParameterException(
                        cli, "--public-url '" + publicUrl + "' is not an address like https://deck.example.org");
            }
        }

        private static void checkWritable(CommandLine cli, Path db) {
            Path absolute = db.toAbsolutePath();
            if (Files.isDirectory(absolute))
                throw new ParameterException(cli, "--db " + db + " is a folder, not a database file");
            if (Files.exists(absolute)) {
                if (!Files.isWritable(absolute)) throw new ParameterException(cli, "--db " + db + " is not writable");
                return;
            }
            Path dir = absolute.getParent();
            while (dir != null && !Files.exists(dir)) dir = dir.getParent();
            if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
                throw new ParameterException(
                        cli,
                        "--db " + db + " cannot be created: " + (dir == null ? "no folder" : dir + " is not writable"));
            }
        }

        private static boolean isLoopback(String host) {
            try {
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
    }
}
