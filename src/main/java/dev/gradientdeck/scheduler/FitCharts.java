package dev.gradientdeck.scheduler;

import dev.gradientdeck.present.Svg;
import dev.gradientdeck.review.fit.FitReport;
import java.util.List;
import java.util.Locale;

/**
 * The scheduler page's pictures as self-contained SVG drawn on the server (the live view swaps the same pictures in while a
 * fit runs): the loss per step, the 21 weights against their defaults, forgetting curves, calibration and the workload.
 */
public final class FitCharts {
    static final String MINE = "#3b5bdb";
    static final String DEFAULT = "#8a94a6";
    static final String OBSERVED = "#e8590c";
    private static final String INK = "#5f6b80";
    private static final String GRID = "#e2e6ef";

    /** What each weight does, in a few words. */
    static final String[] ROLES = {
        "S after first Again",
        "S after first Hard",
        "S after first Good",
        "S after first Easy",
        "first difficulty",
        "difficulty per grade",
        "difficulty change",
        "difficulty reversion",
        "recall growth",
        "growth saturation",
        "growth from forgetting",
        "post-lapse S",
        "lapse: difficulty",
        "lapse: old S",
        "lapse: forgetting",
        "Hard penalty",
        "Easy bonus",
        "same-day scale",
        "same-day offset",
        "same-day saturation",
        "forgetting decay"
    };
    /** Each weight's spread across learners (fsrs-rs PARAMS_STDDEV): bars are drawn in these units. */
    static final double[] SPREAD = {
        6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57, 0.25, 1.03, 0.31,
        0.32, 0.14, 0.27
    };

    private FitCharts() {}

    /** A plot area mapping data to pixels, with the SVG being written. */
    private static final class Plot {
        final Svg svg;
        final int width;
        final int height;
        final int left = 46;
        final int right = 12;
        final int top;
        final int bottom = 30;
        final double x0;
        final double x1;
        final double y0;
        final double y1;

        Plot(int width, int height, double x0, double x1, double y0, double y1, String label) {
            this(width, height, 12, x0, x1, y0, y1, label);
        }

        Plot(int width, int height, int top, double x0, double x1, double y0, double y1, String label) {
            this.top = top;
            this.width = width;
            this.height = height;
            this.x0 = x0;
            this.x1 = x1 == x0 ? x0 + 1 : x1;
            this.y0 = y0;
            this.y1 = y1 == y0 ? y0 + 1 : y1;
            svg = Svg.open(width, height, label, "class", "chart", "font-family", "system-ui, sans-serif");
        }

        double x(double v) {
            return left + (v - x0) / (x1 - x0) * (width - left - right);
        }

        double y(double v) {
            return height - bottom - (v - y0) / (y1 - y0) * (height - top - bottom);
        }

        Plot axes(String xLabel, String yFormat, String xFormat) {
            for (double v : new double[] {y0, (y0 + y1) / 2, y1}) {
                svg.add("line", "x1", left, "y1", y(v), "x2", width - right, "y2", y(v), "stroke", GRID);
                svg.text(
                        String.format(Locale.ROOT, yFormat, v),
                        "x",
                        left - 5,
                        "y",
                        y(v) + 4,
                        "font-size",
                        11,
                        "text-anchor",
                        "end",
                        "fill",
                        INK);
            }
            for (double v : new double[] {x0, (x0 + x1) / 2, x1}) {
                svg.text(
                        String.format(Locale.ROOT, xFormat, v),
                        "x",
                        x(v),
                        "y",
                        height - bottom + 15,
                        "font-size",
                        11,
                        "text-anchor",
                        "middle",
                        "fill",
                        INK);
            }
            svg.text(xLabel, "x", width - right, "y", height - 3, "font-size", 11, "text-anchor", "end", "fill", INK);
            return this;
        }

