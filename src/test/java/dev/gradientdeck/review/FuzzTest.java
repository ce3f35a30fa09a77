package dev.gradientdeck.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FuzzTest {

    /** Anki's own fuzz assertions (rslib fuzz.rs), drawn at fractions 0, 0.5 and 0.99. */
    @ParameterizedTest(name = "ivl {0} in [{1}, {2}] -> {3} {4} {5}")
    @CsvSource({
        "1.0, 1, 1000, 1, 1, 1",
        "2.49, 1, 1000, 2, 2, 2",
        "2.5, 1, 1000, 2, 3, 4",
        "7.0, 1, 1000, 5, 7, 9",
        "17.0, 1, 1000, 14, 17, 20",
        "37.0, 1, 1000, 33, 37, 41",
        "2.0, 2, 1000, 2, 2, 2",
        "2.0, 3, 1000, 3, 4, 4",
        "2.0, 3, 3, 3, 3, 3",
        "6.9, 3, 1000, 5, 7, 9",
        "7.1, 3, 1000, 5, 7, 9",
        "19.9, 3, 1000, 17, 20, 23",
        "20.0, 3, 1000, 17, 20, 23",
        "20.1, 3, 1000, 17, 20, 23",
        "100.0, 101, 1000, 101, 105, 108",
        "100.0, 1, 99, 92, 96, 99",
        "100.0, 97, 103, 97, 100, 103",
    })
    void matchesAnki(double interval, long minimum, long maximum, long lower, long middle, long upper) {
        assertEquals(lower, Fuzz.apply(interval, minimum, maximum, 0.0));
        assertEquals(middle, Fuzz.apply(interval, minimum, maximum, 0.5));
        assertEquals(upper, Fuzz.apply(interval, minimum, maximum, 0.99));
    }

    @Test
    void deltaGrowsByBand() {
        assertEquals(0.0, Fuzz.delta(2.49));
        assertEquals(1.675, Fuzz.delta(7), 1e-12);
        assertEquals(2.675, Fuzz.delta(17), 1e-12);
        assertEquals(3.825, Fuzz.delta(37), 1e-12);
    }

    @Test
    void squeezedRangeIsWidenedToTwoDays() {
        assertEquals(new Fuzz.Range(3, 4), Fuzz.range(2.0, 3, 1000));
        assertEquals(new Fuzz.Range(3, 3), Fuzz.range(2.0, 3, 3), "not past the maximum");
        assertEquals(new Fuzz.Range(2, 2), Fuzz.range(2.0, 2, 1000), "not for two days or less");
    }

    @Test
    void fractionIsDeterministicAndInUnitInterval() {
        assertEquals(Fuzz.fraction(12345), Fuzz.fraction(12345));
        for (long seed = -1000; seed < 1000; seed++) {
            double f = Fuzz.fraction(seed);
            assertTrue(f >= 0 && f < 1, "seed " + seed + " gave " + f);
        }
        assertTrue(Fuzz.fraction(Long.MAX_VALUE) < 1);
        assertTrue(Fuzz.fraction(Long.MIN_VALUE) >= 0);
    }

    @Test
    void seedsSpreadOverTheWholeRangeAndNeverLeaveIt() {
        // Interval 37: range [33, 41], nine days. Consecutive seeds (cardId*31 + reps) must reach all of them.
        Set<Long> seen = new HashSet<>();
        LongStream.range(0, 2000).forEach(seed -> {
            long days = Fuzz.apply(37, 1, 36_500, Fuzz.fraction(seed * 31 + 3));
            assertTrue(days >= 33 && days <= 41, "seed " + seed + " gave " + days);
            seen.add(days);
        });
        assertEquals(Set.of(33L, 34L, 35L, 36L, 37L, 38L, 39L, 40L, 41L), seen);
    }

    @Test
    void fractionsAreRoughlyUniform() {
        int[] buckets = new int[10];
        for (long seed = 0; seed < 10_000; seed++) {
            buckets[(int) (Fuzz.fraction(seed) * 10)]++;
        }
        for (int count : buckets) {
            assertTrue(count > 900 && count < 1100, "bucket count " + count);
        }
    }
}
