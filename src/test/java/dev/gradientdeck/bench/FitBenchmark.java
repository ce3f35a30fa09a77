package dev.gradientdeck.bench;

import dev.gradientdeck.review.Fsrs;
import dev.gradientdeck.review.FsrsSettings;
import dev.gradientdeck.review.Memory;
import dev.gradientdeck.review.Rating;
import dev.gradientdeck.review.fit.BatchOrder;
import dev.gradientdeck.review.fit.FitProgress;
import dev.gradientdeck.review.fit.FsrsOptimizer;
import dev.gradientdeck.review.fit.Items;
import dev.gradientdeck.review.fit.LearnerFit;
import dev.gradientdeck.review.fit.TrainingConfig;
import dev.gradientdeck.scheduler.ReviewLogCsv;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Fitting FSRS weights: the {@code optimize-weights} command in a fresh JVM with the app's heap (what a learner waits for,
 * JVM start included) on a 30,000-review learner and on the benchmark's 200,000-review history, and the same fits in
 * process, without and with the app's held-out check.
 */
final class FitBenchmark {
    private FitBenchmark() {}

    static List<Benchmarks.Row> run(Path dir, Path db) throws Exception {
        List<Benchmarks.Row> rows = new ArrayList<>();
        Path learner = dir.resolve("learner-30k.csv");
        int written = writeLearner(learner, 30_000, 7);
        Path history = dir.resolve("history-200k.csv");
        int exported = export(db, history);
        for (Object[] log : new Object[][] {
            {learner, written, "≤ 3 × native fsrs-rs + JVM start (≈ 3 s)"}, {history, exported, "< 10 s"}
        }) {
            Path file = (Path) log[0];
            double[] seconds = new double[3];
            for (int i = 0; i < seconds.length; i++) seconds[i] = command(file);
            Arrays.sort(seconds);
            rows.add(new Benchmarks.Row(
                    String.format(Locale.ROOT, "optimize-weights, %,d reviews (fresh JVM, -Xmx256m, median of 3)", (int)
                            log[1]),
                    String.format(Locale.ROOT, "%.2f s", seconds[1]),
                    (String) log[2]));
            Items.Built built = Items.fromLog(ReviewLogCsv.parse(Files.readAllLines(file)), ZoneOffset.UTC, 4);
            TrainingConfig config = TrainingConfig.defaults();
            FsrsOptimizer.fit(built.items(), config, BatchOrder.shuffled(2023), FitProgress.NONE);
            long start = System.nanoTime();
            FsrsOptimizer.fit(built.items(), config, BatchOrder.shuffled(2023), FitProgress.NONE);
            double fit = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            LearnerFit.run(
                    built.items(), built.answersUsed(), FsrsOptimizer.defaults(), config, new LearnerFit.Progress() {});
            double whole = (System.nanoTime() - start) / 1e9;
            rows.add(new Benchmarks.Row(
                    String.format(
                            Locale.ROOT,
                            "  in process: fit of %,d items / with the 5-fold held-out check",
                            built.items().size()),
                    String.format(Locale.ROOT, "%.2f s / %.2f s", fit, whole),
                    "(measured)"));
        }
        return rows;
    }

    private static double command(Path log) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Benchmarks.SERVER_JVM);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "dev.gradientdeck.App",
                "optimize-weights",
                log.toString(),
                "--zone",
                "UTC"));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) throw new IllegalStateException("optimize-weights failed:\n" + output);
        return (System.nanoTime() - start) / 1e9;
    }

    /** The benchmark database's review log as the command reads it. */
    private static int export(Path db, Path csv) throws Exception {
        int rows = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT card_id, reviewed_at, rating FROM reviews ORDER BY id");
                BufferedWriter out = Files.newBufferedWriter(csv)) {
            out.write("card_id,review_time,rating\n");
            while (rs.next()) {
                out.write(rs.getLong(1) + "," + java.time.Instant.ofEpochMilli(rs.getLong(2)) + "," + rs.getInt(3)
                        + "\n");
                rows++;
            }
        }
        return rows;
    }

    /**
     * A year of a learner whose memory is FSRS with weights of their own (the defaults nudged), scheduled by the defaults at
     * 90 %: new cards daily, learning steps the same day, recall drawn from their true memory. Stops at {@code reviews}.
     */
    static int writeLearner(Path csv, int reviews, long seed) throws Exception {
        List<Double> truth = new ArrayList<>(FsrsSettings.DEFAULT_WEIGHTS);
        truth.set(2, 4.0);
        truth.set(8, 2.1);
        truth.set(20, 0.25);
        FsrsSettings d = FsrsSettings.defaults();
        Fsrs memory =
                new Fsrs(new FsrsSettings(truth, 0.9, d.learningSteps(), d.relearningSteps(), 36500, true, false));
        Fsrs scheduler = new Fsrs(d);
        SplittableRandom random = new SplittableRandom(seed);
        Instant start = Instant.parse("2025-01-01T08:00:00Z");
        List<String> lines = new ArrayList<>();
        int card = 0;
        while (lines.size() < reviews) {
            card++;
            int day = (card - 1) / 8 % 365;
            Rating rating = Rating.of(random.nextDouble() < 0.2 ? 1 : random.nextDouble() < 0.85 ? 3 : 4);
            Memory mine = memory.initialMemory(rating);
            Memory believed = scheduler.initialMemory(rating);
            lines.add(line(card, start, day, 0, rating));
            if (rating != Rating.EASY) {
                rating = Rating.GOOD;
                mine = memory.nextMemory(mine, 0, rating);
                believed = scheduler.nextMemory(believed, 0, rating);
                lines.add(line(card, start, day, 10, rating));
            }
            while (lines.size() < reviews) {
                int interval = (int) scheduler.nextInterval(believed.stability())
                        + (random.nextDouble() < 0.2 ? 1 + random.nextInt(3) : 0);
                if (day + interval >= 365) break;
                day += interval;
                boolean recalled = random.nextDouble() < memory.retrievability(interval, mine.stability());
                rating = recalled
                        ? Rating.of(random.nextDouble() < 0.1 ? 2 : random.nextDouble() < 0.95 ? 3 : 4)
                        : Rating.AGAIN;
                mine = memory.nextMemory(mine, interval, rating);
                believed = scheduler.nextMemory(believed, interval, rating);
                lines.add(line(card, start, day, 0, rating));
                if (!recalled) {
                    mine = memory.nextMemory(mine, 0, Rating.GOOD);
                    believed = scheduler.nextMemory(believed, 0, Rating.GOOD);
                    lines.add(line(card, start, day, 10, Rating.GOOD));
                }
            }
        }
        Files.writeString(csv, "card_id,review_time,rating\n" + String.join("\n", lines.subList(0, reviews)) + "\n");
        return reviews;
    }

    private static String line(int card, Instant start, int day, int minutes, Rating rating) {
        return card + "," + start.plusSeconds(day * 86_400L + minutes * 60L) + "," + rating.value();
    }
}
