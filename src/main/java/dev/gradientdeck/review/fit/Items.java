package dev.gradientdeck.review.fit;

import dev.gradientdeck.days.DayKey;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the optimizer's items from a review history, as Anki does before it calls fsrs-rs: per card, the answers in time
 * order from the start of its last learning run; whole days between answers counted between the learner's day boundaries;
 * one item per answer on a later day than the one before, holding everything before it. Same-day answers stay in later
 * items' histories but are never targets. Items are in the time order of their targets, which recency weights and the
 * time-series split rely on.
 */
public final class Items {
    private Items() {}

    /** What was built, with how many log lines fed it and how many were left out (undone, manual, cards without a start). */
    public record Built(List<ReviewItem> items, int answersUsed, int leftOut, int cards) {}

    /** One card's history as the reference data gives it: the day of its first review and [rating, days] pairs. */
    public record CardHistory(int firstDay, int[][] reviews) {}

    /** Items from [rating, days] histories; ties on a day are broken by card index, as the reference data is. */
    public static List<ReviewItem> fromHistories(List<CardHistory> cards) {
        List<Target> targets = new ArrayList<>();
        for (int c = 0; c < cards.size(); c++) {
            int[][] reviews = cards.get(c).reviews();
            int[] ratings = new int[reviews.length];
            int[] deltas = new int[reviews.length];
            long day = cards.get(c).firstDay();
            for (int i = 0; i < reviews.length; i++) {
                ratings[i] = reviews[i][0];
                deltas[i] = i == 0 ? 0 : reviews[i][1];
                day += deltas[i];
                if (i > 0 && deltas[i] > 0) targets.add(new Target(day, 0, c, new ReviewItem(ratings, deltas, i + 1)));
            }
        }
        return sorted(targets);
    }

    /** Items from a review log, with days as the learner lives them: in {@code zone}, starting at {@code dayStartHour}. */
    public static Built fromLog(List<LoggedAnswer> log, ZoneId zone, int dayStartHour) {
        Map<Long, List<LoggedAnswer>> byCard = new LinkedHashMap<>();
        int leftOut = 0;
        for (LoggedAnswer answer : log) {
            if (!answer.counts() || answer.kind() == LoggedAnswer.Kind.MANUAL) {
                leftOut++;
                continue;
            }
            byCard.computeIfAbsent(answer.cardId(), id -> new ArrayList<>()).add(answer);
        }
        List<Target> targets = new ArrayList<>();
        java.time.zone.ZoneRules rules = zone.getRules();
        int used = 0;
        int cards = 0;
        for (List<LoggedAnswer> answers : byCard.values()) {
            answers.sort(Comparator.comparing(LoggedAnswer::at));
            int start = historyStart(answers);
            if (start < 0) {
                leftOut += answers.size();
                continue;
            }
            leftOut += start;
            List<LoggedAnswer> history = answers.subList(start, answers.size());
            int n = history.size();
            int[] ratings = new int[n];
            int[] deltas = new int[n];
            long previousDay = 0;
            for (int i = 0; i < n; i++) {
                LoggedAnswer answer = history.get(i);
                long day = day(answer.at(), rules, dayStartHour);
                ratings[i] = answer.rating();
                deltas[i] = i == 0 ? 0 : Math.toIntExact(day - previousDay);
                previousDay = day;
                if (i > 0 && deltas[i] > 0) {
                    targets.add(new Target(
                            day, answer.at().toEpochMilli(), answer.cardId(), new ReviewItem(ratings, deltas, i + 1)));
                }
            }
            used += n;
            cards++;
        }
        return new Built(sorted(targets), used, leftOut, cards);
    }

    /**
     * The learner's day of a moment as an epoch day: {@link DayKey#of}'s day (wall clock in the zone, minus the day-start
     * hour), computed from the zone's offset at that instant because a log of 200,000 answers should not build as many
     * zoned date-times.
     */
    static long day(java.time.Instant at, java.time.zone.ZoneRules rules, int dayStartHour) {
        long local = at.getEpochSecond() + rules.getOffset(at).getTotalSeconds() - dayStartHour * 3600L;
        return Math.floorDiv(local, 86_400L);
    }

    /**
     * Where a card's history starts: at the last run of learning answers (a reset starts it again). A card whose log has
     * review answers but no learning answer lost its start and is skipped (-1), as Anki skips it; a log that records no
     * kinds starts at its first answer.
     */
    static int historyStart(List<LoggedAnswer> answers) {
        int start = -1;
        for (int i = answers.size() - 1; i >= 0; i--) {
            if (answers.get(i).kind() == LoggedAnswer.Kind.LEARNING) {
                start = i;
            } else if (start >= 0) {
                break;
            }
        }
        if (start >= 0) return start;
        boolean kindsUnknown = answers.stream().allMatch(a -> a.kind() == LoggedAnswer.Kind.UNKNOWN);
        return kindsUnknown ? 0 : -1;
    }

    private record Target(long day, long moment, long card, ReviewItem item) {}

    private static List<ReviewItem> sorted(List<Target> targets) {
        targets.sort(Comparator.comparingLong(Target::day)
                .thenComparingLong(Target::moment)
                .thenComparingLong(Target::card));
        return targets.stream().map(Target::item).toList();
    }
}
