package dev.gradientdeck.descent.plots;

import static dev.gradientdeck.descent.plots.LineFitPlot.*;
import static dev.gradientdeck.descent.plots.Scales.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Pictures of runs as self-contained SVG strings, drawn on the server: the loss per step, the loss
 * landscape of one- and two-parameter problems with the path the parameters took, and a line fit's
 * data with its lines. Colours and fonts are presentation attributes (no style sheet inside), every
 * text is escaped, and each picture clips its plot area with a nested {@code <svg>}, so pictures
 * need no ids and can sit side by side on one page.
 */
public final class Plots {
    private Plots() {}

    static final int WIDTH = 460;
    static final int HEIGHT = 330;
    static final int LEFT = 58;
    static final int RIGHT = 18;
    static final int TOP = 34;
    static final int BOTTOM = 42;
    static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

    public static final String RUN = "#3b5bdb";
    public static final String WHAT_IF = "#e8590c";
    static final String MINIMUM = "#2b8a3e";
    static final String DIVERGED = "#c92a2a";
    static final String INK = "#1d2433";
    static final String MUTED = "#5f6b80";
    static final String GRID = "#e9ecf2";
    static final String BAND = "#eef2ff";
    static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

    /** Contour colours run from deep blue at low loss to pale at high loss. */
    static final int[] LOW = {34, 56, 140};

    static final int[] HIGH = {190, 200, 232};
    static final int CONTOUR_LEVELS = 14;

    /**
     * Pixels beyond which drawing is cut: far outside any picture, near enough for every renderer.
     */
    static final double FAR = 10_000;

    /** The lowest contour sits this many decades below the span of the loss in view. */
    static final double CONTOUR_DECADES = 3;

    /**
     * A run's loss per step (index 0 is step 1); {@code divergedAt} marks where it blew up; faint
     * curves are context.
     */
    public record Curve(String label, String colour, List<Double> losses, Integer divergedAt, boolean faint) {}

    /** The points a run visited, θ₀ first; {@code divergedAt} marks a run that blew up. */
    public record Path(String label, String colour, List<double[]> points, Integer divergedAt) {}

    /** A labelled point, such as a minimum. */
    public record Marker(String label, double[] at) {}

    /** The line ŷ = w·x + b. */
    public record Line(String label, String colour, double w, double b, double opacity, boolean dashed) {}

    // ---- loss per step ----

    /**
     * The loss of each run per step, on a log scale when it spans two decades or more (see {@link
     * #logScale}); the first {@code predicted} steps are shaded, and a run that diverged ends with
     * a marker at that step. The step axis runs to at least {@code atLeastSteps}, so a run in
     * progress shows how far it has to go.
     */
    public static String lossCurve(List<Curve> curves, int predicted, int atLeastSteps) {
        int steps = Math.max(
                atLeastSteps,
                curves.stream().mapToInt(c -> c.losses().size()).max().orElse(1));
        List<Double> finite = curves.stream()
                .flatMap(c -> c.losses().stream())
                .filter(Double::isFinite)
                .toList();
        boolean log = logScale(finite);
        // Half a step of room at each end, so the first and last points are not cut by the frame.
        Axis x = new Axis(0.5, steps + 0.5, false, LEFT, LEFT + PLOT_WIDTH);
        Axis y = valueAxis(inView(curves, finite, log), log);
        Svg svg = new Svg(log ? "log" : "linear", "Loss per step" + (log ? ", log scale" : ""));
        if (predicted > 0) {
            double from = Math.max(x.px(0.5), LEFT);
            double to = Math.min(x.px(predicted + 0.5), LEFT + PLOT_WIDTH);
            svg.add("<rect x=\""
                    + num(from)
                    + "\" y=\""
                    + TOP
                    + "\" width=\""
                    + num(to - from)
                    + "\" height=\""
                    + PLOT_HEIGHT
                    + "\" fill=\""
                    + BAND
                    + "\"/>");
            svg.text(from + 4, TOP + PLOT_HEIGHT - 6, "start", 10, MUTED, "you predicted");
        }
        svg.grid(x, y, integerTicks(x), log ? logTicks(y) : ticks(y.min(), y.max(), 6), log);
        svg.axisLabels("step", log ? "loss (log scale)" : "loss");
        svg.openPlotArea();
        for (Curve curve : curves) {
            List<double[]> points = new ArrayList<>();
            for (int t = 1; t <= curve.losses().size(); t++) {
                double loss = curve.losses().get(t - 1);
                if (!Double.isFinite(loss)) {
                    break;
                }
                points.add(new double[] {x.px(t), y.px(loss)});
            }
            svg.polyline(thinned(points), curve.colour(), curve.faint() ? 1 : 2.2, curve.faint() ? 0.45 : 1, false);
            if (points.size() <= 40 && !curve.faint()) {
                points.forEach(p -> svg.dot(p[0], p[1], 2.6, curve.colour()));
            }
        }
        svg.closePlotArea();
        for (Curve curve : curves) {
            if (curve.divergedAt() != null && !curve.faint()) {
                String who = curves.stream().filter(c -> !c.faint()).count() > 1 ? curve.label() + " " : "";
                svg.divergedMarker(x.px(curve.divergedAt()), who + "diverged at step " + curve.divergedAt());
            }
        }
        svg.legend(curves.stream()
                .map(c -> new String[] {c.label(), c.colour(), c.faint() ? "faint" : ""})
                .toList());
        return svg.close();
    }

