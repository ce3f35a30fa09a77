package dev.gradientdeck.practice.speech;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * Where a recording holds a voice, read from the audio itself rather than from the recognizer: the
 * recognizer drops what it has no word for ("um", "uhh"), and its word timings do not show how long
 * a silence lasted.
 *
 * <p>A small voice-activity detector of our own, because the two things it must do are small and
 * specific (a frame's loudness against the recording's own noise floor, and the pitch of a few
 * stretches): short-time energy and zero-crossing rate over 30 ms frames every 10 ms, with the
 * threshold set from the quietest tenth of the frames. Pitch is the normalized autocorrelation
 * peak, worked out only for the frames a caller asks about.
 */
public final class VoiceActivity {

    public static final double FRAME_STEP_SECONDS = 0.01;
    private static final int RATE = WavAudio.SPEECH_SAMPLE_RATE;
    private static final int STEP = RATE / 100;
    private static final int WINDOW = 3 * STEP;

    /** Never call a frame speech below this level: below it is room noise, even in a silent room. */
    public static final double QUIETEST_SPEECH_DB = -50;

    /** Speech stands at least this far above the recording's noise floor. */
    private static final double ABOVE_FLOOR_DB = 12;

    /**
     * Voiced sounds (vowels, "m", "n") cross zero rarely; hiss and fricatives ("s", "f") often. A
     * quarter of the samples is 2 kHz at 16 kHz.
     */
    private static final double VOICED_MAX_CROSSINGS = 0.25;

    /** Gaps shorter than this inside speech are stop closures and breaths between syllables. */
    private static final double BRIDGED_GAP_SECONDS = 0.15;

    private static final double SHORTEST_STRETCH_SECONDS = 0.05;

    /** Human voices lie between 70 and 400 Hz. */
    private static final int SHORTEST_PERIOD = RATE / 400;

    private static final int LONGEST_PERIOD = RATE / 70;

    /** An autocorrelation peak below this is noise, not a periodic voice. */
    private static final double PERIODIC = 0.5;

    /** A stretch of audio, in seconds from the start of the recording. */
    public record Stretch(double start, double end) {
        public double seconds() {
            return end - start;
        }
    }

    private final short[] samples;
    private final double[] levelDb;
    private final boolean[] active;
    private final boolean[] voiced;
    private final double threshold;

    private VoiceActivity(short[] samples) {
        this.samples = samples;
        int frames = Math.max(0, (samples.length - WINDOW) / STEP + 1);
        levelDb = new double[frames];
        double[] crossings = new double[frames];
        for (int f = 0; f < frames; f++) {
            int from = f * STEP;
            double energy = 0;
            int changes = 0;
            for (int i = from; i < from + WINDOW; i++) {
                energy += (double) samples[i] * samples[i];
                if (i > from && (samples[i] >= 0) != (samples[i - 1] >= 0)) {
                    changes++;
                }
            }
            levelDb[f] = decibels(energy / WINDOW);
            crossings[f] = (double) changes / WINDOW;
        }
        threshold = Math.max(QUIETEST_SPEECH_DB, percentile(levelDb, 0.1) + ABOVE_FLOOR_DB);
        active = new boolean[frames];
        voiced = new boolean[frames];
        for (int f = 0; f < frames; f++) {
            active[f] = levelDb[f] > threshold;
            voiced[f] = active[f] && crossings[f] < VOICED_MAX_CROSSINGS;
        }
    }

    /** The track of 16 kHz mono audio, such as {@link WavAudio#toSpeechFormat} gives. */
    public static VoiceActivity of(Wav speech) {
        if (speech.sampleRate() != RATE || speech.channels() != 1) {
            throw new IllegalArgumentException("voice activity reads 16 kHz mono audio");
        }
        return new VoiceActivity(speech.samples());
    }

    /** Stretches with a voice in them (voiced or not), short gaps inside speech bridged. */
    public List<Stretch> speech() {
        return stretches(active);
    }

    /** Stretches of voiced sound (vowels and hums): where a filled pause may be. */
    public List<Stretch> voiced() {
        return stretches(voiced);
    }

    /** Seconds of speech in the recording. */
    public double speechSeconds() {
        return speech().stream().mapToDouble(Stretch::seconds).sum();
    }

    /**
     * The loudest 30 ms the recording holds, in dB below full scale: what a learner whose
     * microphone heard nothing is told.
     */
    public double loudestDb() {
        return Arrays.stream(levelDb).max().orElse(decibels(0));
    }

    /**
     * The voice's pitch in Hz at each frame of the stretch, NaN where the frame is not periodic
     * enough to have one.
     */
    public double[] pitch(Stretch stretch) {
        int from = Math.max(0, (int) Math.round(stretch.start() / FRAME_STEP_SECONDS));
        int to = Math.min(levelDb.length, (int) Math.round(stretch.end() / FRAME_STEP_SECONDS));
        double[] hz = new double[Math.max(0, to - from)];
        for (int f = from; f < to; f++) {
            hz[f - from] = voiced[f] ? pitchAt(f * STEP) : Double.NaN;
        }
        return hz;
    }

