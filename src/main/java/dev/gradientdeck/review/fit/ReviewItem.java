package dev.gradientdeck.review.fit;

import java.util.Arrays;

/**
 * What the optimizer learns from: one card's reviews up to and including a target review on a later day (fsrs-rs calls it an
 * FSRSItem). Each review is a rating 1-4 and the whole days since the card's previous review (0 for the first review and for
 * same-day reviews). The model replays the history and predicts recall at the target; the target's rating says whether it
 * was recalled.
 *
 * <p>Items of one card are prefixes of the same history, so they share its arrays and differ only in {@code length}.
 */
public final class ReviewItem {
    private final int[] ratings;
    private final int[] deltas;
    private final int length;

    public ReviewItem(int[] ratings, int[] deltas, int length) {
        if (ratings.length != deltas.length || length < 1 || length > ratings.length) {
            throw new IllegalArgumentException("an item needs matching ratings and days and at least one review");
        }
        this.ratings = ratings;
        this.deltas = deltas;
        this.length = length;
    }

    /** An item from explicit [rating, days] pairs, target last. */
    public static ReviewItem of(int[]... reviews) {
        int[] ratings = Arrays.stream(reviews).mapToInt(r -> r[0]).toArray();
        int[] deltas = Arrays.stream(reviews).mapToInt(r -> r[1]).toArray();
        return new ReviewItem(ratings, deltas, reviews.length);
    }

    /** The card's whole rating array, shared by all its items: identifies the card. */
    int[] ratingsArray() {
        return ratings;
    }

    int[] deltasArray() {
        return deltas;
    }

    /** Reviews in the item, the target included. */
    public int length() {
        return length;
    }

    public int rating(int i) {
        return ratings[check(i)];
    }

    public int delta(int i) {
        return deltas[check(i)];
    }

    public int firstRating() {
        return ratings[0];
    }

    public int targetRating() {
        return ratings[length - 1];
    }

    public int targetDelta() {
        return deltas[length - 1];
    }

    /** 1 when the target was recalled (Hard, Good or Easy), 0 for Again. */
    public int recalled() {
        return ratings[length - 1] > 1 ? 1 : 0;
    }

    /** Reviews on a later day than the one before (delta > 0), the target included. */
    public int longTermReviews() {
        int count = 0;
        for (int i = 0; i < length; i++) {
            if (deltas[i] > 0) count++;
        }
        return count;
    }

    /** The days before the first review on a later day: what the outlier filter and pretraining group by. */
    public int firstLongTermDelta() {
        for (int i = 0; i < length; i++) {
            if (deltas[i] > 0) return deltas[i];
        }
        throw new IllegalStateException("an item has at least one review on a later day");
    }

    /** Lapses before the target: history reviews rated Again on a later day. */
    public int lapses() {
        int count = 0;
        for (int i = 0; i < length - 1; i++) {
            if (ratings[i] == 1 && deltas[i] > 0) count++;
        }
        return count;
    }

    /** The item as [rating, days] pairs, for tests and messages. */
    public int[][] reviews() {
        int[][] reviews = new int[length][];
        for (int i = 0; i < length; i++) reviews[i] = new int[] {ratings[i], deltas[i]};
        return reviews;
    }

    private int check(int i) {
        if (i < 0 || i >= length) throw new IndexOutOfBoundsException(i);
        return i;
    }

    @Override
    public String toString() {
        return Arrays.deepToString(reviews());
    }
}
