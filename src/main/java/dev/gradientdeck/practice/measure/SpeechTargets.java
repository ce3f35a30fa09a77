package dev.gradientdeck.practice.measure;

/**
 * What a spoken interview answer aims for. 120-160 words a minute is the usual range for clear
 * explanatory speech: slower sounds unsure, faster is hard to follow. A filler or two a minute goes
 * unnoticed; more starts to distract. A silence of a few seconds reads as thinking, a longer one as
 * being stuck.
 */
public final class SpeechTargets {

    public static final double PACE_LOW = 120;
    public static final double PACE_HIGH = 160;
    public static final double FILLERS_PER_MINUTE_MAX = 2;
    public static final double PAUSE_MAX_SECONDS = 3;

    /** Covering four of five key points is a complete answer; the fifth is often a detail. */
    public static final double COVERAGE_GOOD = 0.8;

    /** Where a measure falls against its target range. */
    public enum Verdict {
        LOW,
        GOOD,
        HIGH
    }

    private SpeechTargets() {}

    public static Verdict pace(double wordsPerMinute) {
        if (wordsPerMinute < PACE_LOW) {
            return Verdict.LOW;
        }
        return wordsPerMinute > PACE_HIGH ? Verdict.HIGH : Verdict.GOOD;
    }

    /** Fillers per minute of speaking time; an answer with no speaking time has none. */
    public static double fillersPerMinute(int fillers, double speakingSeconds) {
        return speakingSeconds > 0 ? fillers * 60.0 / speakingSeconds : 0;
    }

    public static Verdict fillers(double perMinute) {
        return perMinute > FILLERS_PER_MINUTE_MAX ? Verdict.HIGH : Verdict.GOOD;
    }

    public static Verdict pause(double longestPauseSeconds) {
        return longestPauseSeconds > PAUSE_MAX_SECONDS ? Verdict.HIGH : Verdict.GOOD;
    }

    public static Verdict coverage(double share) {
        return share >= COVERAGE_GOOD ? Verdict.GOOD : Verdict.LOW;
    }
}