        Plot line(List<double[]> points, String colour, String cssClass, boolean dashed) {
            if (points.isEmpty()) return this;
            List<double[]> pixels = points.stream()
                    .map(p -> new double[] {x(p[0]), y(clampY(p[1]))})
                    .toList();
            svg.polyline(
                    pixels,
                    "class",
                    cssClass,
                    "fill",
                    "none",
                    "stroke",
                    colour,
                    "stroke-width",
                    2,
                    "stroke-linejoin",
                    "round",
                    "stroke-dasharray",
                    dashed ? "5 4" : "none");
            return this;
        }

        double clampY(double v) {
            return Math.max(Math.min(y0, y1), Math.min(Math.max(y0, y1), v));
        }

        Plot dot(double x, double y, double r, String colour, String title) {
            svg.titled("circle", title, "cx", x(x), "cy", y(clampY(y)), "r", r, "fill", colour, "fill-opacity", "0.75");
            return this;
        }

        String done() {
            return svg.close();
        }
    }

    /** The loss of each step so far, over all the steps the fit will take. */
    public static String lossCurve(List<double[]> points, int steps) {
        double lo = points.stream().mapToDouble(p -> p[1]).min().orElse(0);
        double hi = points.stream().mapToDouble(p -> p[1]).max().orElse(1);
        double pad = Math.max((hi - lo) * 0.08, 1e-3);
        return new Plot(460, 220, 0, Math.max(steps, 1), Math.max(0, lo - pad), hi + pad, "Training loss per step")
                .axes("step", "%.3f", "%.0f")
                .line(points, MINE, "loss-line", false)
                .done();
    }

    /** Each weight as a bar from its default, in units of its spread across learners (±3 drawn). */
    public static String weightBars(double[] w, double[] defaults) {
        int row = 18;
        int width = 360;
        int labelWidth = 150;
        int mid = labelWidth + (width - labelWidth - 60) / 2;
        double unit = (width - labelWidth - 60) / 6.0;
        Svg svg = Svg.open(
                width,
                row * 21 + 22,
                "The 21 weights against their defaults",
                "class",
                "chart weight-bars",
                "font-family",
                "system-ui, sans-serif");
        svg.add("line", "x1", mid, "y1", 0, "x2", mid, "y2", row * 21, "stroke", DEFAULT);
        for (int i = 0; i < 21; i++) {
            double sd = (w[i] - defaults[i]) / SPREAD[i];
            double shown = Math.max(-3, Math.min(3, sd));
            double y = i * row + 3;
            double x = shown >= 0 ? mid : mid + shown * unit;
            svg.text("w" + i + " " + ROLES[i], "x", 0, "y", y + 11, "font-size", "10.5", "fill", INK);
            svg.titled(
                    "rect",
                    String.format(Locale.ROOT, "w%d = %.4f (default %.4f)", i, w[i], defaults[i]),
                    "class",
                    "weight-bar",
                    "x",
                    x,
                    "y",
                    y,
                    "width",
                    Math.max(Math.abs(shown) * unit, 1),
                    "height",
                    13,
                    "rx",
                    2,
                    "fill",
                    MINE);
            svg.text(number(w[i]), "x", width, "y", y + 11, "font-size", 11, "text-anchor", "end", "fill", INK);
        }
        svg.text("default", "x", mid, "y", row * 21 + 16, "font-size", 11, "text-anchor", "middle", "fill", INK);
        svg.text("−3σ", "x", mid - 3 * unit, "y", row * 21 + 16, "font-size", 11, "text-anchor", "middle", "fill", INK);
        svg.text("+3σ", "x", mid + 3 * unit, "y", row * 21 + 16, "font-size", 11, "text-anchor", "middle", "fill", INK);
        return svg.close();
    }

