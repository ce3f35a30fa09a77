package dev.gradientdeck.descent.plots;

import static dev.gradientdeck.descent.plots.Plots.*;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Axes, ticks and the numbers written on them. */
final class Scales {
    private Scales() {}

    // ---- axes and ticks ----

    /**
     * Maps values to pixels; on a log axis, log10 of the value. {@code from} is the pixel of {@code
     * min}.
     */
    record Axis(double min, double max, boolean log, double from, double to) {
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

    static List<Double> integerTicks(Axis x) {
        return ticks(x.min(), x.max(), 6).stream()
                .filter(t -> t == Math.rint(t) && t >= 1)
                .toList();
    }

    /** Powers of ten across the axis, every k-th one when there are many decades. */
    static List<Double> logTicks(Axis y) {
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
        return new BigDecimal(value)
                .round(new MathContext(4))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** A coordinate to a tenth of a pixel, never in scientific notation. */
    static String num(double value) {
        long tenths = Math.round(value * 10);
        long whole = tenths / 10;
        long tenth = Math.abs(tenths % 10);
        if (tenth == 0) {
            return Long.toString(whole);
        }
        return (tenths < 0 && whole == 0 ? "-" : "") + whole + "." + tenth;
    }
}
