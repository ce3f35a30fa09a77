package dev.gradientdeck.descent.plots;

import static dev.gradientdeck.descent.plots.Plots.*;
import static dev.gradientdeck.descent.plots.Scales.*;

import dev.gradientdeck.descent.engine.DataProblem.LineFit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A line fit's data with the lines a run drew through it, and the geometry shared by paths (clipping, thinning). */
public final class LineFitPlot {
    private LineFitPlot() {}

    // ---- line fit ----

    /**
     * A line fit's data with lines through it: the lines given (older ones fainter), and the
     * residuals, the vertical gaps from each point to {@code residualsTo}, that the loss squares
     * and sums.
     */
    public static String lineFit(double[] xs, double[] ys, List<Line> lines, Line residualsTo) {
        double[] xRange = padded(
                Arrays.stream(xs).min().orElse(0), Arrays.stream(xs).max().orElse(1), false);
        double low = Arrays.stream(ys).min().orElse(0);
        double high = Arrays.stream(ys).max().orElse(1);
        // The line whose residuals are drawn is in view too, within three spans of the data:
        // farther, it would flatten
        // the data into a stripe. Other lines may leave the picture.
        double reach = 3 * Math.max(high - low, 1);
        if (residualsTo != null && Double.isFinite(residualsTo.w()) && Double.isFinite(residualsTo.b())) {
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
        svg.openPlotArea();
        if (residualsTo != null && Double.isFinite(residualsTo.w()) && Double.isFinite(residualsTo.b())) {
            for (int i = 0; i < xs.length; i++) {
                double fitted = residualsTo.w() * xs[i] + residualsTo.b();
                svg.add("<line x1=\""
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
            svg.add("<line x1=\""
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
            svg.add("<circle cx=\""
                    + num(x.px(xs[i]))
                    + "\" cy=\""
                    + num(y.px(ys[i]))
                    + "\" r=\"4.2\" fill=\""
                    + INK
                    + "\" stroke=\"#ffffff\" stroke-width=\"1.2\"/>");
        }
        svg.closePlotArea();
        List<String[]> legend = new ArrayList<>();
        for (Line line : lines) {
            if (!line.label().isEmpty()) {
                legend.add(new String[] {line.label(), line.colour(), line.dashed() ? "dashed" : ""});
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
    public static double[] leastSquares(LineFit fit) {
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
    static double clamp(double pixel) {
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
    static List<double[]> thinned(List<double[]> points) {
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
    static List<double[]> condensed(List<double[]> points) {
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
}