    /**
     * The losses that decide the value axis: all of them, except that beside the main run (the
     * first curve drawn in full), another run's losses count only up to 1000 times the main run's
     * largest and down to 1/1000 of its smallest (on a log scale; 3 spans beyond it on a linear
     * one). A what-if run that blows up, or falls without limit, then leaves the picture at the top
     * or bottom instead of flattening the main run into a line.
     */
    static List<Double> inView(List<Curve> curves, List<Double> finite, boolean log) {
        List<Double> main =
                curves.stream().filter(c -> !c.faint()).findFirst().map(Curve::losses).orElse(List.of()).stream()
                        .filter(Double::isFinite)
                        .toList();
        if (main.isEmpty()) {
            return finite;
        }
        double high = main.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double low = main.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double spread = 3 * Math.max(high - low, Math.max(Math.abs(high), Math.abs(low)) * 0.1);
        double cap = log ? high * 1000 : high + spread;
        double floor = log ? low / 1000 : low - spread;
        return finite.stream().filter(loss -> loss <= cap && loss >= floor).toList();
    }

    /** Log scale when every loss is positive and the largest is at least 100 times the smallest. */
    public static boolean logScale(List<Double> losses) {
        if (losses.isEmpty() || losses.stream().anyMatch(loss -> loss <= 0)) {
            return false;
        }
        double min = losses.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = losses.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return max / min >= 100;
    }

    static Axis valueAxis(List<Double> values, boolean log) {
        if (values.isEmpty()) {
            return new Axis(0, 1, false, TOP + PLOT_HEIGHT, TOP);
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        if (log) {
            double lo = Math.pow(10, Math.floor(Math.log10(min)));
            double hi = Math.pow(10, Math.ceil(Math.log10(max)));
            return new Axis(lo, hi > lo ? hi : lo * 10, true, TOP + PLOT_HEIGHT, TOP);
        }
        double[] range = padded(min, max, true);
        return new Axis(range[0], range[1], false, TOP + PLOT_HEIGHT, TOP);
    }

    /**
     * A range around [min, max] with a margin; from 0 when the values are positive and 0 is not far
     * below them.
     */
    static double[] padded(double min, double max, boolean fromZero) {
        if (max - min <= Math.abs(max) * 1e-12) {
            double half = Math.max(Math.abs(max) * 0.1, 1);
            return new double[] {min - half, max + half};
        }
        double pad = (max - min) * 0.06;
        double lo = fromZero && min >= 0 && min <= max / 2 ? 0 : min - pad;
        return new double[] {lo, max + pad};
    }
}