    /** Recall after one first rating: the new curve (solid), the defaults' (dashed), and the learner's own recall (dots). */
    public static String forgettingCurve(FitReport.ForgettingCurve curve) {
        double horizon = curve.fitted().get(curve.fitted().size() - 1)[0];
        double lo = Math.min(0.5, curve.fitted().get(curve.fitted().size() - 1)[1]);
        lo = Math.min(lo, curve.defaults().get(curve.defaults().size() - 1)[1]);
        for (FitReport.Observed o : curve.observed()) lo = Math.min(lo, o.recalled());
        lo = Math.max(0, Math.floor(lo * 10) / 10);
        Plot plot = new Plot(300, 206, 28, 0, horizon, lo, 1, "Recall after a first " + RATINGS[curve.firstRating()])
                .axes("days", "%.1f", "%.0f");
        plot.line(curve.defaults(), DEFAULT, "default-curve", true).line(curve.fitted(), MINE, "fitted-curve", false);
        plot.svg.text(
                "First " + RATINGS[curve.firstRating()] + ": " + SchedulerPages.days(curve.stability()) + " (default "
                        + SchedulerPages.days(curve.defaultStability()) + ")",
                "x",
                plot.left - 30,
                "y",
                14,
                "font-size",
                12,
                "font-weight",
                600,
                "fill",
                INK);
        for (FitReport.Observed o : curve.observed()) {
            if (o.days() > horizon) continue;
            plot.dot(
                    o.days(),
                    o.recalled(),
                    Math.min(7, 2 + Math.sqrt(o.count())),
                    OBSERVED,
                    String.format(
                            Locale.ROOT, "%d days: %.0f %% of %d recalled", o.days(), 100 * o.recalled(), o.count()));
        }
        return plot.done();
    }

    static final String[] RATINGS = {"", "Again", "Hard", "Good", "Easy"};

    /** Predicted recall (x) against the share actually recalled (y), per tenth; the diagonal is perfect calibration. */
    public static String calibration(List<FitReport.CalibrationBin> bins) {
        Plot plot = new Plot(320, 260, 0, 1, 0, 1, "Predicted against actual recall")
                .axes("predicted recall", "%.1f", "%.1f");
        plot.line(List.of(new double[] {0, 0}, new double[] {1, 1}), GRID, "diagonal", true);
        for (FitReport.CalibrationBin b : bins) {
            if (b.defaultCount() > 0) {
                plot.dot(
                        b.defaultPredicted(),
                        b.defaultActual(),
                        Math.min(8, 2 + Math.log1p(b.defaultCount())),
                        DEFAULT,
                        String.format(
                                Locale.ROOT,
                                "defaults: predicted %.0f %%, recalled %.0f %% of %d",
                                100 * b.defaultPredicted(),
                                100 * b.defaultActual(),
                                b.defaultCount()));
            }
            if (b.count() > 0) {
                plot.dot(
                        b.predicted(),
                        b.actual(),
                        Math.min(8, 2 + Math.log1p(b.count())),
                        MINE,
                        String.format(
                                Locale.ROOT,
                                "yours: predicted %.0f %%, recalled %.0f %% of %d",
                                100 * b.predicted(),
                                100 * b.actual(),
                                b.count()));
            }
        }
        return plot.done();
    }

    /** Reviews per day (y) for each desired retention (x), the one in use marked. */
    public static String workload(List<double[]> points, double inUse) {
        double hi = points.stream().mapToDouble(p -> p[1]).max().orElse(1);
        Plot plot = new Plot(
                        460,
                        220,
                        points.get(0)[0],
                        points.get(points.size() - 1)[0],
                        0,
                        Math.max(1, Math.ceil(hi * 1.1)),
                        "Reviews per day for each desired retention")
                .axes("desired retention", "%.0f", "%.2f");
        plot.line(points, MINE, "workload-line", false);
        for (double[] p : points) {
            if (Math.abs(p[0] - inUse) < 0.005) {
                plot.dot(
                        p[0],
                        p[1],
                        5,
                        OBSERVED,
                        String.format(Locale.ROOT, "now: %.0f %% → %.1f reviews a day", 100 * p[0], p[1]));
            }
        }
        return plot.done();
    }

    static String number(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.2f" : "%.4f", v);
    }
}
