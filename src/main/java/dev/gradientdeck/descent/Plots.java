package dev.gradientdeck.descent;

import dev.gradientdeck.descent.DataProblem.LineFit;
import dev.gradientdeck.present.Html;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

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
    private static final int LEFT = 58;
    private static final int RIGHT = 18;
    private static final int TOP = 34;
    private static final int BOTTOM = 42;
    private static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    private static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

    public static final String RUN = "#3b5bdb";
    public static final String WHAT_IF = "#e8590c";
    static final String MINIMUM = "#2b8a3e";
    static final String DIVERGED = "#c92a2a";
    private static final String INK = "#1d2433";
    private static final String MUTED = "#5f6b80";
    private static final String GRID = "#e9ecf2";
    private static final String BAND = "#eef2ff";
    private static final String FONT =
            "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

    /** Contour colours run from deep blue at low loss to pale at high loss. */
    private static final int[] LOW = {34, 56, 140};

    private static final int[] HIGH = {190, 200, 232};
    private static final int CONTOUR_LEVELS = 14;

    /**
     * Pixels beyond which drawing is cut: far outside any picture, near enough for every renderer.
     */
    private static final double FAR = 10_000;

    /** The lowest contour sits this many decades below the span of the loss in view. */
    private static final double CONTOUR_DECADES = 3;

    /**
     * A run's loss per step (index 0 is step 1); {@code divergedAt} marks where it blew up; faint
     * curves are context.
     */
    public record Curve(
            String label, String colour, List<Double> losses, Integer divergedAt, boolean faint) {}

    /** The points a run visited, θ₀ first; {@code divergedAt} marks a run that blew up. */
    public record Path(String label, String colour, List<double[]> points, Integer divergedAt) {}

    /** A labelled point, such as a minimum. */
    public record Marker(String label, double[] at) {}

    /** The line ŷ = w·x + b. */
    public record Line(
            String label, String colour, double w, double b, double opacity, boolean dashed) {}

    // ---- loss per step ----

    /**
     * The loss of each run per step, on a log scale when it spans two decades or more (see {@link
     * #logScale}); the first {@code predicted} steps are shaded, and a run that diverged ends with
     * a marker at that step. The step axis runs to at least {@code atLeastSteps}, so a run in
     * progress shows how far it has to go.
     */
    public static String lossCurve(List<Curve> curves, int predicted, int atLeastSteps) {
        int steps =
                Math.max(
                        atLeastSteps,
                        curves.stream().mapToInt(c -> c.losses().size()).max().orElse(1));
        List<Double> finite =
                curves.stream().flatMap(c -> c.losses().stream()).filter(Double::isFinite).toList();
        boolean log = logScale(finite);
        // Half a step of room at each end, so the first and last points are not cut by the frame.
        Axis x = new Axis(0.5, steps + 0.5, false, LEFT, LEFT + PLOT_WIDTH);
        Axis y = valueAxis(inView(curves, finite, log), log);
        Svg svg = new Svg(log ? "log" : "linear", "Loss per step" + (log ? ", log scale" : ""));
        if (predicted > 0) {
            double from = Math.max(x.px(0.5), LEFT);
            double to = Math.min(x.px(predicted + 0.5), LEFT + PLOT_WIDTH);
            svg.add(
                    "<rect x=\""
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
        svg.add(
                "<svg x=\""
                        + LEFT
                        + "\" y=\""
                        + TOP
                        + "\" width=\""
                        + PLOT_WIDTH
                        + "\" height=\""
                        + PLOT_HEIGHT
                        + "\" viewBox=\""
                        + LEFT
                        + " "
                        + TOP
                        + " "
                        + PLOT_WIDTH
                        + " "
                        + PLOT_HEIGHT
                        + "\" overflow=\"hidden\">");
        for (Curve curve : curves) {
            List<double[]> points = new ArrayList<>();
            for (int t = 1; t <= curve.losses().size(); t++) {
                double loss = curve.losses().get(t - 1);
                if (!Double.isFinite(loss)) {
                    break;
                }
                points.add(new double[] {x.px(t), y.px(loss)});
            }
            svg.polyline(
                    thinned(points),
                    curve.colour(),
                    curve.faint() ? 1 : 2.2,
                    curve.faint() ? 0.45 : 1,
                    false);
            if (points.size() <= 40 && !curve.faint()) {
                points.forEach(p -> svg.dot(p[0], p[1], 2.6, curve.colour()));
            }
        }
        svg.add("</svg>");
        for (Curve curve : curves) {
            if (curve.divergedAt() != null && !curve.faint()) {
                String who =
                        curves.stream().filter(c -> !c.faint()).count() > 1
                                ? curve.label() + " "
                                : "";
                svg.divergedMarker(
                        x.px(curve.divergedAt()), who + "diverged at step " + curve.divergedAt());
            }
        }
        svg.legend(
                curves.stream()
                        .map(c -> new String[] {c.label(), c.colour(), c.faint() ? "faint" : ""})
                        .toList());
        return svg.close();
    }

    /**
     * The losses that decide the value axis: all of them, except that beside the main run (the
     * first curve drawn in full), another run's losses count only up to 1000 times the main run's
     * largest (on a log scale; 3 spans above it on a linear one). A what-if run that blows up then
     * leaves the picture at the top, marked, instead of flattening the main run into the floor.
     */
    private static List<Double> inView(List<Curve> curves, List<Double> finite, boolean log) {
        List<Double> main =
                curves.stream()
                        .filter(c -> !c.faint())
                        .findFirst()
                        .map(Curve::losses)
                        .orElse(List.of())
                        .stream()
                        .filter(Double::isFinite)
                        .toList();
        if (main.isEmpty()) {
            return finite;
        }
        double high = main.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double low = main.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double cap = log ? high * 1000 : high + 3 * Math.max(high - low, Math.abs(high) * 0.1);
        return finite.stream().filter(loss -> loss <= cap).toList();
    }

    /** Log scale when every loss is positive and the largest is at least 100 times the smallest. */
    static boolean logScale(List<Double> losses) {
        if (losses.isEmpty() || losses.stream().anyMatch(loss -> loss <= 0)) {
            return false;
        }
        double min = losses.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = losses.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return max / min >= 100;
    }

    private static Axis valueAxis(List<Double> values, boolean log) {
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
    private static double[] padded(double min, double max, boolean fromZero) {
        if (max - min <= Math.abs(max) * 1e-12) {
            double half = Math.max(Math.abs(max) * 0.1, 1);
            return new double[] {min - half, max + half};
        }
        double pad = (max - min) * 0.06;
        double lo = fromZero && min >= 0 && min <= max / 2 ? 0 : min - pad;
        return new double[] {lo, max + pad};
    }

    // ---- landscapes ----

    /**
     * Contour lines of a two-parameter loss around the paths, with each path and the minima in view
     * marked. The view holds the paths and the minimum they head for, but a path that runs away
     * (diverges) is cut at the edge instead of shrinking everything else to a dot. With {@code
     * markLowest}, the lowest point of the grid is marked, for losses whose minimum is not known in
     * closed form.
     */
    public static String landscape(
            ToDoubleFunction<double[]> loss,
            List<String> names,
            List<Path> paths,
            List<Marker> minima,
            boolean markLowest) {
        double[][] box = view(paths, minima, 2);
        equalAspect(box);
        Axis x = new Axis(box[0][0], box[0][1], false, LEFT, LEFT + PLOT_WIDTH);
        Axis y = new Axis(box[1][0], box[1][1], false, TOP + PLOT_HEIGHT, TOP);
        Svg svg =
                new Svg(
                        "linear",
                        "Loss landscape of "
                                + String.join(" and ", names)
                                + " with the path of the run");
        svg.grid(x, y, ticks(x.min(), x.max(), 6), ticks(y.min(), y.max(), 5), false);
        svg.axisLabels(names.get(0), names.get(1));
        svg.add(
                "<svg x=\""
                        + LEFT
                        + "\" y=\""
                        + TOP
                        + "\" width=\""
                        + PLOT_WIDTH
                        + "\" height=\""
                        + PLOT_HEIGHT
                        + "\" viewBox=\""
                        + LEFT
                        + " "
                        + TOP
                        + " "
                        + PLOT_WIDTH
                        + " "
                        + PLOT_HEIGHT
                        + "\" overflow=\"hidden\">");

        int columns = 73;
        int rows = 55;
        double[][] values = new double[rows][columns];
        double[] lowest = null;
        double lowestValue = Double.POSITIVE_INFINITY;
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < columns; i++) {
                double[] at = {
                    x.min() + (x.max() - x.min()) * i / (columns - 1.0),
                    y.min() + (y.max() - y.min()) * j / (rows - 1.0)
                };
                values[j][i] = loss.applyAsDouble(at);
                if (values[j][i] < lowestValue) {
                    lowestValue = values[j][i];
                    lowest = at;
                }
            }
        }
        List<Double> levels = levels(values);
        for (int k = 0; k < levels.size(); k++) {
            double share = levels.size() == 1 ? 0 : (double) k / (levels.size() - 1);
            StringBuilder d = new StringBuilder();
            for (List<double[]> line : Contours.at(capped(values), levels.get(k))) {
                for (int p = 0; p < line.size(); p++) {
                    double px = LEFT + PLOT_WIDTH * line.get(p)[0] / (columns - 1.0);
                    double py = TOP + PLOT_HEIGHT * (rows - 1.0 - line.get(p)[1]) / (rows - 1.0);
                    d.append(p == 0 ? "M" : "L").append(num(px)).append(' ').append(num(py));
                }
            }
            if (d.length() > 0) {
                svg.add(
                        "<path d=\""
                                + d
                                + "\" fill=\"none\" stroke=\""
                                + ramp(share)
                                + "\" stroke-width=\""
                                + (share < 0.5 ? "1.2" : "1")
                                + "\"/>");
            }
        }
        List<Marker> shown =
                new ArrayList<>(minima.stream().filter(m -> inside(m.at(), box)).toList());
        if (markLowest && lowest != null) {
            shown.add(new Marker("lowest in view", lowest));
        }
        drawPaths(svg, paths, p -> new double[] {x.px(p[0]), y.px(p[1])});
        for (Marker marker : shown) {
            svg.minimum(x.px(marker.at()[0]), y.px(marker.at()[1]), marker.label());
        }
        svg.add("</svg>");
        divergedNotes(svg, paths);
        svg.legend(paths.stream().map(p -> new String[] {p.label(), p.colour(), ""}).toList());
        return svg.close();
    }

    /**
     * A one-parameter loss as a curve, with the points each run visited on it, joined in order, so
     * oscillation across the minimum shows as a zigzag and divergence as a path climbing out of the
     * picture.
     */
    public static String curve(
            ToDoubleFunction<double[]> loss,
            String name,
            List<Path> paths,
            List<Marker> minima,
            boolean markLowest) {
        double[][] box = view(paths, minima, 1);
        Axis x = new Axis(box[0][0], box[0][1], false, LEFT, LEFT + PLOT_WIDTH);
        int samples = 240;
        double[][] curve = new double[samples][];
        List<Double> heights = new ArrayList<>();
        double[] lowest = null;
        for (int i = 0; i < samples; i++) {
            double at = x.min() + (x.max() - x.min()) * i / (samples - 1.0);
            double value = loss.applyAsDouble(new double[] {at});
            curve[i] = new double[] {at, value};
            if (Double.isFinite(value)) {
                heights.add(value);
                if (lowest == null || value < lowest[1]) {
                    lowest = curve[i];
                }
            }
        }
        double[] range =
                heights.isEmpty()
                        ? new double[] {0, 1}
                        : padded(
                                heights.stream()
                                        .mapToDouble(Double::doubleValue)
                                        .min()
                                        .orElseThrow(),
                                heights.stream()
                                        .mapToDouble(Double::doubleValue)
                                        .max()
                                        .orElseThrow(),
                                true);
        Axis y = new Axis(range[0], range[1], false, TOP + PLOT_HEIGHT, TOP);
        Svg svg =
                new Svg(
                        "linear",
                        "Loss as a function of " + name + " with the points the run visited");
        svg.grid(x, y, ticks(x.min(), x.max(), 6), ticks(y.min(), y.max(), 5), false);
        svg.axisLabels(name, "loss");
        svg.add(
                "<svg x=\""
                        + LEFT
                        + "\" y=\""
                        + TOP
                        + "\" width=\""
                        + PLOT_WIDTH
                        + "\" height=\""
                        + PLOT_HEIGHT
                        + "\" viewBox=\""
                        + LEFT
                        + " "
                        + TOP
                        + " "
                        + PLOT_WIDTH
                        + " "
                        + PLOT_HEIGHT
                        + "\" overflow=\"hidden\">");
        List<double[]> drawn = new ArrayList<>();
        for (double[] point : curve) {
            if (Double.isFinite(point[1])) {
                drawn.add(new double[] {x.px(point[0]), y.px(point[1])});
            }
        }
        svg.polyline(drawn, MUTED, 1.6, 1, false);
        List<Marker> shown =
                new ArrayList<>(
                        minima.stream()
                                .filter(m -> m.at()[0] >= x.min() && m.at()[0] <= x.max())
                                .toList());
        if (markLowest && lowest != null) {
            shown.add(new Marker("lowest in view", new double[] {lowest[0]}));
        }
        drawPaths(svg, paths, p -> new double[] {x.px(p[0]), y.px(loss.applyAsDouble(p))});
        for (Marker marker : shown) {
            svg.minimum(
                    x.px(marker.at()[0]), y.px(loss.applyAsDouble(marker.at())), marker.label());
        }
        svg.add("</svg>");
        divergedNotes(svg, paths);
        svg.legend(paths.stream().map(p -> new String[] {p.label(), p.colour(), ""}).toList());
        return svg.close();
    }

    /**
     * The box in view, per dimension {min, max}. Its core is each path's start and first step and
     * where the main run heads: the minimum nearest its end (or the end itself when no minimum is
     * known), or for a run that blew up, the minimum nearest its start. Every point of the paths
     * within 8 core-widths of the core is in view too; points farther out (a run escaping to
     * infinity) leave the picture at its edge instead of shrinking everything else to a dot.
     */
    private static double[][] view(List<Path> paths, List<Marker> minima, int dimensions) {
        List<double[]> core = new ArrayList<>();
        for (Path path : paths) {
            List<double[]> finite = path.points().stream().takeWhile(Plots::finite).toList();
            core.addAll(finite.subList(0, Math.min(2, finite.size())));
        }
        if (!paths.isEmpty()) {
            Path main = paths.get(0);
            List<double[]> finite = main.points().stream().takeWhile(Plots::finite).toList();
            if (!finite.isEmpty()) {
                double[] end =
                        main.divergedAt() == null ? finite.get(finite.size() - 1) : finite.get(0);
                core.add(
                        minima.stream()
                                .map(Marker::at)
                                .min(Comparator.comparingDouble(m -> distance(m, end)))
                                .orElse(end));
            }
        } else {
            minima.forEach(m -> core.add(m.at()));
        }
        if (core.isEmpty()) {
            core.add(new double[dimensions]);
        }
        double[][] near = bounds(core, dimensions);
        double widest = 0;
        for (double[] range : near) {
            widest = Math.max(widest, range[1] - range[0]);
        }
        double[] reach = new double[dimensions];
        for (int d = 0; d < dimensions; d++) {
            reach[d] =
                    8
                            * Math.max(
                                    Math.max(near[d][1] - near[d][0], widest / 4),
                                    widest == 0 ? 1 : 0);
        }
        List<double[]> shown = new ArrayList<>(core);
        for (Path path : paths) {
            for (double[] point : path.points()) {
                if (!finite(point)) {
                    break;
                }
                boolean close = true;
                for (int d = 0; d < dimensions; d++) {
                    close &= point[d] >= near[d][0] - reach[d] && point[d] <= near[d][1] + reach[d];
                }
                if (close) {
                    shown.add(point);
                }
            }
        }
        double[][] box = bounds(shown, dimensions);
        for (int d = 0; d < dimensions; d++) {
            double span = box[d][1] - box[d][0];
            double pad = span < 1e-9 ? Math.max(1, Math.abs(box[d][0]) * 0.5) : span * 0.12;
            box[d] = new double[] {box[d][0] - pad, box[d][1] + pad};
        }
        return box;
    }

    /**
     * Widens the narrower dimension so a unit is as long on both axes (contours meet the gradient
     * at right angles).
     */
    private static void equalAspect(double[][] box) {
        double perPixelX = (box[0][1] - box[0][0]) / PLOT_WIDTH;
        double perPixelY = (box[1][1] - box[1][0]) / PLOT_HEIGHT;
        double ratio = Math.max(perPixelX, perPixelY) / Math.min(perPixelX, perPixelY);
        // Past 4:1 an equal scale would squash the picture into a line; then each axis keeps its
        // own scale.
        if (ratio > 4) {
            return;
        }
        int narrow = perPixelX < perPixelY ? 0 : 1;
        double pixels = narrow == 0 ? PLOT_WIDTH : PLOT_HEIGHT;
        double half = Math.max(perPixelX, perPixelY) * pixels / 2;
        double centre = (box[narrow][0] + box[narrow][1]) / 2;
        box[narrow] = new double[] {centre - half, centre + half};
    }

    private static double[][] bounds(List<double[]> points, int dimensions) {
        double[][] box = new double[dimensions][];
        for (int d = 0; d < dimensions; d++) {
            int k = d;
            box[d] =
                    new double[] {
                        points.stream().mapToDouble(p -> p[k]).min().orElse(0),
                        points.stream().mapToDouble(p -> p[k]).max().orElse(0)
                    };
        }
        return box;
    }

    private static boolean inside(double[] point, double[][] box) {
        for (int d = 0; d < box.length; d++) {
            if (!(point[d] >= box[d][0] && point[d] <= box[d][1])) {
                return false;
            }
        }
        return true;
    }

    private static boolean finite(double[] point) {
        return Arrays.stream(point).allMatch(Double::isFinite);
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += (a[d] - b[d]) * (a[d] - b[d]);
        }
        return Math.sqrt(sum);
    }

    /**
     * Contour levels spaced evenly in log(loss − lowest), from 1/1000 of the span up to the span:
     * dense near the minimum, where the shape of the valley matters, sparse on the walls. The span
     * is measured to the 96th percentile of the grid, so a few huge values in a corner
     * (Rosenbrock's walls) do not push every level up there.
     */
    static List<Double> levels(double[][] values) {
        double[] sorted =
                Arrays.stream(values)
                        .flatMapToDouble(Arrays::stream)
                        .filter(Double::isFinite)
                        .sorted()
                        .toArray();
        if (sorted.length == 0) {
            return List.of();
        }
        double lowest = sorted[0];
        double top = sorted[(int) Math.floor(0.96 * (sorted.length - 1))];
        double span = top - lowest;
        if (!(span > 0)) {
            return List.of();
        }
        List<Double> levels = new ArrayList<>();
        for (int k = 0; k < CONTOUR_LEVELS; k++) {
            double exponent = -CONTOUR_DECADES * (1 - (double) k / (CONTOUR_LEVELS - 1));
            levels.add(lowest + span * Math.pow(10, exponent));
        }
        return levels;
    }

    /**
     * Values where the loss is not finite count as higher than anything in view, so contours pass
     * around them.
     */
    private static double[][] capped(double[][] values) {
        double highest =
                Arrays.stream(values)
                        .flatMapToDouble(Arrays::stream)
                        .filter(Double::isFinite)
                        .max()
                        .orElse(1);
        double cap = Math.abs(highest) * 10 + 1;
        double[][] capped = new double[values.length][];
        for (int j = 0; j < values.length; j++) {
            capped[j] = Arrays.stream(values[j]).map(v -> Double.isFinite(v) ? v : cap).toArray();
        }
        return capped;
    }

    private static String ramp(double share) {
        int[] rgb = new int[3];
        for (int c = 0; c < 3; c++) {
            rgb[c] = (int) Math.round(LOW[c] + (HIGH[c] - LOW[c]) * share);
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    }

    /**
     * Draws the paths in reverse, so the main run (the first) lies on top of the runs compared with
     * it.
     */
    private static void drawPaths(
            Svg svg, List<Path> paths, java.util.function.Function<double[], double[]> toPixels) {
        for (int k = paths.size() - 1; k >= 0; k--) {
            Path path = paths.get(k);
            List<double[]> pixels =
                    path.points().stream().takeWhile(Plots::finite).map(toPixels).toList();
            svg.polyline(condensed(pixels), path.colour(), 2, 0.95, true);
            for (int i = 1; i < Math.min(pixels.size(), 41); i++) {
                svg.dot(pixels.get(i)[0], pixels.get(i)[1], 2.8, path.colour());
            }
            if (!pixels.isEmpty()) {
                double[] start = pixels.get(0);
                svg.add(
                        "<circle cx=\""
                                + num(start[0])
                                + "\" cy=\""
                                + num(start[1])
                                + "\" r=\"5.5\" fill=\"#ffffff\" stroke=\""
                                + path.colour()
                                + "\" stroke-width=\"2.2\"/>");
                double[] end = pixels.get(pixels.size() - 1);
                if (pixels.size() > 1 && path.divergedAt() == null) {
                    svg.add(
                            "<circle cx=\""
                                    + num(end[0])
                                    + "\" cy=\""
                                    + num(end[1])
                                    + "\" r=\"4.5\" fill=\""
                                    + path.colour()
                                    + "\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>");
                }
            }
        }
        if (!paths.isEmpty()) {
            List<double[]> first =
                    paths.get(0).points().stream().takeWhile(Plots::finite).map(toPixels).toList();
            if (!first.isEmpty()) {
                svg.haloText(
                        first.get(0)[0] + 8, first.get(0)[1] - 8, "start", 11, INK, "start", "");
            }
        }
    }

    private static void divergedNotes(Svg svg, List<Path> paths) {
        int line = 0;
        for (Path path : paths) {
            if (path.divergedAt() != null) {
                String who = paths.size() > 1 ? path.label() + " " : "";
                svg.haloText(
                        LEFT + 8,
                        TOP + 16 + 15 * line++,
                        "start",
                        11.5,
                        DIVERGED,
                        "⚠ " + who + "diverged at step " + path.divergedAt() + ": off the chart",
                        "font-weight=\"700\"");
            }
        }
    }

    // ---- line fit ----

    /**
     * A line fit's data with lines through it: the lines given (older ones fainter), and the
     * residuals, the vertical gaps from each point to {@code residualsTo}, that the loss squares
     * and sums.
     */
    public static String lineFit(double[] xs, double[] ys, List<Line> lines, Line residualsTo) {
        double[] xRange =
                padded(Arrays.stream(xs).min().orElse(0), Arrays.stream(xs).max().orElse(1), false);
        double low = Arrays.stream(ys).min().orElse(0);
        double high = Arrays.stream(ys).max().orElse(1);
        // The line whose residuals are drawn is in view too, within three spans of the data:
        // farther, it would flatten
        // the data into a stripe. Other lines may leave the picture.
        double reach = 3 * Math.max(high - low, 1);
        if (residualsTo != null
                && Double.isFinite(residualsTo.w())
                && Double.isFinite(residualsTo.b())) {
            for (double x : xRange) {
                double y = residualsTo.w() * x + residualsTo.b();
                low = Math.max(Math.min(low, y), Arrays.stream(ys).min().orElse(0) - reach);
                high = Math.min(Math.max(high, y), Arrays.stream(ys).max().orElse(1) + reach);
            }
        }
        double[] yRange = padded(low, high, false);
        double yPad = (yRange[1] - yRange[0]) * 0.08;
        Axis x = new Axis(xRange[0], xRange[1], false, LEFT, LEFT + PLOT_WIDTH);
        Axis y = new Axis(yRange[0] - yPad, yRange[1] + yPad, false, TOP + PLOT_HEIGHT, TOP);
        Svg svg = new Svg("linear", "The data with the fitted lines");
        svg.grid(x, y, ticks(x.min(), x.max(), 6), ticks(y.min(), y.max(), 5), false);
        svg.axisLabels("x", "y");
        svg.add(
                "<svg x=\""
                        + LEFT
                        + "\" y=\""
                        + TOP
                        + "\" width=\""
                        + PLOT_WIDTH
                        + "\" height=\""
                        + PLOT_HEIGHT
                        + "\" viewBox=\""
                        + LEFT
                        + " "
                        + TOP
                        + " "
                        + PLOT_WIDTH
                        + " "
                        + PLOT_HEIGHT
                        + "\" overflow=\"hidden\">");
        if (residualsTo != null
                && Double.isFinite(residualsTo.w())
                && Double.isFinite(residualsTo.b())) {
            for (int i = 0; i < xs.length; i++) {
                double fitted = residualsTo.w() * xs[i] + residualsTo.b();
                svg.add(
                        "<line x1=\""
                                + num(x.px(xs[i]))
                                + "\" y1=\""
                                + num(y.px(ys[i]))
                                + "\" x2=\""
                                + num(x.px(xs[i]))
                                + "\" y2=\""
                                + num(clamp(y.px(fitted)))
                                + "\" stroke=\""
                                + DIVERGED
                                + "\" stroke-width=\"1.4\" "
                                + "stroke-dasharray=\"3 2\" opacity=\"0.75\"/>");
            }
        }
        for (Line line : lines) {
            if (!Double.isFinite(line.w()) || !Double.isFinite(line.b())) {
                continue;
            }
            double y0 = line.w() * x.min() + line.b();
            double y1 = line.w() * x.max() + line.b();
            svg.add(
                    "<line x1=\""
                            + num(x.px(x.min()))
                            + "\" y1=\""
                            + num(clamp(y.px(y0)))
                            + "\" x2=\""
                            + num(x.px(x.max()))
                            + "\" y2=\""
                            + num(clamp(y.px(y1)))
                            + "\" stroke=\""
                            + line.colour()
                            + "\" stroke-width=\"2\" opacity=\""
                            + num(line.opacity())
                            + "\""
                            + (line.dashed() ? " stroke-dasharray=\"6 4\"" : "")
                            + "/>");
        }
        for (int i = 0; i < xs.length; i++) {
            svg.add(
                    "<circle cx=\""
                            + num(x.px(xs[i]))
                            + "\" cy=\""
                            + num(y.px(ys[i]))
                            + "\" r=\"4.2\" fill=\""
                            + INK
                            + "\" stroke=\"#ffffff\" stroke-width=\"1.2\"/>");
        }
        svg.add("</svg>");
        List<String[]> legend = new ArrayList<>();
        for (Line line : lines) {
            if (!line.label().isEmpty()) {
                legend.add(
                        new String[] {line.label(), line.colour(), line.dashed() ? "dashed" : ""});
            }
        }
        if (residualsTo != null) {
            legend.add(new String[] {"residuals", DIVERGED, "dashed"});
        }
        svg.legend(legend);
        return svg.close();
    }

    /**
     * The least-squares line of a line fit (w*, b*), from the normal equations; null when every x
     * is the same and no single line is best.
     */
    static double[] leastSquares(LineFit fit) {
        int n = fit.x().length;
        double meanX = Arrays.stream(fit.x()).average().orElse(0);
        double meanY = Arrays.stream(fit.y()).average().orElse(0);
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (fit.x()[i] - meanX) * (fit.x()[i] - meanX);
            sxy += (fit.x()[i] - meanX) * (fit.y()[i] - meanY);
        }
        if (sxx == 0) {
            return null;
        }
        double w = sxy / sxx;
        return new double[] {w, meanY - w * meanX};
    }

    /**
     * Pixel coordinates far outside the picture are pulled in, so a runaway value never reaches the
     * SVG as 1e300.
     */
    private static double clamp(double pixel) {
        return Math.max(-FAR, Math.min(FAR, pixel));
    }

    /**
     * The part of the segment from a to b inside the square of ±{@link #FAR} pixels (Liang and
     * Barsky), or null when none is; an end inside is returned as the same array, so a caller can
     * tell a clipped end from a kept one.
     */
    static double[][] clipped(double[] a, double[] b) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double enter = 0;
        double leave = 1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {a[0] + FAR, FAR - a[0], a[1] + FAR, FAR - a[1]};
        for (int k = 0; k < 4; k++) {
            if (p[k] == 0) {
                if (q[k] < 0) {
                    return null;
                }
            } else {
                double t = q[k] / p[k];
                if (p[k] < 0) {
                    enter = Math.max(enter, t);
                } else {
                    leave = Math.min(leave, t);
                }
            }
        }
        if (enter > leave) {
            return null;
        }
        double[] from = enter == 0 ? a : new double[] {a[0] + enter * dx, a[1] + enter * dy};
        double[] to = leave == 1 ? b : new double[] {a[0] + leave * dx, a[1] + leave * dy};
        return new double[][] {from, to};
    }

    /**
     * A long polyline thinned to at most a few points per pixel column, keeping the lowest and
     * highest of each column, so a 10,000-step run draws the same picture from about a thousand
     * points.
     */
    private static List<double[]> thinned(List<double[]> points) {
        if (points.size() <= 2 * PLOT_WIDTH) {
            return points;
        }
        List<double[]> kept = new ArrayList<>();
        int i = 0;
        while (i < points.size()) {
            int column = (int) Math.floor(points.get(i)[0]);
            double[] low = points.get(i);
            double[] high = points.get(i);
            int j = i;
            while (j < points.size() && (int) Math.floor(points.get(j)[0]) == column) {
                if (points.get(j)[1] < low[1]) {
                    low = points.get(j);
                }
                if (points.get(j)[1] > high[1]) {
                    high = points.get(j);
                }
                j++;
            }
            kept.add(points.get(i));
            kept.add(low);
            kept.add(high);
            kept.add(points.get(j - 1));
            i = j;
        }
        return kept;
    }

    /**
     * A path with the points dropped that lie within half a pixel of the last one kept: the same
     * picture, smaller.
     */
    private static List<double[]> condensed(List<double[]> points) {
        List<double[]> kept = new ArrayList<>();
        for (double[] point : points) {
            if (kept.isEmpty()
                    || Math.abs(point[0] - kept.get(kept.size() - 1)[0]) >= 0.5
                    || Math.abs(point[1] - kept.get(kept.size() - 1)[1]) >= 0.5) {
                kept.add(point);
            }
        }
        return kept;
    }

    // ---- axes and ticks ----

    /**
     * Maps values to pixels; on a log axis, log10 of the value. {@code from} is the pixel of {@code
     * min}.
     */
    private record Axis(double min, double max, boolean log, double from, double to) {
        double px(double value) {
            double a = log ? Math.log10(value) : value;
            double lo = log ? Math.log10(min) : min;
            double hi = log ? Math.log10(max) : max;
            return from + (a - lo) / (hi - lo) * (to - from);
        }
    }

    /**
     * Round numbers (1, 2 or 5 times a power of ten apart) within [min, max], about {@code count}
     * of them.
     */
    static List<Double> ticks(double min, double max, int count) {
        double raw = (max - min) / count;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double factor : new double[] {1, 2, 5, 10}) {
            step = factor * magnitude;
            if (step >= raw) {
                break;
            }
        }
        List<Double> ticks = new ArrayList<>();
        // Multiples of the step in decimal, so the third tick of 0.2 is 0.6 and not
        // 0.6000000000000001.
        BigDecimal exact = BigDecimal.valueOf(step);
        for (long k = (long) Math.ceil(min / step); k * step <= max + step * 1e-9; k++) {
            ticks.add(exact.multiply(BigDecimal.valueOf(k)).doubleValue());
        }
        return ticks;
    }

    private static List<Double> integerTicks(Axis x) {
        return ticks(x.min(), x.max(), 6).stream()
                .filter(t -> t == Math.rint(t) && t >= 1)
                .toList();
    }

    /** Powers of ten across the axis, every k-th one when there are many decades. */
    private static List<Double> logTicks(Axis y) {
        int lo = (int) Math.round(Math.log10(y.min()));
        int hi = (int) Math.round(Math.log10(y.max()));
        int every = Math.max(1, (int) Math.ceil((hi - lo) / 6.0));
        List<Double> ticks = new ArrayList<>();
        for (int e = lo; e <= hi; e += every) {
            ticks.add(Math.pow(10, e));
        }
        return ticks;
    }

    /** A tick label: up to 4 significant digits, powers of ten for very large or small values. */
    static String label(double value) {
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e5 || magnitude < 1e-3) {
            String[] parts = String.format(Locale.ROOT, "%.2e", value).split("e");
            return parts[0].replaceAll("\\.?0+$", "") + "e" + Integer.parseInt(parts[1]);
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** A coordinate to a tenth of a pixel, never in scientific notation. */
    private static String num(double value) {
        long tenths = Math.round(value * 10);
        long whole = tenths / 10;
        long tenth = Math.abs(tenths % 10);
        if (tenth == 0) {
            return Long.toString(whole);
        }
        return (tenths < 0 && whole == 0 ? "-" : "") + whole + "." + tenth;
    }

    /** The SVG being written: a white card with a title, grid, axes, legend and the drawing. */
    private static final class Svg {
        private final StringBuilder out = new StringBuilder(16_384);

        Svg(String scale, String description) {
            out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" viewBox=\"0 0 ")
                    .append(WIDTH)
                    .append(' ')
                    .append(HEIGHT)
                    .append("\" width=\"")
                    .append(WIDTH)
                    .append("\" height=\"")
                    .append(HEIGHT)
                    .append("\" role=\"img\" aria-label=\"")
                    .append(Html.escape(description))
                    .append("\" data-y-scale=\"")
                    .append(scale)
                    .append("\" font-family=\"")
                    .append(Html.escape(FONT))
                    .append("\">");
            out.append("<title>").append(Html.escape(description)).append("</title>");
            out.append("<rect width=\"")
                    .append(WIDTH)
                    .append("\" height=\"")
                    .append(HEIGHT)
                    .append("\" rx=\"10\" fill=\"#ffffff\"/>");
        }

        void add(String element) {
            out.append(element);
        }

        void text(double x, double y, String anchor, double size, String colour, String text) {
            text(x, y, anchor, size, colour, text, "");
        }

        void text(
                double x,
                double y,
                String anchor,
                double size,
                String colour,
                String text,
                String extra) {
            out.append("<text x=\"")
                    .append(num(x))
                    .append("\" y=\"")
                    .append(num(y))
                    .append("\" text-anchor=\"")
                    .append(anchor)
                    .append("\" font-size=\"")
                    .append(num(size))
                    .append("\" fill=\"")
                    .append(colour)
                    .append('"')
                    .append(extra.isEmpty() ? "" : " " + extra)
                    .append('>')
                    .append(Html.escape(text))
                    .append("</text>");
        }

        /** Text drawn over lines, with a white halo so it stays readable where it crosses them. */
        void haloText(
                double x,
                double y,
                String anchor,
                double size,
                String colour,
                String text,
                String extra) {
            text(
                    x,
                    y,
                    anchor,
                    size,
                    colour,
                    text,
                    "stroke=\"#ffffff\" stroke-width=\"3.5\" stroke-linejoin=\"round\" "
                            + "paint-order=\"stroke\""
                            + (extra.isEmpty() ? "" : " " + extra));
        }

        void grid(Axis x, Axis y, List<Double> xTicks, List<Double> yTicks, boolean logY) {
            for (double tick : yTicks) {
                double py = y.px(tick);
                if (py < TOP - 0.5 || py > TOP + PLOT_HEIGHT + 0.5) {
                    continue;
                }
                out.append("<line x1=\"")
                        .append(LEFT)
                        .append("\" x2=\"")
                        .append(LEFT + PLOT_WIDTH)
                        .append("\" y1=\"")
                        .append(num(py))
                        .append("\" y2=\"")
                        .append(num(py))
                        .append("\" stroke=\"")
                        .append(GRID)
                        .append("\"/>");
                if (logY) {
                    int exponent = (int) Math.round(Math.log10(tick));
                    out.append("<text x=\"")
                            .append(LEFT - 7)
                            .append("\" y=\"")
                            .append(num(py + 4))
                            .append("\" text-anchor=\"end\" font-size=\"10.5\" fill=\"")
                            .append(MUTED)
                            .append("\">10<tspan dy=\"-5\" " + "font-size=\"8\">")
                            .append(exponent < 0 ? "\u2212" + -exponent : exponent)
                            .append("</tspan></text>");
                } else {
                    text(LEFT - 7, py + 4, "end", 10.5, MUTED, label(tick));
                }
            }
            for (double tick : xTicks) {
                double px = x.px(tick);
                if (px < LEFT - 0.5 || px > LEFT + PLOT_WIDTH + 0.5) {
                    continue;
                }
                out.append("<line x1=\"")
                        .append(num(px))
                        .append("\" x2=\"")
                        .append(num(px))
                        .append("\" y1=\"")
                        .append(TOP)
                        .append("\" y2=\"")
                        .append(TOP + PLOT_HEIGHT)
                        .append("\" stroke=\"")
                        .append(GRID)
                        .append("\"/>");
                text(px, TOP + PLOT_HEIGHT + 15, "middle", 10.5, MUTED, label(tick));
            }
            out.append("<rect x=\"")
                    .append(LEFT)
                    .append("\" y=\"")
                    .append(TOP)
                    .append("\" width=\"")
                    .append(PLOT_WIDTH)
                    .append("\" height=\"")
                    .append(PLOT_HEIGHT)
                    .append("\" fill=\"none\" stroke=\"#c9cfdb\"/>");
        }

        void axisLabels(String xName, String yName) {
            text(LEFT + PLOT_WIDTH / 2.0, HEIGHT - 8, "middle", 11.5, INK, xName);
            double y = TOP + PLOT_HEIGHT / 2.0;
            text(15, y, "middle", 11.5, INK, yName, "transform=\"rotate(-90 15 " + num(y) + ")\"");
        }

        /**
         * A line through the points; segments are clipped to a generous box, so they keep their
         * direction.
         */
        void polyline(
                List<double[]> points, String colour, double width, double opacity, boolean round) {
            StringBuilder d = new StringBuilder();
            double[] previous = null;
            boolean drawing = false;
            for (double[] point : points) {
                if (!Double.isFinite(point[0]) || !Double.isFinite(point[1])) {
                    previous = null;
                    drawing = false;
                    continue;
                }
                if (previous != null) {
                    double[][] segment = clipped(previous, point);
                    if (segment == null) {
                        drawing = false;
                    } else {
                        if (!drawing || segment[0] != previous) {
                            d.append('M')
                                    .append(num(segment[0][0]))
                                    .append(' ')
                                    .append(num(segment[0][1]));
                        }
                        d.append('L')
                                .append(num(segment[1][0]))
                                .append(' ')
                                .append(num(segment[1][1]));
                        drawing = segment[1] == point;
                    }
                }
                previous = point;
            }
            if (d.length() == 0) {
                return;
            }
            out.append("<path d=\"")
                    .append(d)
                    .append("\" fill=\"none\" stroke=\"")
                    .append(colour)
                    .append("\" stroke-width=\"")
                    .append(num(width))
                    .append("\" stroke-linejoin=\"round\"")
                    .append(round ? " stroke-linecap=\"round\"" : "")
                    .append(opacity < 1 ? " opacity=\"" + opacity + "\"" : "")
                    .append("/>");
        }

        void dot(double x, double y, double r, String colour) {
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                return;
            }
            out.append("<circle cx=\"")
                    .append(num(clamp(x)))
                    .append("\" cy=\"")
                    .append(num(clamp(y)))
                    .append("\" r=\"")
                    .append(num(r))
                    .append("\" fill=\"")
                    .append(colour)
                    .append("\" stroke=\"#ffffff\" stroke-width=\"0.8\"/>");
        }

        void minimum(double x, double y, String label) {
            out.append("<path d=\"M")
                    .append(num(x - 5))
                    .append(' ')
                    .append(num(y - 5))
                    .append("L")
                    .append(num(x + 5))
                    .append(' ')
                    .append(num(y + 5))
                    .append("M")
                    .append(num(x - 5))
                    .append(' ')
                    .append(num(y + 5))
                    .append("L")
                    .append(num(x + 5))
                    .append(' ')
                    .append(num(y - 5))
                    .append("\" stroke=\"")
                    .append(MINIMUM)
                    .append("\" stroke-width=\"2.6\" stroke-linecap=\"round\"/>");
            boolean nearRight = x > LEFT + PLOT_WIDTH * 0.7;
            boolean nearBottom = y > TOP + PLOT_HEIGHT - 24;
            haloText(
                    nearRight ? x - 9 : x + 9,
                    nearBottom ? y - 9 : y + 15,
                    nearRight ? "end" : "start",
                    10.5,
                    MINIMUM,
                    label,
                    "font-weight=\"600\"");
        }

        /**
         * A dashed red line across the plot at the step where a run blew up, with the words on it.
         */
        void divergedMarker(double x, String words) {
            double px = Math.min(Math.max(x, LEFT), LEFT + PLOT_WIDTH);
            out.append("<line x1=\"")
                    .append(num(px))
                    .append("\" x2=\"")
                    .append(num(px))
                    .append("\" y1=\"")
                    .append(TOP)
                    .append("\" y2=\"")
                    .append(TOP + PLOT_HEIGHT)
                    .append("\" stroke=\"")
                    .append(DIVERGED)
                    .append("\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>");
            out.append("<path d=\"M")
                    .append(num(px - 6))
                    .append(' ')
                    .append(TOP + 9)
                    .append("L")
                    .append(num(px))
                    .append(' ')
                    .append(TOP)
                    .append("L")
                    .append(num(px + 6))
                    .append(' ')
                    .append(TOP + 9)
                    .append("Z\" fill=\"")
                    .append(DIVERGED)
                    .append("\"/>");
            boolean right = px > LEFT + PLOT_WIDTH * 0.6;
            haloText(
                    right ? px - 8 : px + 8,
                    TOP + 26,
                    right ? "end" : "start",
                    12,
                    DIVERGED,
                    "\u26a0 " + words,
                    "font-weight=\"700\" class=\"diverged-marker\"");
        }

        /**
         * Legend entries {label, colour, style} in the top margin, from the left edge of the plot.
         */
        void legend(List<String[]> entries) {
            double x = LEFT;
            for (String[] entry : entries) {
                out.append("<line x1=\"")
                        .append(num(x))
                        .append("\" x2=\"")
                        .append(num(x + 18))
                        .append("\" y1=\"16\" y2=\"16\" " + "stroke=\"")
                        .append(entry[1])
                        .append("\" stroke-width=\"")
                        .append(entry[2].equals("faint") ? "1.5" : "2.6")
                        .append('"')
                        .append(entry[2].equals("dashed") ? " stroke-dasharray=\"5 3\"" : "")
                        .append(entry[2].equals("faint") ? " opacity=\"0.5\"" : "")
                        .append("/>");
                text(x + 23, 20, "start", 11, INK, entry[0]);
                x += 6.2 * entry[0].length() + 40;
            }
        }

        String close() {
            return out.append("</svg>").toString();
        }
    }
}
