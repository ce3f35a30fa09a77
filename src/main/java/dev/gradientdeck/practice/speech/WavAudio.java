package dev.gradientdeck.practice.speech;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Reads RIFF WAV bytes and brings them to the 16 kHz mono 16-bit PCM the speech model was trained
 * on.
 *
 * <p>Only 16-bit integer PCM is read: it is what the browser recorder writes, and refusing the rest
 * with a clear message beats guessing at compressed or float formats.
 */
public final class WavAudio {

    /**
     * The largest upload accepted: about 10 minutes of 16 kHz mono, far longer than an interview
     * answer.
     */
    public static final int MAX_BYTES = 20 * 1024 * 1024;

    /** The sample rate of the small English Vosk model. */
    public static final int SPEECH_SAMPLE_RATE = 16_000;

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    private static final int MAX_CHANNELS = 8;

    private record Format(int code, int channels, int sampleRate, int bitsPerSample) {}

    private WavAudio() {}

    public static Wav parse(byte[] bytes) {
        requireRiffWave(bytes);
        Format format = null;
        long offset = 12;
        while (offset + 8 <= bytes.length) {
            int chunk = (int) offset;
            String id = ascii(bytes, chunk, 4);
            long size = uint32(bytes, chunk + 4);
            int body = chunk + 8;
            if (id.equals("fmt ")) {
                format = format(bytes, body, size);
            } else if (id.equals("data")) {
                if (format == null) {
                    throw new InvalidWavException(
                            "Broken WAV file: the audio data comes before its format description.");
                }
                return new Wav(format.sampleRate(), format.channels(), samples(bytes, body, size, format.channels()));
            }
            // Chunks are padded to an even length.
            offset = body + size + (size & 1);
        }
        throw new InvalidWavException(
                format == null
                        ? "Broken WAV file: it has no format description (fmt chunk)."
                        : "Broken WAV file: it has no audio data (data chunk).");
    }

    /**
     * Checks a WAV file without reading its audio, and gives its length in seconds. The JDK's own
     * reader ({@code javax.sound.sampled}) parses the header; the checks and messages are ours.
     */
    public static double inspect(Path file) {
        try {
            AudioFileFormat found = AudioSystem.getAudioFileFormat(file.toFile());
            AudioFormat format = requireReadable(found.getFormat());
            if (found.getFrameLength() == 0) {
                throw new InvalidWavException("The recording is empty: the WAV file holds no audio.");
            }
            if (found.getFrameLength() == AudioSystem.NOT_SPECIFIED) {
                // A recorder that streams may leave the length unwritten: the file's size tells it.
                long frames = Math.max(0, (Files.size(file) - 44) / format.getFrameSize());
                return frames / (double) format.getSampleRate();
            }
            return found.getFrameLength() / (double) format.getSampleRate();
        } catch (UnsupportedAudioFileException e) {
            throw new InvalidWavException(
                    "Not a WAV file" + lookalike(head(file)) + ": please send 16-bit PCM WAV audio.");
        } catch (IOException e) {
            throw new InvalidWavException("The WAV file could not be read: " + e.getMessage());
        }
    }

