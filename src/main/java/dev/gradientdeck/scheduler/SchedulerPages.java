package dev.gradientdeck.scheduler;

import dev.gradientdeck.review.ReviewRepository;
import dev.gradientdeck.review.fit.Evaluation;
import dev.gradientdeck.review.fit.FitReport;
import dev.gradientdeck.review.fit.FsrsOptimizer;
import dev.gradientdeck.review.fit.Items;
import dev.gradientdeck.review.fit.ReviewItem;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the scheduler page shows, worked out from the store, the running fit and the learner's log. */
public final class SchedulerPages {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private SchedulerPages() {}

    /** How ready the log is for a fit: training items now, and how many more later-day reviews a fit needs. */
    public record Readiness(int items, int reviews, int needed, int neededForAll) {
        public boolean canFit() {
            return needed == 0;
        }

        static Readiness of(Items.Built built) {
            int items = trainingItems(built.items());
            return new Readiness(
                    items,
                    built.answersUsed(),
                    Math.max(0, FsrsOptimizer.MINIMUM_ITEMS - items),
                    Math.max(0, FsrsOptimizer.FULL_FIT_ITEMS - items));
        }
    }

    /** Items that survive the outlier filter: what the optimizer trains on. */
    static int trainingItems(List<ReviewItem> items) {
        return Evaluation.referenceOrder(items).size();
    }

    public record InUseView(
            String source, String since, int retentionPercent, boolean defaults, Long fitId, String weightsSvg) {}

    public record FigureRow(String what, String logLoss, String rmse) {}

    public record Shown(
            long id,
            String status,
            String message,
            boolean inUse,
            boolean proposed,
            String verdict,
            List<String> meaning,
            List<FigureRow> onAll,
            List<FigureRow> heldOut,
            String gain,
            String lossSvg,
            String weightsSvg,
            List<String> curveSvgs,
            String calibrationSvg,
            FitReport report) {
        public boolean done() {
            return report != null;
        }
    }

    public record FitRow(
            long id, String when, String status, int reviews, int items, boolean inUse, boolean restorable) {}

    public record RetentionChoice(int percent, String reviewsPerDay, boolean selected) {}

    public record Page(
            InUseView inUse,
            Readiness readiness,
            Optional<Long> running,
            Optional<Shown> shown,
            List<FitRow> history,
            String workloadSvg,
            List<RetentionChoice> retentions,
            String notice) {}

    static InUseView inUse(SchedulerRepository.InUse inUse, double desiredRetention, ZoneId zone) {
        double[] w = weights(inUse.weights());
        String source = inUse.fitId() == null
                ? (inUse.defaults() ? "the FSRS-6 defaults" : "weights set by hand")
                : "your fitted weights (fit " + inUse.fitId() + ")";
        String since = inUse.since() == null ? "" : WHEN.format(inUse.since().atZone(zone));
        return new InUseView(
                source,
                since,
                (int) Math.round(desiredRetention * 100),
                inUse.defaults(),
                inUse.fitId(),
                FitCharts.weightBars(w, FsrsOptimizer.defaults()));
    }

    static Shown shown(SchedulerRepository.StoredFit fit, SchedulerRepository.InUse inUse) {
        FitReport r = fit.report();
        boolean isInUse = inUse.fitId() != null && inUse.fitId() == fit.id();
        if (r == null) {
            return new Shown(
                    fit.id(),
                    fit.status(),
                    fit.message() == null ? "" : fit.message(),
                    isInUse,
                    false,
                    "",
                    List.of(),
                    List.of(),
                    List.of(),
                    "",
                    "",
                    "",
                    List.of(),
                    "",
                    null);
        }
        FitReport.Figures f = r.figures();
        List<FigureRow> onAll = new ArrayList<>();
        row(onAll, "FSRS-6 defaults", f.defaults());
        if (!inUse.defaults()) row(onAll, "weights in use", f.current());
        row(onAll, "new weights", f.fitted());
        List<FigureRow> heldOut = new ArrayList<>();
        row(heldOut, "weights in use", f.heldOutCurrent());
        row(heldOut, "new weights, fitted on the past only", f.heldOutFitted());
        String gain = "";
        if (f.heldOutCurrent() != null && f.heldOutFitted() != null) {
            double change = (f.heldOutCurrent().logLoss() - f.heldOutFitted().logLoss())
                    / f.heldOutCurrent().logLoss();
            gain = String.format(
                    Locale.ROOT,
                    "%s log loss on held-out reviews by %.1f %%",
                    change > 0 ? "lower" : "raise",
                    Math.abs(change) * 100);
        }
        int steps = r.lossCurve().isEmpty()
                ? 1
                : (int) r.lossCurve().get(r.lossCurve().size() - 1)[0];
        return new Shown(
                fit.id(),
                fit.status(),
                "",
                isInUse,
                r.proposed(),
                r.verdict(),
                meaning(r),
                onAll,
                heldOut,
                gain,
                FitCharts.lossCurve(r.lossCurve(), steps),
                FitCharts.weightBars(r.weights(), FsrsOptimizer.defaults()),
                r.curves().stream().map(FitCharts::forgettingCurve).toList(),
                FitCharts.calibration(r.calibration()),
                r);
    }

