package dev.gradientdeck.review.fit;

/**
 * The random numbers fsrs-rs shuffles its batches with, reproduced bit for bit so a fit here is the fit Anki would make:
 * Rust rand's {@code StdRng::seed_from_u64} (a PCG32 stream expands the seed into a 32-byte key) driving ChaCha with 12
 * rounds (block counter in words 12-13, stream 0), and rand's slice {@code shuffle}. Written by hand because no Java
 * library reproduces rand's seeding and its chunked Fisher-Yates draws.
 */
final class ChaCha12 {
    private static final int[] CONSTANTS = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};

    private final int[] key = new int[8];
    private final int[] block = new int[16];
    private long counter;
    private int used = 16;

    ChaCha12(long seed) {
        long state = seed;
        for (int i = 0; i < 8; i++) {
            state = state * 6364136223846793005L + 0xA17654E46FBE17F3L;
            int xorShifted = (int) (((state >>> 18) ^ state) >>> 27);
            int rotation = (int) (state >>> 59);
            key[i] = Integer.rotateRight(xorShifted, rotation);
        }
    }

    /** The 32 key bytes, little-endian: the seed expansion, for tests. */
    byte[] seedBytes() {
        byte[] bytes = new byte[32];
        for (int i = 0; i < 32; i++) bytes[i] = (byte) (key[i / 4] >>> (8 * (i % 4)));
        return bytes;
    }

    /** The next 32 bits, as an unsigned value. */
    long nextU32() {
        if (used == 16) refill();
        return Integer.toUnsignedLong(block[used++]);
    }

    private void refill() {
        int[] input = new int[16];
        System.arraycopy(CONSTANTS, 0, input, 0, 4);
        System.arraycopy(key, 0, input, 4, 8);
        input[12] = (int) counter;
        input[13] = (int) (counter >>> 32);
        int[] x = input.clone();
        for (int round = 0; round < 12; round += 2) {
            quarterRound(x, 0, 4, 8, 12);
            quarterRound(x, 1, 5, 9, 13);
            quarterRound(x, 2, 6, 10, 14);
            quarterRound(x, 3, 7, 11, 15);
            quarterRound(x, 0, 5, 10, 15);
            quarterRound(x, 1, 6, 11, 12);
            quarterRound(x, 2, 7, 8, 13);
            quarterRound(x, 3, 4, 9, 14);
        }
        for (int i = 0; i < 16; i++) block[i] = x[i] + input[i];
        counter++;
        used = 0;
    }

    private static void quarterRound(int[] x, int a, int b, int c, int d) {
        x[a] += x[b];
        x[d] = Integer.rotateLeft(x[d] ^ x[a], 16);
        x[c] += x[d];
        x[b] = Integer.rotateLeft(x[b] ^ x[c], 12);
        x[a] += x[b];
        x[d] = Integer.rotateLeft(x[d] ^ x[a], 8);
        x[c] += x[d];
        x[b] = Integer.rotateLeft(x[b] ^ x[c], 7);
    }

    /** Uniform in [0, bound) for 0 < bound < 2^32, by rand's widening-multiply method with one refinement draw. */
    long below(long bound) {
        long product = nextU32() * bound;
        long result = product >>> 32;
        long low = product & 0xFFFFFFFFL;
        if (low > ((1L << 32) - bound)) {
            long high = (nextU32() * bound) >>> 32;
            if (low + high > 0xFFFFFFFFL) result++;
        }
        return result;
    }

    /**
     * Shuffles like rand's {@code SliceRandom::shuffle}: Fisher-Yates from the front, position i swapped with an index in
     * [0, i], the indices drawn several at a time as the mixed-radix digits of one draw below (i+1)(i+2)...(i+k).
     */
    void shuffle(int[] values) {
        if (values.length <= 1) return;
        long chunk = 0;
        int remaining = 1;
        for (int i = 0; i < values.length; i++) {
            long n = i + 1;
            int index;
            if (remaining == 0) {
                long bound = n;
                int count = 1;
                while (bound * (n + count) <= 0xFFFFFFFFL) {
                    bound *= n + count;
                    count++;
                }
                chunk = below(bound);
                remaining = count;
            }
            remaining--;
            if (remaining == 0) {
                index = (int) chunk;
            } else {
                index = (int) (chunk % n);
                chunk /= n;
            }
            int swap = values[i];
            values[i] = values[index];
            values[index] = swap;
        }
    }
}
