package dev.gradientdeck.practice.web;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * A trend as a small line over its target range, in a fixed {@link #WIDTH} x {@link #HEIGHT} view
 * box: only the geometry is decided here, a template writes it out as SVG. The vertical scale
 * always spans {@code floor} to {@code ceiling} (stretched to fit values outside), so lines of
 * different histories are comparable at a glance.
 *
 * @param points the polyline's "x,y x,y ..." in view-box units, oldest value first; empty with no
 *     values
 * @param lastX where the newest value is drawn, to mark it with a dot
 * @param bandTop the top of the shaded target range
 * @param bandHeight its height
 */
public record Sparkline(String points, double lastX, double lastY, double bandTop, double bandHeight, int count) {

    public static final double WIDTH = 120;
    public static final double HEIGHT = 32;
    private static final double PAD = 3;

    public static Sparkline of(List<Double> values, double floor, double ceiling, double bandLow, double bandHigh) {
        double low = floor;
        double high = ceiling;
        for (double v : values) {
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        Scale scale = new Scale(low, high);
        StringJoiner points = new StringJoiner(" ");
        double x = 0;
        double y = 0;
        for (int i = 0; i < values.size(); i++) {
            x = values.size() == 1 ? WIDTH / 2 : PAD + i * (WIDTH - 2 * PAD) / (values.size() - 1);
            y = scale.y(values.get(i));
            points.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        double bandTop = scale.y(bandHigh);
        return new Sparkline(points.toString(), x, y, bandTop, scale.y(bandLow) - bandTop, values.size());
    }

    public boolean isEmpty() {
        return count == 0;
    }

    private record Scale(double low, double high) {
        /**
         * Higher values are drawn higher; a flat scale (all values equal, no range) puts them in
         * the middle.
         */
        double y(double value) {
            double span = high - low;
            double share = span > 0 ? (high - value) / span : 0.5;
            return PAD + share * (HEIGHT - 2 * PAD);
        }
    }
}
