package dev.gradientdeck.review.fit;

/**
 * The FSRS-6 memory model as the optimizer trains it, each formula's forward pass beside its backward pass (hand-written
 * reverse-mode differentiation, as fsrs-rs's analytic gradients are). The forward formulas are those of
 * {@link dev.gradientdeck.review.Fsrs}; here every branch also remembers what its backward pass needs.
 *
 * <p>Conventions, as the reference's: a clamp passes gradient inside or on its bounds and blocks it outside; the loss's
 * clamp of R passes it only strictly inside; a min/max passes it only through the branch the forward pass chose; mean
 * reversion targets the unclamped D0(Easy), so it depends on w4 and w5.
 *
 * <p>Not thread-safe: it reuses its step caches from item to item. One per thread.
 */
final class TrainableFsrs {
    static final double S_MIN = 0.001;
    static final double S_MAX = 36_500;
    static final double D_MIN = 1;
    static final double D_MAX = 10;
    private static final double P_MIN = 1e-7;
    private static final double P_MAX = 1 - 1e-7;
    private static final double LN_09 = Math.log(0.9);

    private static final byte FIRST = 0;
    private static final byte SAME_DAY = 1;
    private static final byte LAPSE = 2;
    private static final byte LAPSE_CAPPED = 3;
    private static final byte RECALL = 4;

    private final double[] w;
    private final double decay;
    private final double factor;
    private final double factorPerDecay;
    private final double expW8;
    private final double lapseCapDivisor;
    private final double easyDifficulty;
    private final double exp3w5;

    // Per step of the item being differentiated: the state it started from, R, the branch and what that branch needs.
    private double[] lastS = new double[64];
    private double[] logS = new double[64];
    private double[] lastD = new double[64];
    private double[] recall = new double[64];
    private double[] preClampS = new double[64];
    private double[] meanD = new double[64];
    private double[] a1 = new double[64];
    private double[] a2 = new double[64];
    private double[] a3 = new double[64];
    private byte[] branch = new byte[64];

    TrainableFsrs(double[] w) {
        this.w = w.clone();
        decay = -w[20];
        factor = Math.exp(LN_09 / decay) - 1;
        factorPerDecay = Math.exp(LN_09 / decay) * (-LN_09 / (decay * decay));
        expW8 = Math.exp(w[8]);
        lapseCapDivisor = Math.exp(w[17] * w[18]);
        easyDifficulty = unclampedInitialDifficulty(4);
        exp3w5 = Math.exp(3 * w[5]);
    }

    // ---- the forgetting curve: R(t, S) = (1 + FACTOR t / S)^DECAY ----

    double retrievability(double t, double s) {
        return Math.pow(1 + factor * t / s, decay);
    }

    /** Adds dL/dw20 for an upstream dL/dR and returns dL/dS. FACTOR depends on the decay too. */
    double retrievabilityBackward(double t, double s, double r, double gR, double[] gw) {
        if (gR == 0) return 0;
        double base = 1 + factor * t / s;
        double dBaseDDecay = t / s * factorPerDecay;
        // R = base^DECAY, so ln(base) = ln(R) / DECAY: no second logarithm of base needed.
        gw[20] -= gR * r * (Math.log(r) / decay + decay / base * dBaseDDecay);
        return gR * r * decay / base * (-t * factor / (s * s));
    }

    // ---- the first review: S0 = w[G-1], D0 = w4 - e^(w5 (G-1)) + 1 ----

    private double unclampedInitialDifficulty(int rating) {
        return w[4] - Math.exp(w[5] * (rating - 1)) + 1;
    }

    private void initialBackward(int rating, double gS, double gD, double[] gw) {
        gw[rating - 1] += gS * passes(w[rating - 1], S_MIN, S_MAX);
        double gRaw = gD * passes(unclampedInitialDifficulty(rating), D_MIN, D_MAX);
        if (gRaw != 0) {
            gw[4] += gRaw;
            gw[5] += gRaw * -(rating - 1) * Math.exp(w[5] * (rating - 1));
        }
    }

    // ---- a pass on a later day: S' = S (1 + e^w8 (11 - D) S^-w9 (e^(w10 (1 - R)) - 1) h b) ----

    private double stabilityAfterRecall(int i, double s, double d, double r, int rating) {
        double sPow = Math.exp(-w[9] * logS[i]);
        double growth = Math.exp((1 - r) * w[10]);
        double inc = expW8 * (11 - d) * sPow * (growth - 1) * hardPenalty(rating) * easyBonus(rating);
        a1[i] = sPow;
        a2[i] = growth;
        a3[i] = inc;
        return s * (1 + inc);
    }

    private double hardPenalty(int rating) {
        return rating == 2 ? w[15] : 1;
    }

    private double easyBonus(int rating) {
        return rating == 4 ? w[16] : 1;
    }

