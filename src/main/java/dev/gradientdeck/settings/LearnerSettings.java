package dev.gradientdeck.settings;

import dev.gradientdeck.days.LearnerClock;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the learner decides about their days and their deck: how much makes a day count, how many new cards a day, when a
 * day starts and in which zone, the recall the scheduler aims for, whether intervals get fuzz, and whether papers become
 * review prompts. Every field can be read and written as text, the same text the form, the API and the database use.
 */
public record LearnerSettings(
        int dailyGoal,
        int newPerDay,
        int dayStartsAt,
        ZoneId zone,
        double desiredRetention,
        boolean fuzz,
        boolean paperPrompts) {

    /** The fields by their API names, in the order the settings page shows them. */
    public enum Field {
        DAILY_GOAL("dailyGoal"),
        NEW_PER_DAY("newPerDay"),
        DAY_STARTS_AT("dayStartsAt"),
        ZONE("zone"),
        DESIRED_RETENTION("desiredRetention"),
        FUZZ("fuzz"),
        PAPER_PROMPTS("paperPrompts");

        private final String key;

        Field(String key) {
            this.key = key;
        }

        /** The name in JSON, in the form and in the database. */
        public String key() {
            return key;
        }

        public static Optional<Field> of(String key) {
            return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
        }

        /** Whether the field is true/false (a checkbox on the page, a JSON boolean in the API). */
        public boolean yesNo() {
            return this == FUZZ || this == PAPER_PROMPTS;
        }

        /** Whether the field is a number in JSON. */
        public boolean numeric() {
            return this != ZONE && !yesNo();
        }
    }

    public static final int MOST_DAILY_GOAL = 1000;
    public static final int MOST_NEW_PER_DAY = 10_000;
    /** Anki's bounds for desired retention: below 0.7 reviews come too late to help, above 0.99 far too often. */
    public static final double LOWEST_RETENTION = 0.70;

    public static final double HIGHEST_RETENTION = 0.99;

    public LearnerSettings {
        for (var problem : problems(dailyGoal, newPerDay, dayStartsAt, zone, desiredRetention)
                .entrySet()) {
            throw new IllegalArgumentException(problem.getKey().key() + ": " + problem.getValue());
        }
    }

    /** The learner's days as these settings define them, read off {@code clock}. */
    public LearnerClock clockOn(Clock clock) {
        return new LearnerClock(clock, zone, dayStartsAt);
    }

    /** Every field as its text, in page order. */
    public Map<Field, String> asText() {
        Map<Field, String> text = new LinkedHashMap<>();
        text.put(Field.DAILY_GOAL, Integer.toString(dailyGoal));
        text.put(Field.NEW_PER_DAY, Integer.toString(newPerDay));
        text.put(Field.DAY_STARTS_AT, Integer.toString(dayStartsAt));
        text.put(Field.ZONE, zone.getId());
        text.put(Field.DESIRED_RETENTION, retentionText(desiredRetention));
        text.put(Field.FUZZ, Boolean.toString(fuzz));
        text.put(Field.PAPER_PROMPTS, Boolean.toString(paperPrompts));
        return text;
    }

    /** The outcome of a change: the settings it makes, or what is wrong with it by field (then nothing changes). */
    public record Change(LearnerSettings settings, Map<Field, String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * These settings with some fields set from text. Every field is checked, so a form with three mistakes hears about all
     * three; when any is wrong the result keeps these settings.
     */
    public Change with(Map<Field, String> changes) {
        Map<Field, String> problems = new LinkedHashMap<>();
        int goal = dailyGoal, fresh = newPerDay, start = dayStartsAt;
        ZoneId z = zone;
        double retention = desiredRetention;
        boolean f = fuzz, prompts = paperPrompts;
        for (Field field : Field.values()) {
            if (!changes.containsKey(field)) continue;
            String raw = changes.get(field) == null ? "" : changes.get(field).strip();
            try {
                switch (field) {
                    case DAILY_GOAL -> goal = whole(raw);
                    case NEW_PER_DAY -> fresh = whole(raw);
                    case DAY_STARTS_AT -> start = whole(raw);
                    case ZONE -> z = zone(raw);
                    case DESIRED_RETENTION -> retention = retention(raw);
                    case FUZZ -> f = yesNo(raw);
                    case PAPER_PROMPTS -> prompts = yesNo(raw);
                }
            } catch (IllegalArgumentException e) {
                problems.put(field, e.getMessage());
            }
        }
        problems(goal, fresh, start, z, retention).forEach(problems::putIfAbsent);
        if (!problems.isEmpty()) return new Change(this, orderedByField(problems));
        return new Change(new LearnerSettings(goal, fresh, start, z, retention, f, prompts), Map.of());
    }

    private static Map<Field, String> orderedByField(Map<Field, String> problems) {
        Map<Field, String> ordered = new LinkedHashMap<>();
        for (Field field : Field.values()) if (problems.containsKey(field)) ordered.put(field, problems.get(field));
        return ordered;
    }

    /** What is out of range, by field, in the learner's words. */
    private static Map<Field, String> problems(
            int dailyGoal, int newPerDay, int dayStartsAt, ZoneId zone, double retention) {
        Map<Field, String> problems = new LinkedHashMap<>();
        if (dailyGoal < 1 || dailyGoal > MOST_DAILY_GOAL) {
            problems.put(
                    Field.DAILY_GOAL,
                    "The daily goal is " + dailyGoal + "; it must be 1 to " + MOST_DAILY_GOAL + " answers.");
        }
        if (newPerDay < 0 || newPerDay > MOST_NEW_PER_DAY) {
            problems.put(
                    Field.NEW_PER_DAY,
                    "New cards per day is " + newPerDay + "; it must be 0 to " + MOST_NEW_PER_DAY + ".");
        }
        if (dayStartsAt < 0 || dayStartsAt > 23) {
            problems.put(Field.DAY_STARTS_AT, "The day starts at hour " + dayStartsAt + "; an hour is 0 to 23.");
        }
        if (zone == null) problems.put(Field.ZONE, "A time zone is needed.");
        if (!(retention >= LOWEST_RETENTION && retention <= HIGHEST_RETENTION)) {
            problems.put(
                    Field.DESIRED_RETENTION,
                    "Desired retention is " + retentionText(retention) + "; it must be "
                            + retentionText(LOWEST_RETENTION) + " to " + retentionText(HIGHEST_RETENTION)
                            + " (70 % to 99 %).");
        }
        return problems;
    }

    private static int whole(String raw) {
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + raw + "' is not a whole number.");
        }
    }

    private static ZoneId zone(String raw) {
        // Region names only: a fixed offset like +02:00 would silently ignore daylight saving.
        if (!raw.contains("/") && !raw.equals("UTC")) {
            throw new IllegalArgumentException(
                    "'" + raw + "' is not a time zone; use an IANA name like Europe/London or UTC.");
        }
        try {
            return ZoneId.of(raw);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "'" + raw + "' is not a time zone; use an IANA name like Europe/London or UTC.");
        }
    }

    private static double retention(String raw) {
        try {
            double value = Double.parseDouble(raw);
            if (Double.isFinite(value)) return value;
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("'" + raw + "' is not a number; write a share like 0.9.");
    }

    private static boolean yesNo(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "on" -> true;
            case "false", "off" -> false;
            default -> throw new IllegalArgumentException("'" + raw + "' is not true or false.");
        };
    }

    private static String retentionText(double retention) {
        return java.math.BigDecimal.valueOf(retention).stripTrailingZeros().toPlainString();
    }

    /** The fields' API names, for messages that list what may be sent. */
    public static List<String> keys() {
        return Arrays.stream(Field.values()).map(Field::key).toList();
    }

    /** Where a feature reads the learner's settings: asked on every use, so a change on the settings page counts at once. */
    public interface Source {
        LearnerSettings current();

        /** The wall clock the learner's days are read off. */
        Clock clock();

        /** The learner's clock now: the current zone and day-start hour on {@link #clock()}. */
        default LearnerClock learnerClock() {
            return current().clockOn(clock());
        }

        /** Settings that never change: for tools and tests. */
        static Source fixed(LearnerSettings settings, Clock clock) {
            return new Source() {
                @Override
                public LearnerSettings current() {
                    return settings;
                }

                @Override
                public Clock clock() {
                    return clock;
                }
            };
        }
    }
}
