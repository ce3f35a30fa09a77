package dev.gradientdeck.present;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * How the app writes numbers, for pages, the command line and the API alike. Always with a dot for the decimal point
 * ({@link Locale#ROOT}), whatever the machine's locale, so a value reads (and parses back) the same everywhere.
 */
public final class Numbers {
    private Numbers() {}

    /**
     * Six significant digits without trailing zeros, in scientific notation outside [1e-4, 1e7): "0.05", "-1.5",
     * "1.23457e-5", "2.5e7". Not-a-number and infinities read "NaN", "inf", "-inf" (as PyTorch prints them).
     */
    public static String compact(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-4 && magnitude < 1e7) {
            return new BigDecimal(value)
                    .round(new MathContext(6))
                    .stripTrailingZeros()
                    .toPlainString();
        }
        String[] parts = String.format(Locale.ROOT, "%.5e", value).split("e");
        String mantissa = parts[0].replaceAll("0+$", "").replaceAll("\\.$", "");
        return mantissa + "e" + Integer.parseInt(parts[1]);
    }

    /** Exactly one decimal: "3.0", "12.5". */
    public static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** At most one decimal, dropped when it rounds to zero: "1", "1.3" (half up, as the interval labels round). */
    public static String tenths(double value) {
        long tenths = Math.round(value * 10);
        if (tenths % 10 == 0) {
            return Long.toString(tenths / 10);
        }
        // -0.3 has no whole part to carry the sign.
        String sign = tenths < 0 && tenths > -10 ? "-" : "";
        return sign + tenths / 10 + "." + Math.abs(tenths % 10);
    }

    /** A share of 1 as a percentage with one decimal: 0.875 reads "87.5%". */
    public static String percent(double share) {
        return oneDecimal(100 * share) + "%";
    }
}
