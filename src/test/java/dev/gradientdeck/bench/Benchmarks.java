package dev.gradientdeck.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The performance table of the README, measured in one run on this machine: import, start-up, pages under load beside a
 * the ceiling (GET /api/health) at 1 and 50 connections, the scheduler and queue (JMH), a descent run, resident memory, and fitting the scheduler's weights. Run with {@code mvn -B -Pbench verify}.
 */
public final class Benchmarks {
    static final int CARDS = Integer.getInteger("bench.cards", 10_000);
    static final int REVIEWS = Integer.getInteger("bench.reviews", 200_000);
    static final int CONNECTIONS = Integer.getInteger("bench.connections", 50);
    static final Duration LOAD = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
    /** The same JVM settings as the README's run command, so resident memory is what a learner gets. */
    static final List<String> SERVER_JVM = List.of(
            System.getProperty("bench.jvm", "-Xmx256m -XX:+UseSerialGC").trim().split("\\s+"));
    /** The run command's environment too (pom.xml's exec plugin): two malloc arenas. */
    static final java.util.Map<String, String> SERVER_ENV = java.util.Map.of("MALLOC_ARENA_MAX", "2");
    /** The weight fits and JMH take most of a run; {@code -Dbench.fits=false -Dbench.jmh=false} leaves the web and import figures. */
    static final boolean FITS = Boolean.parseBoolean(System.getProperty("bench.fits", "true"));

    static final boolean JMH = Boolean.parseBoolean(System.getProperty("bench.jmh", "true"));

    record Row(String what, String measured, String target) {}

    private final List<Row> rows = new ArrayList<>();
    private final Path dir = Path.of("target", "bench").toAbsolutePath();
    private final Path deck = dir.resolve("cards");
    private final Path db = dir.resolve("bench.sqlite");

    public static void main(String[] args) throws Exception {
        new Benchmarks().run();
        System.exit(0);
    }

    void run() throws Exception {
        prepare();
        importDeck();
        int written = new DeckGenerator(7).writeHistory(db, REVIEWS, Instant.now());
        System.out.printf("wrote %,d reviews%n", written);
        serve();
        if (FITS) {
            rows.addAll(FitBenchmark.run(dir, db));
            rows.addAll(LearnerFitBenchmark.run());
        }
        if (JMH) jmh();
        print();
    }

