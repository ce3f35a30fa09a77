package dev.gradientdeck.scheduler;

import dev.gradientdeck.review.fit.LoggedAnswer;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A review log as CSV: a header naming {@code card_id}, {@code review_time} (an ISO-8601 instant) and {@code rating} (1-4;
 * 0 for a manual reschedule, which is left out), optionally {@code review_duration} (milliseconds) and other columns,
 * which are ignored. Values hold no commas, so a line splits on them.
 */
public final class ReviewLogCsv {
    private ReviewLogCsv() {}

    /** What is wrong, and on which line (1 is the header). */
    public static final class Malformed extends Exception {
        public final int line;

        Malformed(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    public static List<LoggedAnswer> parse(List<String> lines) throws Malformed {
        if (lines.isEmpty() || lines.get(0).isBlank())
            throw new Malformed(1, "the file is empty; expected a header card_id,review_time,rating");
        List<String> header = Arrays.stream(strip(lines.get(0)).split(",", -1))
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList();
        int card = column(header, "card_id");
        int time = column(header, "review_time");
        int rating = column(header, "rating");
        int duration = header.indexOf("review_duration");
        List<LoggedAnswer> answers = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            int line = i + 1;
            String text = lines.get(i);
            if (text.isBlank()) continue;
            String[] fields = text.split(",", -1);
            if (fields.length != header.size()) {
                throw new Malformed(line, "has " + fields.length + " fields, the header " + header.size());
            }
            long cardId;
            try {
                cardId = Long.parseLong(fields[card].strip());
            } catch (NumberFormatException e) {
                throw new Malformed(line, "card_id '" + fields[card].strip() + "' is not a whole number");
            }
            Instant at;
            try {
                at = instant(fields[time].strip());
            } catch (DateTimeException e) {
                throw new Malformed(
                        line,
                        "review_time '" + fields[time].strip()
                                + "' is not an ISO-8601 instant like 2026-01-31T08:15:00Z");
            }
            int value;
            try {
                value = Integer.parseInt(fields[rating].strip());
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (value < 0 || value > 4) {
                throw new Malformed(
                        line,
                        "rating '" + fields[rating].strip()
                                + "' is not 1 (Again), 2 (Hard), 3 (Good), 4 (Easy) or 0 (manual)");
            }
            if (duration >= 0 && !fields[duration].isBlank()) {
                try {
                    if (Long.parseLong(fields[duration].strip()) < 0) throw new NumberFormatException();
                } catch (NumberFormatException e) {
                    throw new Malformed(
                            line,
                            "review_duration '" + fields[duration].strip() + "' is not a whole number of milliseconds");
                }
            }
            answers.add(LoggedAnswer.answer(cardId, at, value));
        }
        return answers;
    }

    /**
     * An ISO-8601 instant. The usual shape, 2026-01-31T08:15:00Z (fractions allowed), is read directly, since a log of
     * 200,000 lines spends most of its parsing in the general formatter; anything else goes to {@link Instant#parse}.
     */
    static Instant instant(String text) {
        int n = text.length();
        if (n >= 20
                && n <= 30
                && text.charAt(4) == '-'
                && text.charAt(7) == '-'
                && text.charAt(10) == 'T'
                && text.charAt(13) == ':'
                && text.charAt(16) == ':'
                && text.charAt(n - 1) == 'Z'
                && (n == 20 || text.charAt(19) == '.')) {
            try {
                long day = java.time.LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10))
                        .toEpochDay();
                java.time.LocalTime time =
                        java.time.LocalTime.of(digits(text, 11, 13), digits(text, 14, 16), digits(text, 17, 19));
                int nanos = 0;
                if (n > 20) {
                    String fraction = text.substring(20, n - 1);
                    if (fraction.isEmpty() || fraction.length() > 9) throw new NumberFormatException();
                    nanos = digits(fraction + "000000000".substring(fraction.length()), 0, 9);
                }
                return Instant.ofEpochSecond(day * 86_400 + time.toSecondOfDay(), nanos);
            } catch (NumberFormatException e) {
                return Instant.parse(text);
            }
        }
        return Instant.parse(text);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') throw new NumberFormatException(text);
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int column(List<String> header, String name) throws Malformed {
        int index = header.indexOf(name);
        if (index < 0)
            throw new Malformed(1, "the header has no " + name + " column (it needs card_id,review_time,rating)");
        return index;
    }

    /** A byte-order mark some spreadsheet programs write. */
    private static String strip(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