    /** Returns dL/dR; adds dL/dS and dL/dD of the old state into {@code gState}. */
    private double stabilityAfterRecallBackward(int i, int rating, double g, double[] gState, double[] gw) {
        double s = lastS[i];
        double d = lastD[i];
        double r = recall[i];
        double sPow = a1[i];
        double growth = a2[i];
        double inc = a3[i];
        double hp = hardPenalty(rating);
        double eb = easyBonus(rating);
        double gInc = g * s;
        double common = gInc * expW8 * sPow * hp * eb;
        gState[0] += g * (1 + inc) - gInc * inc * w[9] / s;
        gState[1] -= common * (growth - 1);
        gw[8] += gInc * inc;
        gw[9] -= gInc * inc * logS[i];
        gw[10] += common * (11 - d) * (1 - r) * growth;
        if (rating == 2) gw[15] += gInc * expW8 * (11 - d) * sPow * (growth - 1) * eb;
        if (rating == 4) gw[16] += gInc * expW8 * (11 - d) * sPow * (growth - 1) * hp;
        return -common * (11 - d) * w[10] * growth;
    }

    // ---- a lapse on a later day: min(w11 D^-w12 ((S + 1)^w13 - 1) e^(w14 (1 - R)), S / e^(w17 w18)) ----

    private double stabilityAfterLapse(int i, double s, double d, double r) {
        double dPow = Math.pow(d, -w[12]);
        double sPow = Math.pow(s + 1, w[13]);
        double surprise = Math.exp((1 - r) * w[14]);
        double forgotten = w[11] * dPow * (sPow - 1) * surprise;
        double cap = s / lapseCapDivisor;
        a1[i] = dPow;
        a2[i] = sPow;
        a3[i] = surprise;
        if (cap < forgotten) {
            branch[i] = LAPSE_CAPPED;
            return cap;
        }
        return forgotten;
    }

    private double stabilityAfterLapseBackward(int i, double g, double[] gState, double[] gw) {
        double s = lastS[i];
        if (branch[i] == LAPSE_CAPPED) {
            double cap = s / lapseCapDivisor;
            gState[0] += g / lapseCapDivisor;
            gw[17] -= g * cap * w[18];
            gw[18] -= g * cap * w[17];
            return 0;
        }
        double d = lastD[i];
        double r = recall[i];
        double dPow = a1[i];
        double sPow = a2[i];
        double surprise = a3[i];
        double forgotten = w[11] * dPow * (sPow - 1) * surprise;
        gw[11] += g * dPow * (sPow - 1) * surprise;
        gw[12] -= g * forgotten * Math.log(d);
        gw[13] += g * w[11] * dPow * surprise * sPow * Math.log(s + 1);
        gw[14] += g * forgotten * (1 - r);
        gState[0] += g * w[11] * dPow * surprise * w[13] * sPow / (s + 1);
        gState[1] -= g * forgotten * w[12] / d;
        return -g * forgotten * w[14];
    }

    // ---- a review on the same day: S' = S e^(w17 (G - 3 + w18)) S^-w19, never below S for a pass ----

    private double shortTermStability(int i, double s, int rating) {
        double raw = Math.exp(w[17] * (rating - 3 + w[18]) - w[19] * logS[i]);
        double used = rating >= 2 ? Math.max(raw, 1) : raw;
        a1[i] = raw;
        a2[i] = used;
        a3[i] = rating >= 2 && raw < 1 ? 0 : 1;
        return s * used;
    }

    private void shortTermStabilityBackward(int i, int rating, double g, double[] gState, double[] gw) {
        double s = lastS[i];
        gState[0] += g * a2[i];
        if (a3[i] == 0) return;
        double gRaw = g * s * a1[i];
        gw[17] += gRaw * (rating - 3 + w[18]);
        gw[18] += gRaw * w[17];
        gw[19] -= gRaw * logS[i];
        gState[0] -= gRaw * w[19] / s;
    }

    // ---- difficulty: D' = D - w6 (G - 3) (10 - D) / 9, reverted toward D0(Easy) by w7, clamped to [1, 10] ----

    private double nextDifficulty(int i, double d, int rating) {
        double step = -w[6] * (rating - 3);
        double damped = d + (10 - d) * step / 9;
        double reverted = w[7] * (easyDifficulty - damped) + damped;
        meanD[i] = reverted;
        return clamp(reverted, D_MIN, D_MAX);
    }

    private double nextDifficultyBackward(int i, int rating, double gOut, double[] gw) {
        double g = gOut * passes(meanD[i], D_MIN, D_MAX);
        if (g == 0) return 0;
        double d = lastD[i];
        double step = -w[6] * (rating - 3);
        double damped = d + (10 - d) * step / 9;
        gw[7] += g * (easyDifficulty - damped);
        gw[4] += g * w[7];
        gw[5] += g * w[7] * -3 * exp3w5;
        double gDamped = g * (1 - w[7]);
        gw[6] += gDamped * (10 - d) * -(rating - 3) / 9;
        return gDamped * (1 - step / 9);
    }

    // ---- one item: replay its history, predict the target ----

