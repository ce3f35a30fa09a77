package dev.gradientdeck.practice.speech;

/**
 * 16-bit PCM audio: samples interleaved by channel (left, right, left, ...), as a WAV file stores
 * them. The array is shared, not copied: audio is large and nothing here changes it after parsing.
 */
public record Wav(int sampleRate, int channels, short[] samples) {
    public Wav {
        if (sampleRate <= 0 || channels <= 0 || samples.length % channels != 0) {
            throw new IllegalArgumentException("inconsistent audio: "
                    + sampleRate
                    + " Hz, "
                    + channels
                    + " channels, "
                    + samples.length
                    + " samples");
        }
    }

    public int frames() {
        return samples.length / channels;
    }

    public double durationSeconds() {
        return (double) frames() / sampleRate;
    }
}
