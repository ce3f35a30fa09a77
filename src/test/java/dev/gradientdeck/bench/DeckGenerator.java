package dev.gradientdeck.bench;

import dev.gradientdeck.days.DayKey;
import dev.gradientdeck.review.FsrsSettings;
import dev.gradientdeck.review.Outcome;
import dev.gradientdeck.review.Rating;
import dev.gradientdeck.review.Schedule;
import dev.gradientdeck.review.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deck as a long-time learner has it: N card files of realistic size (tags, math, key points, papers, some descent specs)
 * and a review history of M reviews over the last year, scheduled by the real FSRS core. Seeded, so every run is the same.
 */
public final class DeckGenerator {
    private static final String[] TOPICS = {
        "Gradient",
        "Momentum",
        "Adam",
        "Attention",
        "Dropout",
        "BatchNorm",
        "Convexity",
        "Backprop",
        "Tokenizer",
        "Pruning",
        "Sparsity",
        "Residual",
        "Embedding",
        "Softmax",
        "Entropy",
        "Regularization",
        "Overfitting",
        "Schedules",
        "Warmup",
        "Hessian",
        "Jacobian",
        "Saddle",
        "Newton",
        "Quantization",
        "Distillation",
        "Transformer",
        "LayerNorm",
        "RMSprop",
        "Adagrad",
        "Nesterov",
        "Bias",
        "Variance",
        "Kernel",
        "Bayes",
        "Sampling",
        "Beam",
        "Perplexity",
        "Calibration",
        "Features",
        "Superposition"
    };
    private static final String[] SPECS = {
        "problem: line-fit\nloss: mse\ndata: {x: [1, 2, 3, 4, 5], y: [2, 4, 5, 4, 5]}\nstart: {w: 0, b: 0}\noptimizer: {name: sgd, lr: 0.01}\nsteps: 20\npredict: {steps: 2, ask: [gradient, params]}\n",
        "problem: rosenbrock\nstart: {x: -1.5, y: 2}\noptimizer: {name: adam, lr: 0.05}\nsteps: 200\npredict: {steps: 1, ask: [gradient]}\n",
        "problem: quadratic\nconstants: {a: 2, c: 3}\nstart: {w: 0}\noptimizer: {name: momentum, lr: 0.1, momentum: 0.9}\nsteps: 30\npredict: {steps: 2, ask: [params]}\n"
    };

    private final SplittableRandom random;

