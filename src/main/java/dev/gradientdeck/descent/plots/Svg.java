package dev.gradientdeck.descent.plots;

import static dev.gradientdeck.descent.plots.Landscape.*;
import static dev.gradientdeck.descent.plots.LineFitPlot.*;
import static dev.gradientdeck.descent.plots.Plots.*;
import static dev.gradientdeck.descent.plots.Scales.*;

import dev.gradientdeck.present.Html;
import java.util.List;

/** The SVG being written: a white card with a title, grid, axes, legend and the drawing. */
final class Svg {
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

    /** The plot area as a nested SVG that clips what is drawn in it, so a path running off the scale stops at the axes. */
    void openPlotArea() {
        String box = LEFT + " " + TOP + " " + PLOT_WIDTH + " " + PLOT_HEIGHT;
        out.append("<svg x=\"")
                .append(LEFT)
                .append("\" y=\"")
                .append(TOP)
                .append("\" width=\"")
                .append(PLOT_WIDTH)
                .append("\" height=\"")
                .append(PLOT_HEIGHT)
                .append("\" viewBox=\"")
                .append(box)
                .append("\" overflow=\"hidden\">");
    }

    void closePlotArea() {
        out.append("</svg>");
    }

    void add(String element) {
        out.append(element);
    }

    void text(double x, double y, String anchor, double size, String colour, String text) {
        text(x, y, anchor, size, colour, text, "");
    }

    void text(double x, double y, String anchor, double size, String colour, String text, String extra) {
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
    void haloText(double x, double y, String anchor, double size, String colour, String text, String extra) {
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
    void polyline(List<double[]> points, String colour, double width, double opacity, boolean round) {
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
                        d.append('M').append(num(segment[0][0])).append(' ').append(num(segment[0][1]));
                    }
                    d.append('L').append(num(segment[1][0])).append(' ').append(num(segment[1][1]));
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