    /** The state after the item's history; caches every step for {@link #lossAndGradient}. */
    private double replay(ReviewItem item, int steps) {
        ensure(steps);
        int first = item.firstRating();
        double s = clamp(w[first - 1], S_MIN, S_MAX);
        double d = clamp(unclampedInitialDifficulty(first), D_MIN, D_MAX);
        branch[0] = FIRST;
        for (int i = 1; i < steps; i++) {
            int rating = item.rating(i);
            int t = item.delta(i);
            double r = retrievability(t, s);
            lastS[i] = s;
            lastD[i] = d;
            recall[i] = r;
            if (t == 0 || rating > 1) logS[i] = Math.log(s);
            double next;
            if (t == 0) {
                branch[i] = SAME_DAY;
                next = shortTermStability(i, s, rating);
            } else if (rating == 1) {
                branch[i] = LAPSE;
                next = stabilityAfterLapse(i, s, d, r);
            } else {
                branch[i] = RECALL;
                next = stabilityAfterRecall(i, s, d, r, rating);
            }
            d = nextDifficulty(i, d, rating);
            preClampS[i] = next;
            s = clamp(next, S_MIN, S_MAX);
        }
        lastS[steps] = s;
        lastD[steps] = d;
        return s;
    }

    /** Stability and difficulty after all the item's reviews, the target included. */
    double[] memoryAfter(ReviewItem item) {
        replay(item, item.length());
        return new double[] {lastS[item.length()], lastD[item.length()]};
    }

    /**
     * Predicted recall at each item's target, R unclamped. Items of one card share their arrays: the card is replayed once
     * and every item reads its prediction off that one trajectory.
     */
    double[] predictAll(java.util.List<ReviewItem> items) {
        double[] predicted = new double[items.size()];
        java.util.Map<int[], int[]> longest = new java.util.IdentityHashMap<>();
        for (ReviewItem item : items) {
            int[] known = longest.get(item.ratingsArray());
            if (known == null || known[0] < item.length()) longest.put(item.ratingsArray(), new int[] {item.length()});
        }
        java.util.Map<int[], double[]> trajectories = new java.util.IdentityHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ReviewItem item = items.get(i);
            double[] states = trajectories.computeIfAbsent(item.ratingsArray(), r -> {
                int length = longest.get(r)[0];
                replay(new ReviewItem(r, item.deltasArray(), length), length - 1);
                return java.util.Arrays.copyOf(lastS, length);
            });
            predicted[i] = retrievability(item.targetDelta(), states[item.length() - 1]);
        }
        return predicted;
    }

    /**
     * The item's weighted binary cross-entropy, R clamped to [1e-7, 1 - 1e-7]; when {@code gw} is given, adds the loss's
     * gradient with respect to w0..w20 into it.
     */
    double lossAndGradient(ReviewItem item, double weight, double[] gw) {
        int steps = item.length() - 1;
        double s = replay(item, steps);
        double t = item.targetDelta();
        double r = retrievability(t, s);
        double y = item.recalled();
        double p = clamp(r, P_MIN, P_MAX);
        double loss = crossEntropy(r, item.recalled()) * weight;
        if (gw == null || weight == 0) return loss;
        double gR = r > P_MIN && r < P_MAX ? -weight * (y / p - (1 - y) / (1 - p)) : 0;
        double[] gState = {retrievabilityBackward(t, s, r, gR, gw), 0};
        for (int i = steps - 1; i >= 1; i--) {
            stepBackward(i, item.rating(i), item.delta(i), gState, gw);
        }
        initialBackward(item.firstRating(), gState[0], gState[1], gw);
        return loss;
    }

    /** Binary cross-entropy of predicting R when the answer was {@code recalled}, R clamped to [1e-7, 1 - 1e-7]. */
    static double crossEntropy(double r, int recalled) {
        double p = clamp(r, P_MIN, P_MAX);
        return recalled == 1 ? -Math.log(p) : -Math.log(1 - p);
    }

    /** Turns dL/d(state after step i) in {@code gState} into dL/d(state before it). */
    private void stepBackward(int i, int rating, int t, double[] gState, double[] gw) {
        double gS = gState[0] * passes(preClampS[i], S_MIN, S_MAX);
        double gD = gState[1];
        gState[0] = 0;
        gState[1] = 0;
        double gR = 0;
        switch (branch[i]) {
            case SAME_DAY -> shortTermStabilityBackward(i, rating, gS, gState, gw);
            case LAPSE, LAPSE_CAPPED -> gR = stabilityAfterLapseBackward(i, gS, gState, gw);
            default -> gR = stabilityAfterRecallBackward(i, rating, gS, gState, gw);
        }
        gState[1] += nextDifficultyBackward(i, rating, gD, gw);
        gState[0] += retrievabilityBackward(t, lastS[i], recall[i], gR, gw);
    }

    private void ensure(int steps) {
        if (steps + 1 <= branch.length) return;
        int size = Math.max(steps + 1, branch.length * 2);
        lastS = new double[size];
        logS = new double[size];
        lastD = new double[size];
        recall = new double[size];
        preClampS = new double[size];
        meanD = new double[size];
        a1 = new double[size];
        a2 = new double[size];
        a3 = new double[size];
        branch = new byte[size];
    }

    private static double passes(double value, double lo, double hi) {
        return value >= lo && value <= hi ? 1 : 0;
    }

    static double clamp(double value, double lo, double hi) {
        return Math.max(lo, Math.min(hi, value));
    }
}
