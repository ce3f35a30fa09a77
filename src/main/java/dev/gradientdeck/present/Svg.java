package dev.gradientdeck.present;

import java.util.List;
import java.util.Locale;

/**
 * The one SVG writer of the app's charts (heatmap, bar charts, the scheduler's plots): elements with their attributes,
 * text and hover titles escaped in one place, pixel positions written with one decimal. Hand-written because each chart
 * needs a handful of elements, which a DOM or charting library would not make shorter.
 *
 * <p>Attributes come as name-value pairs: {@code add("rect", "x", 12.5, "width", 10, "fill", "#3b5bdb")}. A double is
 * written with one decimal, any other number as it is, anything else escaped as text.
 */
public final class Svg {
    private final StringBuilder out = new StringBuilder(4096);

    private Svg() {}

    /** An SVG that scales to its container's width, with a label screen readers read out. */
    public static Svg open(int width, int height, String label, Object... attributes) {
        Svg svg = new Svg();
        svg.out
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"")
                .append(Html.escape(label))
                .append('"');
        svg.attributes(attributes).out.append('>');
        return svg;
    }

    /** An element with no content. */
    public Svg add(String tag, Object... attributes) {
        out.append('<').append(tag);
        return attributes(attributes).raw("/>");
    }

    /** An element whose hover title (a tooltip on a laptop, read out by screen readers) says what it shows. */
    public Svg titled(String tag, String title, Object... attributes) {
        out.append('<').append(tag);
        attributes(attributes)
                .out
                .append("><title>")
                .append(Html.escape(title))
                .append("</title></")
                .append(tag)
                .append('>');
        return this;
    }

    public Svg text(String text, Object... attributes) {
        out.append("<text");
        attributes(attributes).out.append('>').append(Html.escape(text)).append("</text>");
        return this;
    }

    /** A line through points already in pixels. */
    public Svg polyline(List<double[]> points, Object... attributes) {
        StringBuilder joined = new StringBuilder(points.size() * 12);
        for (double[] p : points) {
            if (!joined.isEmpty()) joined.append(' ');
            joined.append(number(p[0])).append(',').append(number(p[1]));
        }
        out.append("<polyline points=\"").append(joined).append('"');
        return attributes(attributes).raw("/>");
    }

    /** Elements that share one hover title, until {@link #endGroup()}. */
    public Svg group(String title, Object... attributes) {
        out.append("<g");
        attributes(attributes).out.append("><title>").append(Html.escape(title)).append("</title>");
        return this;
    }

    public Svg endGroup() {
        return raw("</g>");
    }

    public String close() {
        return out.append("</svg>").toString();
    }

    /** A pixel position or size as written in the SVG: one decimal is finer than a screen shows. */
    public static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private Svg attributes(Object[] attributes) {
        if (attributes.length % 2 != 0) throw new IllegalArgumentException("attributes come in name-value pairs");
        for (int i = 0; i < attributes.length; i += 2) {
            Object value = attributes[i + 1];
            String written = value instanceof Double d
                    ? number(d)
                    : value instanceof Number n ? n.toString() : Html.escape(String.valueOf(value));
            out.append(' ').append(attributes[i]).append("=\"").append(written).append('"');
        }
        return this;
    }

    private Svg raw(String text) {
        out.append(text);
        return this;
    }
}