    /** The fit in the learner's words. */
    static List<String> meaning(FitReport r) {
        List<String> lines = new ArrayList<>();
        if (r.depth() == FsrsOptimizer.Depth.DEFAULTS) return lines;
        double ratio = r.stabilityRatio();
        if (Math.abs(ratio - 1) < 0.05) {
            lines.add("Your cards stay remembered about as long as the defaults assume.");
        } else if (ratio > 1) {
            lines.add(String.format(
                    Locale.ROOT, "Your cards stay remembered about %.1f× longer than the defaults assume.", ratio));
        } else {
            lines.add(String.format(
                    Locale.ROOT, "Your cards fade about %.1f× faster than the defaults assume.", 1 / ratio));
        }
        double[] w = r.weights();
        double[] d = FsrsOptimizer.defaults();
        lines.add(String.format(
                Locale.ROOT,
                "After a first Good you still recall 9 in 10 cards %s later (the defaults say %s).",
                days(w[2]),
                days(d[2])));
        lines.add(String.format(
                Locale.ROOT,
                "After a first Again, that is %s (defaults %s); after a first Easy, %s (defaults %s).",
                days(w[0]),
                days(d[0]),
                days(w[3]),
                days(d[3])));
        if (r.depth() == FsrsOptimizer.Depth.FIRST_STABILITIES) {
            lines.add(
                    "With fewer than " + FsrsOptimizer.FULL_FIT_ITEMS
                            + " reviews on later days only these first stabilities were fitted; the other 17 weights keep their defaults.");
        }
        return lines;
    }

    static String days(double stability) {
        Duration d = Duration.ofSeconds(Math.round(stability * 86_400));
        if (stability < 1)
            return d.toHours() < 1
                    ? d.toMinutes() + " minutes"
                    : String.format(Locale.ROOT, "%.0f hours", stability * 24);
        return String.format(Locale.ROOT, stability < 10 ? "%.1f days" : "%.0f days", stability);
    }

    private static void row(List<FigureRow> rows, String what, Evaluation.Metrics m) {
        if (m == null) return;
        rows.add(new FigureRow(
                what,
                String.format(Locale.ROOT, "%.4f", m.logLoss()),
                String.format(Locale.ROOT, "%.2f %%", m.rmseBins() * 100)));
    }

    static List<FitRow> history(
            List<SchedulerRepository.StoredFit> fits, SchedulerRepository.InUse inUse, ZoneId zone) {
        return fits.stream()
                .map(f -> new FitRow(
                        f.id(),
                        WHEN.format(f.startedAt().atZone(zone)),
                        f.status(),
                        f.reviews(),
                        f.items(),
                        inUse.fitId() != null && inUse.fitId() == f.id(),
                        f.status().equals("done")
                                && f.weights() != null
                                && (inUse.fitId() == null || inUse.fitId() != f.id())))
                .toList();
    }

    static double[] weights(List<Double> weights) {
        return weights.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The simulator's cards from the deck as it stands now, days counted from {@code now}. */
    static List<Workload.CardNow> cardsNow(List<ReviewRepository.DeckCard> deck, Instant now) {
        List<Workload.CardNow> cards = new ArrayList<>();
        for (ReviewRepository.DeckCard c : deck) {
            if (c.state().equals("new")) continue;
            cards.add(new Workload.CardNow(
                    c.stability(), c.difficulty(), daysFrom(now, c.due()), daysFrom(now, c.lastReview())));
        }
        return cards;
    }

    private static double daysFrom(Instant now, Instant then) {
        return Duration.between(now, then).toMinutes() / 1440.0;
    }

    /** The learner's own shares of grades: first answers, and Hard/Good/Easy among passed reviews. */
    static Workload.GradeMix gradeMix(List<ReviewRepository.LogLine> log) {
        double[] first = new double[4];
        double[] pass = new double[3];
        long previousCard = Long.MIN_VALUE;
        for (ReviewRepository.LogLine line : log) {
            if (line.undone()) continue;
            if (line.cardId() != previousCard) first[line.rating() - 1]++;
            else if (line.rating() > 1 && line.stateBefore().equals("review")) pass[line.rating() - 2]++;
            previousCard = line.cardId();
        }
        Workload.GradeMix typical = Workload.GradeMix.typical();
        return new Workload.GradeMix(
                total(first) < 20 ? typical.first() : first, total(pass) < 20 ? typical.pass() : pass);
    }

    private static double total(double[] counts) {
        double sum = 0;
        for (double c : counts) sum += c;
        return sum;
    }

    static List<RetentionChoice> retentions(List<double[]> points, double inUse) {
        return points.stream()
                .map(p -> new RetentionChoice(
                        (int) Math.round(p[0] * 100),
                        String.format(Locale.ROOT, "%.1f", p[1]),
                        Math.abs(p[0] - inUse) < 0.005))
                .toList();
    }
}