    private void prepare() throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        Files.createDirectories(deck);
        new DeckGenerator(42).writeCards(deck, CARDS);
        System.out.printf("generated %,d card files in %s%n", CARDS, deck);
    }

    /** Both syncs run as the `import` command a learner would run: a fresh JVM each, timed by the importer's own report. */
    private void importDeck() throws Exception {
        String cold = importCommand();
        String again = importCommand();
        rows.add(new Row(String.format("cold import of %,d card files", CARDS), seconds(cold), "< 5 s"));
        rows.add(new Row(String.format("re-sync, %,d files unchanged", CARDS), seconds(again), "< 1 s"));
    }

    private String importCommand() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(SERVER_JVM);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "dev.gradientdeck.App",
                "import",
                "--db",
                db.toString(),
                "--cards",
                deck.toString(),
                "--zone",
                "UTC"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(SERVER_ENV);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) throw new IllegalStateException("import failed:\n" + output);
        System.out.print(
                output.lines().filter(l -> l.contains("unchanged")).findFirst().orElse("") + "\n");
        return output;
    }

    /** The importer prints "... (1234 ms)" last. */
    private static String seconds(String importOutput) {
        var m = java.util.regex.Pattern.compile("\\((\\d+) ms\\)").matcher(importOutput);
        long millis = -1;
        while (m.find()) millis = Long.parseLong(m.group(1));
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }

    /** Pages measured beside the ceiling, one learner (1 connection) and under load (50). */
    private static final List<String[]> PAGES = List.of(
            new String[] {"review page", "/review"},
            new String[] {"card list, first page", "/cards"},
            new String[] {"card list, page 50", "/cards?page=50"},
            new String[] {"GET /api/cards (a page of 100)", "/api/cards"},
            new String[] {"stats page", "/stats"},
            new String[] {"papers page", "/papers"},
            new String[] {"search", "/search?q=gradient"});

    private void serve() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(SERVER_JVM);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "dev.gradientdeck.App",
                "serve",
                "--port",
                String.valueOf(port),
                "--db",
                db.toString(),
                "--cards",
                deck.toString(),
                "--zone",
                "UTC"));
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newHttpClient();
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile());
        builder.environment().putAll(SERVER_ENV);
        Process server = builder.start();
        try {
            while (true) {
                try {
                    if (http.send(
                                            HttpRequest.newBuilder(URI.create(base + "/"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) break;
                } catch (IOException notYet) {
                    if (!server.isAlive())
                        throw new IllegalStateException("the server exited; see " + dir.resolve("server.log"));
                    Thread.sleep(20);
                }
            }
            rows.add(new Row(
                    "restart to the first served page (database of " + String.format("%,d", CARDS) + " cards)",
                    String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - start) / 1e9),
                    "< 1.5 s"));

            for (int connections : List.of(1, CONNECTIONS)) {
                LoadGenerator.Result ceiling = load("GET /api/health (the ceiling)", base + "/api/health", connections);
                rows.add(loadRow(ceiling, connections, "the ceiling"));
                LoadGenerator.Result reviewAlone = null;
                for (String[] page : PAGES) {
                    LoadGenerator.Result r = load(page[0] + " (" + page[1] + ")", base + page[1], connections);
                    String target = connections == 1
                            ? "p99 < 30 ms"
                            : page[1].equals("/review")
                                    ? "≥ its 1-connection rate, ≥ 25 % of the ceiling, p99 < 60 ms"
                                    : "(measured)";
                    rows.add(loadRow(r, connections, target));
                    rows.add(new Row(
                            "  " + page[0] + " / ceiling",
                            String.format(
                                    Locale.ROOT, "%.0f %%", 100 * r.requestsPerSecond() / ceiling.requestsPerSecond()),
                            page[1].equals("/review") && connections > 1 ? "≥ 25 %" : "(measured)"));
                    if (page[1].equals("/review")) {
                        if (connections == 1) reviewAtOne = r.requestsPerSecond();
                        else
                            rows.add(new Row(
                                    "  review page, 50 connections / 1 connection",
                                    String.format(Locale.ROOT, "%.2f×", r.requestsPerSecond() / reviewAtOne),
                                    "≥ 1×"));
                    }
                }
            }
            descent(http, base);
            rows.add(new Row("resident memory after the load", residentMemory(server.pid()), "< 300 MB"));
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private double reviewAtOne = Double.NaN;

    private static LoadGenerator.Result load(String what, String url, int connections) throws InterruptedException {
        System.out.println("load: " + what + ", " + connections + (connections == 1 ? " connection" : " connections"));
        return LoadGenerator.run(what, url, connections, Duration.ofSeconds(3), LOAD);
    }

    private static Row loadRow(LoadGenerator.Result r, int connections, String target) {
        return new Row(
                r.what() + ", " + connections + (connections == 1 ? " connection" : " connections"),
                String.format(
                        Locale.ROOT,
                        "%,.0f req/s, p50 %.1f ms, p99 %.1f ms%s",
                        r.requestsPerSecond(),
                        r.p50Millis(),
                        r.p99Millis(),
                        r.errors() > 0 ? ", " + r.errors() + " errors" : ""),
                target);
    }

    private void descent(HttpClient http, String base) throws Exception {
        String spec =
                "{\"problem\": \"rosenbrock\", \"start\": {\"x\": -1.5, \"y\": 2}, \"optimizer\": {\"name\": \"adam\", \"lr\": 0.01}, \"steps\": 1000}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/descent/run"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(spec))
                .build();
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            rows.add(new Row("POST /api/descent/run, 1,000 Adam steps", "not available", "< 5 ms"));
            return;
        }
        for (int i = 0; i < 100; i++) http.send(request, HttpResponse.BodyHandlers.discarding());
        long[] nanos = new long[200];
        double[] serverMillis = new double[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            nanos[i] = System.nanoTime() - start;
            // The route reports its own time (reading the spec, running, writing the JSON) as Server-Timing:
            // run;dur=...
            serverMillis[i] = Double.parseDouble(response.headers()
                    .firstValue("Server-Timing")
                    .orElse("run;dur=NaN")
                    .replaceAll(".*dur=", ""));
        }
        Arrays.sort(nanos);
        Arrays.sort(serverMillis);
        rows.add(new Row(
                "POST /api/descent/run, 1,000 Adam steps (Rosenbrock)",
                String.format(
                        Locale.ROOT,
                        "median %.2f ms server time, %.2f ms round trip",
                        serverMillis[100],
                        nanos[100] / 1e6),
                "< 5 ms server time"));
    }

    private static String residentMemory(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                long kb = Long.parseLong(line.replaceAll("\\D", ""));
                return String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
            }
        }
        return "unknown";
    }

    private void jmh() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                        .include(SchedulerBenchmark.class.getSimpleName())
                        .include(QueueBenchmark.class.getSimpleName())
                        .include(DescentBenchmark.class.getSimpleName())
                        .forks(1)
                        .warmupIterations(3)
                        .warmupTime(TimeValue.seconds(1))
                        .measurementIterations(5)
                        .measurementTime(TimeValue.seconds(1))
                        .jvmArgsAppend("-Dbench.db=" + db)
                        .build())
                .run();
        for (RunResult r : results) {
            var score = r.getPrimaryResult();
            String name = r.getParams().getBenchmark().replaceAll("^.*\\.bench\\.", "");
            rows.add(new Row(
                    "JMH " + name,
                    String.format(
                            Locale.ROOT,
                            "%.2f ± %.2f %s",
                            score.getScore(),
                            score.getScoreError(),
                            score.getScoreUnit()),
                    "(measured)"));
        }
    }

    /** The machine's load average at the end of the run: on a shared machine, the context every figure needs. */
    private static String loadAverage() {
        try {
            return String.join(
                    " ",
                    java.util.Arrays.copyOf(
                            Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void print() throws IOException {
        StringBuilder table = new StringBuilder();
        table.append(String.format(
                "%n%,d cards, %,d reviews, 1 and %d connections, %d s per load run, server JVM %s (MALLOC_ARENA_MAX=2), %d cores, load average %s%n%n",
                CARDS,
                REVIEWS,
                CONNECTIONS,
                LOAD.toSeconds(),
                String.join(" ", SERVER_JVM),
                Runtime.getRuntime().availableProcessors(),
                loadAverage()));
        table.append("| what | measured | target |\n|---|---|---|\n");
        for (Row row : rows)
            table.append("| ")
                    .append(row.what())
                    .append(" | ")
                    .append(row.measured())
                    .append(" | ")
                    .append(row.target())
                    .append(" |\n");
        System.out.println(table);
        Files.writeString(dir.resolve("results.md"), table.toString());
    }
}
