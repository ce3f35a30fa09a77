package dev.gradientdeck.descent.plots;

import static dev.gradientdeck.descent.plots.LineFitPlot.*;
import static dev.gradientdeck.descent.plots.Plots.*;
import static dev.gradientdeck.descent.plots.Scales.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Landscapes: contour lines of a two-parameter loss, or the curve of a one-parameter loss, with the paths runs took. */
public final class Landscape {
    private Landscape() {}

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
        Svg svg = new Svg("linear", "Loss landscape of " + String.join(" and ", names) + " with the path of the run");
        svg.grid(x, y, ticks(x.min(), x.max(), 6), ticks(y.min(), y.max(), 5), false);
        svg.axisLabels(names.get(0), names.get(1));
        svg.openPlotArea();

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
            String d = contourPath(values, levels.get(k));
            if (!d.isEmpty()) {
                svg.add("<path d=\""
                        + d
                        + "\" fill=\"none\" stroke=\""
                        + ramp(share)
                        + "\" stroke-width=\""
                        + (share < 0.5 ? "1.2" : "1")
                        + "\"/>");
            }
        }
        startLevel(svg, loss, paths, values);
        List<Marker> shown =
                new ArrayList<>(minima.stream().filter(m -> inside(m.at(), box)).toList());
        if (markLowest && lowest != null) {
            shown.add(new Marker("lowest in view", lowest));
        }
        drawPaths(svg, paths, p -> new double[] {x.px(p[0]), y.px(p[1])});
        for (Marker marker : shown) {
            svg.minimum(x.px(marker.at()[0]), y.px(marker.at()[1]), marker.label());
        }
        svg.closePlotArea();
        divergedNotes(svg, paths);
        svg.legend(paths.stream()
                .map(p -> new String[] {p.label(), p.colour(), ""})
                .toList());
        return svg.close();
    }

    /**
     * The contour lines of a level as an SVG path, grid row j at the pixel height of the y value it
     * was sampled at (row 0 is the lowest y, drawn at the bottom).
     */
    static String contourPath(double[][] values, double level) {
        int rows = values.length;
        int columns = values[0].length;
        StringBuilder d = new StringBuilder();
        for (List<double[]> line : Contours.at(capped(values), level)) {
            for (int p = 0; p < line.size(); p++) {
                double px = LEFT + PLOT_WIDTH * line.get(p)[0] / (columns - 1.0);
                double py = TOP + PLOT_HEIGHT * (rows - 1.0 - line.get(p)[1]) / (rows - 1.0);
                d.append(p == 0 ? "M" : "L").append(num(px)).append(' ').append(num(py));
            }
        }
        return d.toString();
    }

    /**
     * The contour through the main run's start, dashed in its colour: the level the run leaves
     * first, drawn from the same grid as the other contours (so a picture turned upside down would
     * show the start off its own line).
     */
    static void startLevel(Svg svg, ToDoubleFunction<double[]> loss, List<Path> paths, double[][] values) {
        if (paths.isEmpty() || paths.get(0).points().isEmpty()) {
            return;
        }
        double level = loss.applyAsDouble(paths.get(0).points().get(0));
        if (!Double.isFinite(level)) {
            return;
        }
        String d = contourPath(values, level);
        if (!d.isEmpty()) {
            svg.add("<path class=\"start-level\" d=\""
                    + d
                    + "\" fill=\"none\" stroke=\""
                    + paths.get(0).colour()
                    + "\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\" opacity=\"0.8\"/>");
        }
    }

    /**
     * A one-parameter loss as a curve, with the points each run visited on it, joined in order, so
     * oscillation across the minimum shows as a zigzag and divergence as a path climbing out of the
     * picture.
     */
    public static String curve(
            ToDoubleFunction<double[]> loss, String name, List<Path> paths, List<Marker> minima, boolean markLowest) {
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
        double[] range = heights.isEmpty()
                ? new double[] {0, 1}
                : padded(
                        heights.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                        heights.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                        true);
        Axis y = new Axis(range[0], range[1], false, TOP + PLOT_HEIGHT, TOP);
        Svg svg = new Svg("linear", "Loss as a function of " + name + " with the points the run visited");
        svg.grid(x, y, ticks(x.min(), x.max(), 6), ticks(y.min(), y.max(), 5), false);
        svg.axisLabels(name, "loss");
        svg.openPlotArea();
        List<double[]> drawn = new ArrayList<>();
        for (double[] point : curve) {
            if (Double.isFinite(point[1])) {
                drawn.add(new double[] {x.px(point[0]), y.px(point[1])});
            }
        }
        svg.polyline(drawn, MUTED, 1.6, 1, false);
        List<Marker> shown = new ArrayList<>(minima.stream()
                .filter(m -> m.at()[0] >= x.min() && m.at()[0] <= x.max())
                .toList());
        if (markLowest && lowest != null) {
            shown.add(new Marker("lowest in view", new double[] {lowest[0]}));
        }
        drawPaths(svg, paths, p -> new double[] {x.px(p[0]), y.px(loss.applyAsDouble(p))});
        for (Marker marker : shown) {
            svg.minimum(x.px(marker.at()[0]), y.px(loss.applyAsDouble(marker.at())), marker.label());
        }
        svg.closePlotArea();
        divergedNotes(svg, paths);
        svg.legend(paths.stream()
                .map(p -> new String[] {p.label(), p.colour(), ""})
                .toList());
        return svg.close();
    }

    /**
     * The box in view, per dimension {min, max}. Its core is each path's start and first step and
     * where the main run heads: the minimum nearest its end (or the end itself when no minimum is
     * known), or for a run that blew up, the minimum nearest its start. Every point of the paths
     * within 8 core-widths of the core is in view too; points farther out (a run escaping to
     * infinity) leave the picture at its edge instead of shrinking everything else to a dot.
     */
    static double[][] view(List<Path> paths, List<Marker> minima, int dimensions) {
        List<double[]> core = new ArrayList<>();
        for (Path path : paths) {
            List<double[]> finite =
                    path.points().stream().takeWhile(Landscape::finite).toList();
            core.addAll(finite.subList(0, Math.min(2, finite.size())));
        }
        if (!paths.isEmpty()) {
            Path main = paths.get(0);
            List<double[]> finite =
                    main.points().stream().takeWhile(Landscape::finite).toList();
            if (!finite.isEmpty()) {
                double[] end = main.divergedAt() == null ? finite.get(finite.size() - 1) : finite.get(0);
                core.add(minima.stream()
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
            reach[d] = 8 * Math.max(Math.max(near[d][1] - near[d][0], widest / 4), widest == 0 ? 1 : 0);
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
    static void equalAspect(double[][] box) {
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

    static double[][] bounds(List<double[]> points, int dimensions) {
        double[][] box = new double[dimensions][];
        for (int d = 0; d < dimensions; d++) {
            int k = d;
            box[d] = new double[] {
                points.stream().mapToDouble(p -> p[k]).min().orElse(0),
                points.stream().mapToDouble(p -> p[k]).max().orElse(0)
            };
        }
        return box;
    }

    static boolean inside(double[] point, double[][] box) {
        for (int d = 0; d < box.length; d++) {
            if (!(point[d] >= box[d][0] && point[d] <= box[d][1])) {
                return false;
            }
        }
        return true;
    }

    static boolean finite(double[] point) {
        return Arrays.stream(point).allMatch(Double::isFinite);
    }

    static double distance(double[] a, double[] b) {
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
        double[] sorted = Arrays.stream(values)
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
    static double[][] capped(double[][] values) {
        double highest = Arrays.stream(values)
                .flatMapToDouble(Arrays::stream)
                .filter(Double::isFinite)
                .max()
                .orElse(1);
        double cap = Math.abs(highest) * 10 + 1;
        double[][] capped = new double[values.length][];
        for (int j = 0; j < values.length; j++) {
            capped[j] = Arrays.stream(values[j])
                    .map(v -> Double.isFinite(v) ? v : cap)
                    .toArray();
        }
        return capped;
    }

    static String ramp(double share) {
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
    static void drawPaths(Svg svg, List<Path> paths, java.util.function.Function<double[], double[]> toPixels) {
        for (int k = paths.size() - 1; k >= 0; k--) {
            Path path = paths.get(k);
            List<double[]> pixels = path.points().stream()
                    .takeWhile(Landscape::finite)
                    .map(toPixels)
                    .toList();
            svg.polyline(condensed(pixels), path.colour(), 2, 0.95, true);
            for (int i = 1; i < Math.min(pixels.size(), 41); i++) {
                svg.dot(pixels.get(i)[0], pixels.get(i)[1], 2.8, path.colour());
            }
            if (!pixels.isEmpty()) {
                double[] start = pixels.get(0);
                svg.add("<circle cx=\""
                        + num(start[0])
                        + "\" cy=\""
                        + num(start[1])
                        + "\" r=\"5.5\" fill=\"#ffffff\" stroke=\""
                        + path.colour()
                        + "\" stroke-width=\"2.2\"/>");
                double[] end = pixels.get(pixels.size() - 1);
                if (pixels.size() > 1 && path.divergedAt() == null) {
                    svg.add("<circle cx=\""
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
            List<double[]> first = paths.get(0).points().stream()
                    .takeWhile(Landscape::finite)
                    .map(toPixels)
                    .toList();
            if (!first.isEmpty()) {
                svg.haloText(first.get(0)[0] + 8, first.get(0)[1] - 8, "start", 11, INK, "start", "");
            }
        }
    }

    static void divergedNotes(Svg svg, List<Path> paths) {
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
}
