package dev.gradientdeck.streaks;

import dev.gradientdeck.present.Svg;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The stats page's year of days as a standalone SVG: 53 week columns (Monday on top) ending with today's week, one square
 * per day shaded by its reviews, frozen days in ice blue with a diagonal, and a hover title on every square.
 *
 * <p>Colours are presentation attributes rather than a {@code <style>} block so that a strict Content-Security-Policy on
 * the page cannot strip them.
 */
public final class Heatmap {

    static final int WEEKS = 53;
    private static final int CELL = 10;
    private static final int PITCH = 13;
    private static final int LEFT = 30;
    private static final int TOP = 20;
    private static final int GRID_WIDTH = WEEKS * PITCH - (PITCH - CELL);
    private static final int GRID_HEIGHT = 7 * PITCH - (PITCH - CELL);
    private static final int LEGEND_Y = TOP + GRID_HEIGHT + 12;
    static final int WIDTH = LEFT + GRID_WIDTH + 4;
    static final int HEIGHT = LEGEND_Y + CELL + 6;

    /** Level 0 is a day without reviews, 1 a day below the goal, 2-4 counted days from fewer reviews to more. */
    static final List<String> SHADES = List.of("#ebedf0", "#c6e9cd", "#8fd19e", "#3fa45b", "#1b6b35");

    static final String FROZEN_FILL = "#cfeafb";
    private static final String FROZEN_LINE = "#3d8fd1";
    private static final String TODAY_OUTLINE = "#24292f";
    private static final String LABEL_COLOUR = "#57606a";
    private static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

