package dev.gradientdeck.review.fit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * fsrs-rs's {@code prepare_training_data}: the items with exactly one review on a later day ("pretrain items") are grouped
 * by first rating and the days before that review. Per rating, the smallest groups adding up to under 5 % (at least 20
 * items) are dropped, and so is any group of fewer than 6 items or with an unusually long first interval (over 100 days,
 * 365 after Easy). Every item whose (first rating, first interval) pair was dropped leaves the training set too.
 */
final class OutlierFilter {
    private OutlierFilter() {}

    /** The kept pretrain items in group order, and the training set (all kept items, input order). */
    record Prepared(List<ReviewItem> pretrain, List<ReviewItem> training) {}

    static Prepared prepare(List<ReviewItem> items) {
        Map<Integer, Map<Integer, List<ReviewItem>>> groups = new TreeMap<>();
        for (ReviewItem item : items) {
            if (item.longTermReviews() != 1) continue;
            groups.computeIfAbsent(item.firstRating(), r -> new TreeMap<>())
                    .computeIfAbsent(item.targetDelta(), d -> new ArrayList<>())
                    .add(item);
        }
        List<ReviewItem> pretrain = new ArrayList<>();
        List<Set<Integer>> removed = new ArrayList<>();
        for (int r = 0; r <= 4; r++) removed.add(new HashSet<>());
        for (Map.Entry<Integer, Map<Integer, List<ReviewItem>>> byRating : groups.entrySet()) {
            int rating = byRating.getKey();
            List<Map.Entry<Integer, List<ReviewItem>>> sub =
                    new ArrayList<>(byRating.getValue().entrySet());
            // Largest first, then longer interval first; walked backwards, so the smallest groups are met first.
            sub.sort(Comparator.<Map.Entry<Integer, List<ReviewItem>>>comparingInt(
                            e -> e.getValue().size())
                    .reversed()
                    .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()));
            int total = sub.stream().mapToInt(e -> e.getValue().size()).sum();
            int threshold = Math.max(20, total / 20);
            int dropped = 0;
            for (int i = sub.size() - 1; i >= 0; i--) {
                int delta = sub.get(i).getKey();
                List<ReviewItem> group = sub.get(i).getValue();
                if (dropped + group.size() < threshold) {
                    dropped += group.size();
                    removed.get(rating).add(delta);
                } else if (group.size() >= 6 && delta <= (rating == 4 ? 365 : 100)) {
                    pretrain.addAll(group);
                } else {
                    removed.get(rating).add(delta);
                }
            }
        }
        List<ReviewItem> training = new ArrayList<>(items.size());
        for (ReviewItem item : items) {
            if (!removed.get(item.firstRating()).contains(item.firstLongTermDelta())) training.add(item);
        }
        return new Prepared(pretrain, training);
    }

    /**
     * The list the reference's {@code evaluate} and time-series split are fed: kept pretrain items first (group order),
     * then the other kept items in time order.
     */
    static List<ReviewItem> referenceOrder(List<ReviewItem> items) {
        Prepared prepared = prepare(items);
        List<ReviewItem> ordered = new ArrayList<>(prepared.pretrain());
        for (ReviewItem item : prepared.training()) {
            if (item.longTermReviews() != 1) ordered.add(item);
        }
        return ordered;
    }
}
