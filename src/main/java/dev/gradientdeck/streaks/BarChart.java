package dev.gradientdeck.streaks;

import dev.gradientdeck.present.Html;

import java.util.List;
import java.util.Locale;

/** A small server-rendered bar chart (reviews per day, the due forecast): one bar per labelled value, hover titles. */
public final class BarChart {
    private static final int WIDTH = 380;
    private static final int HEIGHT = 150;
    private static final int LEFT = 28;
    private static final int BOTTOM = 22;
    private static final int TOP = 10;

    public record Bar(String label, String title, int value, boolean highlight) {}

    private BarChart() {}

    public static String svg(List<Bar> bars, String ariaLabel, String colour) {
        int max = Math.max(1, bars.stream().mapToInt(Bar::value).max().orElse(0));
        int top = niceCeiling(max);
        double plotWidth = WIDTH - LEFT - 6;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = plotWidth / Math.max(1, bars.size());
        StringBuilder svg = new StringBuilder(8192);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"").append(Html.escape(ariaLabel)).append("\" class=\"bar-chart\">");
        for (int tick : new int[] {0, top / 2, top}) {
            double y = TOP + plotHeight - plotHeight * tick / top;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#8a94a6\" stroke-opacity=\"0.25\"/>", LEFT, y, WIDTH - 6, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\" fill=\"#8a94a6\">%d</text>", LEFT - 6, y + 3.5, tick));
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double h = plotHeight * bar.value() / top;
            double x = LEFT + i * slot + slot * 0.15;
            double y = TOP + plotHeight - h;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"2\" fill=\"%s\"%s><title>%s</title></rect>",
                    x, y, slot * 0.7, Math.max(h, bar.value() > 0 ? 1.5 : 0), colour, bar.highlight() ? " fill-opacity=\"1\"" : " fill-opacity=\"0.75\"",
                    Html.escape(bar.title())));
            if (!bar.label().isEmpty()) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" fill=\"#8a94a6\">%s</text>",
                        x + slot * 0.35, HEIGHT - 6, Html.escape(bar.label())));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** 1, 2, 5, 10, 20, 50 ...: an axis top a reader can halve in their head. */
    static int niceCeiling(int max) {
        int magnitude = 1;
        while (true) {
            for (int step : new int[] {1, 2, 5}) {
                if (step * magnitude >= max) return step * magnitude;
            }
            magnitude *= 10;
        }
    }
}
