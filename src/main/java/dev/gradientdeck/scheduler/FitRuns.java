package dev.gradientdeck.scheduler;

import dev.gradientdeck.review.ReviewRepository;
import dev.gradientdeck.review.fit.FitReport;
import dev.gradientdeck.review.fit.Items;
import dev.gradientdeck.review.fit.LearnerFit;
import dev.gradientdeck.review.fit.LoggedAnswer;
import dev.gradientdeck.review.fit.TrainingConfig;
import dev.gradientdeck.settings.LearnerSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.LoggerFactory;

/**
 * Fits run in the background, one at a time, on the learner's log as it is when the fit starts; while one runs its progress
 * (phase, epoch, step, the loss of every step, the weights now) is kept here for the page to poll, and the finished report
 * is stored.
 */
public final class FitRuns implements AutoCloseable {
    private final SchedulerRepository store;
    private final ReviewRepository log;
    private final SchedulerParameters parameters;
    private final LearnerSettings.Source learner;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "weight-fit");
        t.setDaemon(true);
        return t;
    });
    private volatile Live running;

    public FitRuns(
            SchedulerRepository store,
            ReviewRepository log,
            SchedulerParameters parameters,
            LearnerSettings.Source learner) {
        this.store = store;
        this.log = log;
        this.parameters = parameters;
        this.learner = learner;
        store.interruptRunning(learner.clock().instant());
    }

    /**
     * A short log fits in a blink; the descent is paced to last at least this long so the learner can watch it. Longer fits
     * are never slowed.
     */
    static final long WATCHABLE_NANOS = 2_500_000_000L;

    /** A fit while it runs. Fields are written by the fitting thread and read by requests. */
    public static final class Live implements LearnerFit.Progress {
        private final long paceStart = System.nanoTime();
        public final long id;
        public final Instant startedAt;
        volatile String phase = "reading your review log";
        volatile int epoch;
        volatile int step;
        volatile int steps;
        volatile int fold;
        volatile double[] weights;
        volatile boolean stop;
        private final List<double[]> curve = new ArrayList<>();

        Live(long id, Instant startedAt) {
            this.id = id;
            this.startedAt = startedAt;
        }

        @Override
        public void step(int epoch, int step, int steps, double batchLoss, double[] weights) {
            this.phase = "fitting";
            this.epoch = epoch;
            this.step = step;
            this.steps = steps;
            this.weights = weights;
            synchronized (curve) {
                curve.add(new double[] {step, batchLoss});
            }
            long wait = paceStart + WATCHABLE_NANOS * step / Math.max(1, steps) - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop = true;
                }
            }
        }

        @Override
        public void checking(int fold, int folds) {
            this.phase = "checking on held-out reviews";
            this.fold = fold;
        }

        @Override
        public boolean cancelled() {
            return stop;
        }

        /** The loss points from {@code from} on (so a page polling often fetches only what is new). */
        public List<double[]> curveFrom(int from) {
            synchronized (curve) {
                return List.copyOf(curve.subList(Math.min(from, curve.size()), curve.size()));
            }
        }

        public String phase() {
            return phase;
        }

        public int epoch() {
            return epoch;
        }

        public int step() {
            return step;
        }

        public int steps() {
            return steps;
        }

        public int fold() {
            return fold;
        }

        public double[] weights() {
            return weights;
        }
    }

    public static final class AlreadyRunning extends RuntimeException {
        public final long id;

        AlreadyRunning(long id) {
            super("fit " + id + " is still running");
            this.id = id;
        }
    }

    public synchronized long start() {
        Live now = running;
        if (now != null) throw new AlreadyRunning(now.id);
        Instant at = learner.clock().instant();
        long id = store.startFit(at);
        Live live = new Live(id, at);
        running = live;
        worker.submit(() -> run(live));
        return id;
    }

    public Optional<Live> live(long id) {
        Live now = running;
        return now != null && now.id == id ? Optional.of(now) : Optional.empty();
    }

    public Optional<Live> current() {
        return Optional.ofNullable(running);
    }

    private void run(Live live) {
        try {
            Items.Built built = items();
            double[] current = parameters.inUse().weights().stream()
                    .mapToDouble(Double::doubleValue)
                    .toArray();
            live.phase = "fitting";
            FitReport report =
                    LearnerFit.run(built.items(), built.answersUsed(), current, TrainingConfig.defaults(), live);
            store.finishFit(live.id, learner.clock().instant(), report);
        } catch (dev.gradientdeck.review.fit.FitProgress.Cancelled e) {
            store.failFit(live.id, learner.clock().instant(), "interrupted", "The fit was stopped.");
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(FitRuns.class).error("weight fit {} failed", live.id, e);
            store.failFit(live.id, learner.clock().instant(), "failed", "The fit failed: " + e.getMessage());
        } finally {
            running = null;
        }
    }

    /** The learner's log as items, with the days the learner lives in. */
    public Items.Built items() {
        List<LoggedAnswer> answers = new ArrayList<>();
        for (ReviewRepository.LogLine line : log.reviewLog()) {
            answers.add(new LoggedAnswer(
                    line.cardId(), line.reviewedAt(), line.rating(), kind(line.stateBefore()), !line.undone()));
        }
        return Items.fromLog(
                answers, learner.current().zone(), learner.current().dayStartsAt());
    }

    private static LoggedAnswer.Kind kind(String stateBefore) {
        return switch (stateBefore) {
            case "new", "learning" -> LoggedAnswer.Kind.LEARNING;
            case "relearning" -> LoggedAnswer.Kind.RELEARNING;
            default -> LoggedAnswer.Kind.REVIEW;
        };
    }

    @Override
    public void close() {
        Live now = running;
        if (now != null) now.stop = true;
        worker.shutdownNow();
    }
}