    public DeckGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public void writeCards(Path deck, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            String topic = TOPICS[i % TOPICS.length];
            Path file = deck.resolve("deck-" + (i % 20)).resolve(String.format("%s-%05d.md", topic.toLowerCase(), i));
            Files.createDirectories(file.getParent());
            Files.writeString(file, card(i, topic));
        }
    }

    private String card(int i, String topic) {
        StringBuilder text = new StringBuilder(3000);
        text.append("# ").append(topic).append(" question ").append(i).append('\n');
        text.append("#Tags: #")
                .append(topic)
                .append(" #")
                .append(TOPICS[random.nextInt(TOPICS.length)])
                .append(" #Interview\n\n");
        text.append("# Interview Question\nExplain how ")
                .append(topic.toLowerCase())
                .append(" changes the gradient $\\nabla_\\theta L$ during training, and when it fails. Case ")
                .append(i)
                .append(".\n\n");
        if (i % 10 == 0)
            text.append("```descent\n").append(SPECS[i % SPECS.length]).append("```\n\n");
        text.append("# Answer\n");
        for (int p = 0; p < 4; p++) {
            text.append("The ")
                    .append(topic.toLowerCase())
                    .append(" view: the update $w_{t+1} = w_t - \\eta g_t$ depends on ")
                    .append("the step size, the curvature of the loss and the noise of the mini-batch gradient. ")
                    .append("With a **large** learning rate the iterate overshoots; with a small one it crawls, ")
                    .append("and *adaptive* methods rescale each coordinate by a running estimate of its scale. ")
                    .append("In practice one checks the loss curve, the gradient norm and the effective step.\n\n");
        }
        text.append("$$\\theta \\leftarrow \\theta - \\frac{\\eta}{\\sqrt{\\hat v_t} + \\epsilon} \\hat m_t$$\n\n");
        text.append(
                        "# Key points\n- the step is the learning rate times the gradient\n- curvature limits the stable step\n")
                .append("- noise in the gradient needs a smaller step or averaging\n- check the loss curve\n\n");
        text.append("# Papers read\n");
        for (int p = 0; p < 1 + random.nextInt(2); p++) {
            int paper = random.nextInt(2000);
            text.append("- [A study of ")
                    .append(topic.toLowerCase())
                    .append(" number ")
                    .append(paper)
                    .append("](https://arxiv.org/abs/")
                    .append(2000 + paper / 100)
                    .append('.')
                    .append(String.format("%05d", paper))
                    .append(")\n")
                    .append("    - Finds that ")
                    .append(topic.toLowerCase())
                    .append(" matters for paper ")
                    .append(paper)
                    .append(".\n");
        }
        return text.toString();
    }

    /**
     * Writes M reviews spread over the year before {@code now}, card by card, with the schedule FSRS gives each answer,
     * and the derived schedules, in one transaction. Returns the number written.
     */
    public int writeHistory(Path database, int reviews, Instant now) throws SQLException {
        FsrsSettings settings = FsrsSettings.defaults().withFuzz(true);
        Instant yearAgo = now.minus(Duration.ofDays(365));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            c.setAutoCommit(false);
            List<Long> cards = new ArrayList<>();
            List<Instant> created = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id, created_at FROM cards WHERE archived = 0 ORDER BY id")) {
                while (rs.next()) {
                    cards.add(rs.getLong(1));
                    created.add(Instant.parse(rs.getString(2)));
                }
            }
            // A hard deck reviewed for a year: twice the average per card allowed, so the total is reached before
            // "now".
            int perCard = Math.max(1, 2 * reviews / Math.max(1, cards.size()));
            int written = 0;
            try (PreparedStatement log = c.prepareStatement("""
                    INSERT INTO reviews (card_id, reviewed_at, day_key, rating, state_before, state_after, step_after, stability, difficulty,
                                         elapsed_days, scheduled_days, due, reps, lapses, fuzz_seed, duration_ms)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement schedule = c.prepareStatement("""
                         INSERT INTO card_schedules (card_id, state, step, stability, difficulty, due, last_review, reps, lapses, review_id)
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int k = 0; k < cards.size() && written < reviews; k++) {
                    long cardId = cards.get(k);
                    Schedule current = Schedule.fresh(created.get(k));
                    Instant at = yearAgo.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 30)));
                    long reviewId = -1;
                    for (int r = 0; r < perCard && at.isBefore(now) && written < reviews; r++) {
                        Rating rating = rating();
                        long elapsed = current.lastReview() == null
                                ? 0
                                : ChronoUnit.DAYS.between(
                                        DayKey.of(current.lastReview(), ZoneOffset.UTC, 4)
                                                .date(),
                                        DayKey.of(at, ZoneOffset.UTC, 4).date());
                        long seed = cardId * 1_000_003L + current.reps();
                        Outcome outcome = Scheduler.answer(current, rating, at, Math.max(0, elapsed), seed, settings);
                        Schedule next = outcome.schedule();
                        var memory = memory(next);
                        log.setLong(1, cardId);
                        log.setLong(2, at.toEpochMilli());
                        log.setString(3, DayKey.of(at, ZoneOffset.UTC, 4).date().toString());
                        log.setInt(4, rating.value());
                        log.setString(5, current.state().name());
                        log.setString(6, next.state().name());
                        log.setInt(7, step(next));
                        log.setDouble(8, memory[0]);
                        log.setDouble(9, memory[1]);
                        log.setLong(10, Math.max(0, elapsed));
                        log.setLong(11, outcome.scheduledDays());
                        log.setLong(12, next.due().toEpochMilli());
                        log.setInt(13, next.reps());
                        log.setInt(14, next.lapses());
                        log.setLong(15, seed);
                        log.setLong(16, 3000 + random.nextInt(20000));
                        log.executeUpdate();
                        try (ResultSet keys = log.getGeneratedKeys()) {
                            keys.next();
                            reviewId = keys.getLong(1);
                        }
                        current = next;
                        written++;
                        // The learner comes back when the card is due (or the next day), at a random time of day.
                        Instant due = next.due();
                        at = (due.isAfter(at) ? due : at.plus(Duration.ofDays(1)))
                                .plus(Duration.ofMinutes(random.nextInt(600)));
                    }
                    if (reviewId > 0) {
                        var memory = memory(current);
                        schedule.setLong(1, cardId);
                        schedule.setString(2, current.state().name());
                        schedule.setInt(3, step(current));
                        schedule.setDouble(4, memory[0]);
                        schedule.setDouble(5, memory[1]);
                        schedule.setLong(6, current.due().toEpochMilli());
                        schedule.setLong(7, current.lastReview().toEpochMilli());
                        schedule.setInt(8, current.reps());
                        schedule.setInt(9, current.lapses());
                        schedule.setLong(10, reviewId);
                        schedule.addBatch();
                    }
                }
                schedule.executeBatch();
            }
            c.commit();
            return written;
        }
    }

    private Rating rating() {
        int roll = random.nextInt(100);
        return roll < 25 ? Rating.AGAIN : roll < 35 ? Rating.HARD : roll < 95 ? Rating.GOOD : Rating.EASY;
    }

    private static double[] memory(Schedule s) {
        if (s.state() instanceof dev.gradientdeck.review.CardState.Learning l)
            return new double[] {l.memory().stability(), l.memory().difficulty()};
        if (s.state() instanceof dev.gradientdeck.review.CardState.Review r)
            return new double[] {r.memory().stability(), r.memory().difficulty()};
        if (s.state() instanceof dev.gradientdeck.review.CardState.Relearning r)
            return new double[] {r.memory().stability(), r.memory().difficulty()};
        throw new IllegalStateException("an answered card has a memory");
    }

    private static int step(Schedule s) {
        if (s.state() instanceof dev.gradientdeck.review.CardState.Learning l) return l.step();
        if (s.state() instanceof dev.gradientdeck.review.CardState.Relearning r) return r.step();
        return 0;
    }
}
