package dev.gradientdeck.descent.engine;

import dev.gradientdeck.present.Numbers;
import java.util.List;

/**
 * Numbers and names as TeX for KaTeX, the way worked lines write them: numbers to 6 significant
 * digits, parameter names as symbols.
 */
public final class Tex {
    private Tex() {}

    /**
     * A number to 6 significant digits: {@code -26.4}, {@code 2.5\times10^{-5}}, {@code \infty}.
     */
    public static String n(double value) {
        String text = Numbers.compact(value);
        return switch (text) {
            case "inf" -> "\\infty";
            case "-inf" -> "-\\infty";
            case "NaN" -> "\\mathrm{NaN}";
            default -> {
                int e = text.indexOf('e');
                if (e < 0) {
                    yield text;
                }
                String mantissa = text.substring(0, e);
                String power = "10^{" + text.substring(e + 1) + "}";
                yield switch (mantissa) {
                    case "1" -> power;
                    case "-1" -> "-" + power;
                    default -> mantissa + "\\times" + power;
                };
            }
        };
    }

    /** A number as a factor: in parentheses when it is negative or written with a power of ten. */
    public static String f(double value) {
        String text = n(value);
        return text.startsWith("-") || text.contains("\\times") || text.startsWith("10^") ? "(" + text + ")" : text;
    }

    /** ∂L/∂name. */
    public static String d(String name) {
        return "\\partial L/\\partial " + symbol(name);
    }

    /**
     * A parameter's name as TeX: {@code w}, {@code w1} as w with subscript 1, longer names upright.
     * Names come from card files, so anything but letters, digits and underscores is dropped rather
     * than passed to TeX.
     */
    public static String symbol(String name) {
        if (name.matches("[A-Za-z]")) {
            return name;
        }
        if (name.matches("[A-Za-z]\\d+")) {
            return name.charAt(0) + "_{" + name.substring(1) + "}";
        }
        String safe = name.replaceAll("[^A-Za-z0-9_]", "").replace("_", "\\_");
        return "\\mathrm{" + (safe.isEmpty() ? "?" : safe) + "}";
    }

    /** Names as a tuple: {@code w}, or {@code (x,\ y)}. */
    public static String tuple(List<String> names) {
        List<String> symbols = names.stream().map(Tex::symbol).toList();
        return symbols.size() == 1 ? symbols.get(0) : "(" + String.join(",\\ ", symbols) + ")";
    }

    /** Values as a tuple: {@code 3}, or {@code (0.14,\ 0.22)}. */
    public static String values(List<Double> values) {
        List<String> shown = values.stream().map(Tex::n).toList();
        return shown.size() == 1 ? shown.get(0) : "(" + String.join(",\\ ", shown) + ")";
    }
}
