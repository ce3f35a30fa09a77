package dev.gradientdeck.streaks;

import dev.gradientdeck.present.Svg;
import java.util.List;

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
        Svg svg = Svg.open(WIDTH, HEIGHT, ariaLabel, "class", "bar-chart");
        for (int tick : new int[] {0, top / 2, top}) {
            double y = TOP + plotHeight - plotHeight * tick / top;
            svg.add(
                    "line",
                    "x1",
                    LEFT,
                    "y1",
                    y,
                    "x2",
                    WIDTH - 6,
                    "y2",
                    y,
                    "stroke",
                    "#8a94a6",
                    "stroke-opacity",
                    "0.25");
            svg.text(
                    String.valueOf(tick),
                    "x",
                    LEFT - 6,
                    "y",
                    y + 3.5,
                    "font-size",
                    12,
                    "text-anchor",
                    "end",
                    "fill",
                    "#8a94a6");
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double h = plotHeight * bar.value() / top;
            double x = LEFT + i * slot + slot * 0.15;
            double y = TOP + plotHeight - h;
            svg.titled(
                    "rect",
                    bar.title(),
                    "x",
                    x,
                    "y",
                    y,
                    "width",
                    slot * 0.7,
                    "height",
                    Math.max(h, bar.value() > 0 ? 1.5 : 0),
                    "rx",
                    2,
                    "fill",
                    colour,
                    "fill-opacity",
                    bar.highlight() ? "1" : "0.75");
            if (!bar.label().isEmpty()) {
                svg.text(
                        bar.label(),
                        "x",
                        x + slot * 0.35,
                        "y",
                        HEIGHT - 6,
                        "font-size",
                        12,
                        "text-anchor",
                        "middle",
                        "fill",
                        "#8a94a6");
            }
        }
        return svg.close();
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