    /**
     * A WAV file as {@link #SPEECH_SAMPLE_RATE} mono, read and converted by the JDK's {@code
     * javax.sound.sampled} (which resamples and mixes channels down since JDK 17).
     */
    public static Wav read(Path file) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat format = requireReadable(in.getFormat());
            AudioFormat speech = new AudioFormat(SPEECH_SAMPLE_RATE, 16, 1, true, false);
            try (AudioInputStream converted =
                    format.matches(speech) ? in : AudioSystem.getAudioInputStream(speech, in)) {
                byte[] bytes = converted.readAllBytes();
                short[] samples = new short[bytes.length / 2];
                ByteBuffer.wrap(bytes)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .asShortBuffer()
                        .get(samples);
                if (samples.length == 0) {
                    throw new InvalidWavException("The recording is empty: the WAV file holds no audio.");
                }
                return new Wav(SPEECH_SAMPLE_RATE, 1, samples);
            }
        } catch (UnsupportedAudioFileException e) {
            throw new InvalidWavException(
                    "Not a WAV file" + lookalike(head(file)) + ": please send 16-bit PCM WAV audio.");
        }
    }

    private static AudioFormat requireReadable(AudioFormat format) {
        if (!format.getEncoding().equals(AudioFormat.Encoding.PCM_SIGNED)) {
            throw new InvalidWavException("Unsupported WAV encoding ("
                    + format.getEncoding()
                    + "): only uncompressed integer PCM is read, not float, A-law, mu-law or compressed audio.");
        }
        requireSupported(new Format(
                FORMAT_PCM, format.getChannels(), Math.round(format.getSampleRate()), format.getSampleSizeInBits()));
        if (format.isBigEndian()) {
            throw new InvalidWavException("Big-endian WAV is not supported.");
        }
        return format;
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(12);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** Mono at {@link #SPEECH_SAMPLE_RATE}; audio already in that shape is returned as it is. */
    public static Wav toSpeechFormat(Wav wav) {
        if (wav.sampleRate() == SPEECH_SAMPLE_RATE && wav.channels() == 1) {
            return wav;
        }
        short[] mono = downmix(wav);
        return new Wav(SPEECH_SAMPLE_RATE, 1, resample(mono, wav.sampleRate(), SPEECH_SAMPLE_RATE));
    }

    private static void requireRiffWave(byte[] bytes) {
        if (bytes.length < 12
                || !ascii(bytes, 0, 4).equals("RIFF")
                || !ascii(bytes, 8, 4).equals("WAVE")) {
            throw new InvalidWavException("Not a WAV file" + lookalike(bytes) + ": please send 16-bit PCM WAV audio.");
        }
    }

    /**
     * Names the format the bytes seem to be in, so a recorder sending WebM or Ogg is easy to
     * diagnose.
     */
    private static String lookalike(byte[] bytes) {
        if (bytes.length >= 4
                && (bytes[0] & 0xFF) == 0x1A
                && (bytes[1] & 0xFF) == 0x45
                && (bytes[2] & 0xFF) == 0xDF
                && (bytes[3] & 0xFF) == 0xA3) {
            return " (it looks like WebM)";
        }
        if (bytes.length >= 8 && ascii(bytes, 4, 4).equals("ftyp")) {
            return " (it looks like MP4/M4A)";
        }
        if (bytes.length >= 4) {
            switch (ascii(bytes, 0, 4)) {
                case "OggS":
                    return " (it looks like Ogg)";
                case "fLaC":
                    return " (it looks like FLAC)";
                case "RIFX":
                    return " (it is a big-endian WAV, which is not supported)";
                default:
                    break;
            }
        }
        if (bytes.length >= 3 && ascii(bytes, 0, 3).equals("ID3")) {
            return " (it looks like MP3)";
        }
        return bytes.length == 0 ? " (the upload is empty)" : "";
    }

    private static Format format(byte[] bytes, int body, long size) {
        if (size < 16 || body + 16 > bytes.length) {
            throw new InvalidWavException("Broken WAV file: its format description is cut short.");
        }
        int code = uint16(bytes, body);
        // WAVE_FORMAT_EXTENSIBLE keeps the real format code at the start of its sub-format GUID.
        if (code == FORMAT_EXTENSIBLE && size >= 40 && body + 40 <= bytes.length) {
            code = uint16(bytes, body + 24);
        }
        Format format =
                new Format(code, uint16(bytes, body + 2), (int) uint32(bytes, body + 4), uint16(bytes, body + 14));
        requireSupported(format);
        return format;
    }

    private static void requireSupported(Format format) {
        if (format.code() != FORMAT_PCM) {
            throw new InvalidWavException("Unsupported WAV encoding (format code "
                    + format.code()
                    + "): only uncompressed integer PCM is read, not float, A-law, mu-law or compressed audio.");
        }
        if (format.bitsPerSample() != 16) {
            throw new InvalidWavException(
                    "Unsupported WAV sample size: " + format.bitsPerSample() + "-bit; please send 16-bit PCM.");
        }
        if (format.channels() < 1 || format.channels() > MAX_CHANNELS) {
            throw new InvalidWavException("Unsupported WAV channel count: " + format.channels() + ".");
        }
        if (format.sampleRate() < 8_000 || format.sampleRate() > 192_000) {
            throw new InvalidWavException("Unsupported WAV sample rate: " + format.sampleRate() + " Hz.");
        }
    }

    /**
     * The samples of the data chunk. A recorder that streams may leave the chunk size at 0 or at
     * its maximum, so the size is capped by the bytes that are really there, and a trailing partial
     * frame is dropped.
     */
    private static short[] samples(byte[] bytes, int body, long size, int channels) {
        long available = Math.min(size, bytes.length - (long) body);
        int frames = (int) (available / (2L * channels));
        if (frames == 0) {
            throw new InvalidWavException("The recording is empty: the WAV file holds no audio.");
        }
        short[] samples = new short[frames * channels];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) uint16(bytes, body + 2 * i);
        }
        return samples;
    }

    /** The mean of the channels of each frame. */
    static short[] downmix(Wav wav) {
        int channels = wav.channels();
        short[] mono = new short[wav.frames()];
        for (int frame = 0; frame < mono.length; frame++) {
            long sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += wav.samples()[frame * channels + c];
            }
            mono[frame] = (short) Math.round((double) sum / channels);
        }
        return mono;
    }

    /**
     * Linear interpolation between neighbouring samples. Going down in rate, a moving average over
     * one output period first removes most of what the lower rate cannot represent, so high
     * frequencies do not fold back as noise.
     */
    static short[] resample(short[] samples, int fromRate, int toRate) {
        if (fromRate == toRate) {
            return samples;
        }
        double step = (double) fromRate / toRate;
        short[] source = step > 1 ? movingAverage(samples, (int) Math.ceil(step)) : samples;
        short[] out = new short[(int) ((long) samples.length * toRate / fromRate)];
        for (int k = 0; k < out.length; k++) {
            double position = k * step;
            int i = (int) position;
            double fraction = position - i;
            int next = Math.min(i + 1, source.length - 1);
            out[k] = (short) Math.round(source[i] + (source[next] - source[i]) * fraction);
        }
        return out;
    }

    private static short[] movingAverage(short[] samples, int width) {
        long[] prefix = new long[samples.length + 1];
        for (int i = 0; i < samples.length; i++) {
            prefix[i + 1] = prefix[i] + samples[i];
        }
        short[] out = new short[samples.length];
        for (int i = 0; i < samples.length; i++) {
            int from = Math.max(0, i - width / 2);
            int to = Math.min(samples.length, from + width);
            out[i] = (short) Math.round((double) (prefix[to] - prefix[from]) / (to - from));
        }
        return out;
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }

    private static int uint16(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8;
    }

    private static long uint32(byte[] bytes, int offset) {
        return (uint16(bytes, offset) | (long) uint16(bytes, offset + 2) << 16);
    }
}