    private static final DateTimeFormatter TITLE_DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);

    private Heatmap() {}

    public static String svg(
            Map<LocalDate, Integer> activityPerDay, Set<LocalDate> frozenDays, LocalDate today, int dailyGoal) {
        LocalDate first = firstDay(today);
        Shades shades = Shades.of(activityPerDay, first, today, dailyGoal);
        Svg svg = Svg.open(
                WIDTH, HEIGHT, "Reviews per day from " + TITLE_DATE.format(first) + " to " + TITLE_DATE.format(today));
        appendMonthLabels(svg, first);
        appendWeekdayLabels(svg);
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            int count = activityPerDay.getOrDefault(day, 0);
            appendDay(svg, day, count, frozenDays.contains(day), day.equals(today), shades, x(first, day), y(day));
        }
        appendLegend(svg, shades);
        return svg.close();
    }

    /** The Monday 52 weeks before today's week, so that today's week is the 53rd column. */
    static LocalDate firstDay(LocalDate today) {
        return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1);
    }

    /** "Sat 21 Nov 2026: 3 reviews", with why a day looks different when it does. */
    static String title(LocalDate day, int count, boolean frozen, int dailyGoal) {
        String text = TITLE_DATE.format(day) + ": " + count + (count == 1 ? " review" : " reviews");
        if (frozen) {
            return text + " (frozen: a freeze kept the streak)";
        }
        if (count > 0 && count < dailyGoal) {
            return text + " (daily goal " + dailyGoal + ")";
        }
        return text;
    }

    private static int x(LocalDate first, LocalDate day) {
        return LEFT + (int) ChronoUnit.WEEKS.between(first, day) * PITCH;
    }

    private static int y(LocalDate day) {
        return TOP + (day.getDayOfWeek().getValue() - 1) * PITCH;
    }

    private static void appendDay(
            Svg svg, LocalDate day, int count, boolean frozen, boolean today, Shades shades, int x, int y) {
        int level = shades.level(count);
        svg.group(title(day, count, frozen, shades.dailyGoal()));
        List<Object> square = new ArrayList<>(List.of("data-date", day, "data-count", count, "data-level", level));
        if (frozen) square.addAll(List.of("data-frozen", "true"));
        square.addAll(List.of(
                "x",
                x,
                "y",
                y,
                "width",
                CELL,
                "height",
                CELL,
                "rx",
                2,
                "fill",
                frozen ? FROZEN_FILL : SHADES.get(level)));
        if (today) square.addAll(List.of("stroke", TODAY_OUTLINE, "stroke-width", "1.5"));
        svg.add("rect", square.toArray());
        if (frozen) appendDiagonal(svg, x, y);
        svg.endGroup();
    }

    private static void appendDiagonal(Svg svg, int x, int y) {
        svg.add(
                "line",
                "x1",
                x + 2,
                "y1",
                y + CELL - 2,
                "x2",
                x + CELL - 2,
                "y2",
                y + 2,
                "stroke",
                FROZEN_LINE,
                "stroke-width",
                "1.5",
                "stroke-linecap",
                "round");
    }

    /** A month is named over the first column whose Monday falls in it; a first label too close to the next is dropped. */
    private static void appendMonthLabels(Svg svg, LocalDate first) {
        for (int column = 0; column < WEEKS; column++) {
            LocalDate monday = first.plusWeeks(column);
            boolean newMonth =
                    column == 0 || monday.getMonth() != monday.minusWeeks(1).getMonth();
            boolean crowdsNext = column == 0 && monday.plusWeeks(2).getMonth() != monday.getMonth();
            if (newMonth && !crowdsNext) {
                appendText(svg, LEFT + column * PITCH, TOP - 7, "start", MONTH.format(monday));
            }
        }
    }

    private static void appendWeekdayLabels(Svg svg) {
        List<DayOfWeek> labelled = List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        for (DayOfWeek weekday : labelled) {
            String name = weekday.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            appendText(svg, LEFT - 6, TOP + (weekday.getValue() - 1) * PITCH + CELL - 1, "end", name);
        }
    }

    /** Frozen day on the left; "Less" to "More" on the right, aligned with the grid's right edge. */
    private static void appendLegend(Svg svg, Shades shades) {
        int textY = LEGEND_Y + CELL - 1;
        svg.group("A missed day a freeze covered: the streak holds, nothing is added")
                .add("rect", "x", LEFT, "y", LEGEND_Y, "width", CELL, "height", CELL, "rx", 2, "fill", FROZEN_FILL);
        appendDiagonal(svg, LEFT, LEGEND_Y);
        svg.endGroup();
        appendText(svg, LEFT + CELL + 4, textY, "start", "Frozen");

        int right = LEFT + GRID_WIDTH;
        appendText(svg, right, textY, "end", "More");
        int squaresStart = right - 28 - SHADES.size() * PITCH;
        for (int level = 0; level < SHADES.size(); level++) {
            svg.titled(
                    "rect",
                    shades.describe(level),
                    "x",
                    squaresStart + level * PITCH,
                    "y",
                    LEGEND_Y,
                    "width",
                    CELL,
                    "height",
                    CELL,
                    "rx",
                    2,
                    "fill",
                    SHADES.get(level));
        }
        appendText(svg, squaresStart - 5, textY, "end", "Less");
    }

    private static void appendText(Svg svg, int x, int y, String anchor, String text) {
        svg.text(
                text,
                "x",
                x,
                "y",
                y,
                "text-anchor",
                anchor,
                "fill",
                LABEL_COLOUR,
                "font-family",
                FONT,
                "font-size",
                10);
    }

    /**
     * Counted days are split in thirds by their review counts over the shown year, so the shades stay readable whether
     * the learner does 5 or 500 reviews a day; days below the goal get their own pale shade.
     */
    record Shades(int dailyGoal, int middle, int high) {

        static Shades of(Map<LocalDate, Integer> activityPerDay, LocalDate first, LocalDate last, int dailyGoal) {
            List<Integer> counted = activityPerDay.entrySet().stream()
                    .filter(e -> !e.getKey().isBefore(first) && !e.getKey().isAfter(last) && e.getValue() >= dailyGoal)
                    .map(Map.Entry::getValue)
                    .sorted()
                    .toList();
            if (counted.isEmpty()) {
                return new Shades(dailyGoal, dailyGoal, dailyGoal);
            }
            return new Shades(dailyGoal, counted.get(counted.size() / 3), counted.get(2 * counted.size() / 3));
        }

        int level(int count) {
            if (count <= 0) {
                return 0;
            }
            if (count < dailyGoal) {
                return 1;
            }
            return count >= high ? 4 : count >= middle ? 3 : 2;
        }

        String describe(int level) {
            return switch (level) {
                case 0 -> "No reviews";
                case 1 -> "Below the daily goal of " + dailyGoal;
                case 2 -> "Goal met";
                case 3 -> "Goal met, more reviews";
                default -> "Goal met, most reviews";
            };
        }
    }
}