    /**
     * How fast the sound's colour changes at each frame of the stretch: the mean difference, in dB,
     * of 16 band levels 50 ms apart, after removing the overall level (so getting louder or softer
     * is no change). A held vowel or hum changes little; speech moves from sound to sound.
     */
    public double[] spectralChange(Stretch stretch) {
        int from = Math.max(0, (int) Math.round(stretch.start() / FRAME_STEP_SECONDS));
        int to = Math.min(levelDb.length, (int) Math.round(stretch.end() / FRAME_STEP_SECONDS));
        double[] change = new double[Math.max(0, to - from)];
        for (int f = from; f < to; f++) {
            int later = Math.min(f + CHANGE_FRAMES, levelDb.length - 1);
            change[f - from] = difference(bands(f), bands(later));
        }
        return change;
    }

    private static final int CHANGE_FRAMES = 5;
    private static final int FFT_SIZE = 512;
    private static final int BANDS = 16;
    private static final FastFourierTransformer FFT = new FastFourierTransformer(DftNormalization.STANDARD);

    /** Band levels in dB from 100 Hz to 4 kHz, equal widths: enough to tell one vowel from another. */
    private double[] bands(int frame) {
        double[] window = new double[FFT_SIZE];
        int from = frame * STEP;
        for (int i = 0; i < FFT_SIZE && from + i < samples.length; i++) {
            double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (FFT_SIZE - 1));
            window[i] = samples[from + i] * hann;
        }
        Complex[] spectrum = FFT.transform(window, TransformType.FORWARD);
        double binHz = (double) RATE / FFT_SIZE;
        int low = (int) Math.ceil(100 / binHz);
        int high = (int) Math.floor(4000 / binHz);
        double[] level = new double[BANDS];
        for (int k = low; k < high; k++) {
            double power = spectrum[k].abs() * spectrum[k].abs();
            level[(k - low) * BANDS / (high - low)] += power;
        }
        double mean = 0;
        for (int b = 0; b < BANDS; b++) {
            level[b] = 10 * Math.log10(level[b] + 1e-3);
            mean += level[b] / BANDS;
        }
        for (int b = 0; b < BANDS; b++) {
            level[b] -= mean;
        }
        return level;
    }

    private static double difference(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }

    private double pitchAt(int from) {
        int length = WINDOW - LONGEST_PERIOD;
        double best = PERIODIC;
        int bestLag = -1;
        for (int lag = SHORTEST_PERIOD; lag <= LONGEST_PERIOD; lag++) {
            double cross = 0;
            double first = 0;
            double second = 0;
            for (int i = from; i < from + length; i++) {
                cross += (double) samples[i] * samples[i + lag];
                first += (double) samples[i] * samples[i];
                second += (double) samples[i + lag] * samples[i + lag];
            }
            double r = first > 0 && second > 0 ? cross / Math.sqrt(first * second) : 0;
            if (r > best) {
                best = r;
                bestLag = lag;
            }
        }
        return bestLag < 0 ? Double.NaN : (double) RATE / bestLag;
    }

    private List<Stretch> stretches(boolean[] on) {
        int bridged = (int) Math.round(BRIDGED_GAP_SECONDS / FRAME_STEP_SECONDS);
        int shortest = (int) Math.round(SHORTEST_STRETCH_SECONDS / FRAME_STEP_SECONDS);
        List<int[]> runs = new ArrayList<>();
        int f = 0;
        while (f < on.length) {
            if (!on[f]) {
                f++;
                continue;
            }
            int start = f;
            while (f < on.length && on[f]) {
                f++;
            }
            int[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && start - last[1] < bridged) {
                last[1] = f;
            } else {
                runs.add(new int[] {start, f});
            }
        }
        List<Stretch> out = new ArrayList<>();
        for (int[] run : runs) {
            if (run[1] - run[0] >= shortest) {
                // A frame's window reaches 20 ms past its start: the last frame's sound ends there.
                out.add(new Stretch(
                        run[0] * FRAME_STEP_SECONDS,
                        Math.min(
                                (double) samples.length / RATE,
                                (run[1] - 1) * FRAME_STEP_SECONDS + (double) WINDOW / RATE)));
            }
        }
        return out;
    }

    private static double decibels(double meanSquare) {
        double full = 32768.0 * 32768.0;
        return 10 * Math.log10(Math.max(meanSquare / full, 1e-12));
    }

    private static double percentile(double[] values, double share) {
        if (values.length == 0) {
            return decibels(0);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.floor(share * (sorted.length - 1))];
    }
}
