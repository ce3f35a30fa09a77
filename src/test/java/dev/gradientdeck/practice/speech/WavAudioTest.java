package dev.gradientdeck.practice.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WavAudioTest {

    /** A RIFF chunk: id, little-endian size, body, and the pad byte an odd body needs. */
    static byte[] chunk(String id, byte[] body) {
        ByteBuffer buffer =
                ByteBuffer.allocate(8 + body.length + (body.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body);
        return buffer.array();
    }

    static byte[] fmt(int formatCode, int channels, int sampleRate, int bits) {
        int blockAlign = channels * bits / 8;
        return ByteBuffer.allocate(16)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) formatCode)
                .putShort((short) channels)
                .putInt(sampleRate)
                .putInt(sampleRate * blockAlign)
                .putShort((short) blockAlign)
                .putShort((short) bits)
                .array();
    }

    static byte[] pcm(short[] samples) {
        ByteBuffer buffer = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short sample : samples) {
            buffer.putShort(sample);
        }
        return buffer.array();
    }

    static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
        for (byte[] chunk : chunks) {
            body.writeBytes(chunk);
        }
        ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(body.size());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    static byte[] wav(int sampleRate, int channels, short[] samples) {
        return riff(chunk("fmt ", fmt(1, channels, sampleRate, 16)), chunk("data", pcm(samples)));
    }

    static short[] sine(double hertz, int sampleRate, double seconds) {
        short[] samples = new short[(int) (sampleRate * seconds)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.round(10_000 * Math.sin(2 * Math.PI * hertz * i / sampleRate));
        }
        return samples;
    }

    private static int signChanges(short[] samples) {
        int changes = 0;
        for (int i = 1; i < samples.length; i++) {
            if ((samples[i - 1] < 0) != (samples[i] < 0)) {
                changes++;
            }
        }
        return changes;
    }

    private static String refusal(byte[] bytes) {
        return assertThrows(InvalidWavException.class, () -> WavAudio.parse(bytes))
                .getMessage();
    }

    @Test
    void readsSixteenKilohertzMono() {
        short[] samples = sine(440, 16_000, 0.5);
        Wav wav = WavAudio.parse(wav(16_000, 1, samples));
        assertEquals(16_000, wav.sampleRate());
        assertEquals(1, wav.channels());
        assertEquals(0.5, wav.durationSeconds(), 1e-9);
        assertArrayEquals(samples, wav.samples());
        assertSame(wav, WavAudio.toSpeechFormat(wav));
    }

    @Test
    void skipsOtherChunksIncludingOddSizedOnes() {
        short[] samples = {1, -2, 3, -4};
        byte[] bytes = riff(
                chunk("fmt ", fmt(1, 2, 44_100, 16)),
                chunk("LIST", new byte[] {'a', 'b', 'c'}),
                chunk("data", pcm(samples)));
        Wav wav = WavAudio.parse(bytes);
        assertEquals(44_100, wav.sampleRate());
        assertEquals(2, wav.channels());
        assertEquals(2, wav.frames());
        assertArrayEquals(samples, wav.samples());
    }

    @Test
    void aStreamingWritersOversizedDataLengthIsCappedByTheBytesThere() {
        byte[] bytes = wav(16_000, 1, new short[] {7, 8, 9});
        int dataSizeField = 40;
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(dataSizeField, 0xFFFFFFFF);
        byte[] withHalfFrame = Arrays.copyOf(bytes, bytes.length + 1);
        assertArrayEquals(new short[] {7, 8, 9}, WavAudio.parse(withHalfFrame).samples());
    }

    @Test
    void readsExtensiblePcm() {
        byte[] extensible = ByteBuffer.allocate(40)
                .order(ByteOrder.LITTLE_ENDIAN)
                .put(fmt(0xFFFE, 1, 16_000, 16))
                .putShort((short) 22)
                .putShort((short) 16)
                .putInt(4)
                .putShort((short) 1)
                .array();
        Wav wav = WavAudio.parse(riff(chunk("fmt ", extensible), chunk("data", pcm(new short[] {5, 6}))));
        assertArrayEquals(new short[] {5, 6}, wav.samples());
    }

    @Test
    void stereoIsAveragedToMono() {
        short[] frames = new short[200];
        for (int i = 0; i < frames.length; i += 2) {
            frames[i] = 1000;
            frames[i + 1] = 3000;
        }
        Wav speech = WavAudio.toSpeechFormat(WavAudio.parse(wav(16_000, 2, frames)));
        assertEquals(1, speech.channels());
        assertEquals(100, speech.frames());
        for (short sample : speech.samples()) {
            assertEquals(2000, sample);
        }
    }

    @Test
    void downsamplingKeepsDurationAndPitch() {
        Wav original = WavAudio.parse(wav(48_000, 2, interleave(sine(440, 48_000, 1.0))));
        Wav speech = WavAudio.toSpeechFormat(original);
        assertEquals(16_000, speech.sampleRate());
        assertEquals(1, speech.channels());
        assertEquals(1.0, speech.durationSeconds(), 1.0 / 16_000);
        assertEquals(880, signChanges(speech.samples()), 880 * 0.02);
    }

    @Test
    void anUnevenRatioAndUpsamplingKeepPitchToo() {
        Wav fromCd = WavAudio.toSpeechFormat(WavAudio.parse(wav(44_100, 1, sine(300, 44_100, 2.0))));
        assertEquals(2.0, fromCd.durationSeconds(), 1.0 / 16_000);
        assertEquals(1200, signChanges(fromCd.samples()), 1200 * 0.02);

        Wav fromPhone = WavAudio.toSpeechFormat(WavAudio.parse(wav(8_000, 1, sine(300, 8_000, 2.0))));
        assertEquals(32_000, fromPhone.frames());
        assertEquals(1200, signChanges(fromPhone.samples()), 1200 * 0.02);
    }

    @Test
    void downsamplingDampsWhatTheLowerRateCannotCarry() {
        short[] shrill = WavAudio.resample(sine(15_000, 48_000, 0.5), 48_000, 16_000);
        short[] voice = WavAudio.resample(sine(300, 48_000, 0.5), 48_000, 16_000);
        assertTrue(peak(shrill) < peak(voice) / 2, "15 kHz should be damped: peak " + peak(shrill));
    }

    private static int peak(short[] samples) {
        int peak = 0;
        for (short sample : samples) {
            peak = Math.max(peak, Math.abs(sample));
        }
        return peak;
    }

    private static short[] interleave(short[] mono) {
        short[] stereo = new short[mono.length * 2];
        for (int i = 0; i < mono.length; i++) {
            stereo[2 * i] = mono[i];
            stereo[2 * i + 1] = mono[i];
        }
        return stereo;
    }

    @Test
    void refusesWhatIsNotWav() {
        assertTrue(refusal("hello, this is text".getBytes(StandardCharsets.US_ASCII))
                .startsWith("Not a WAV file"));
        assertTrue(refusal(new byte[0]).contains("empty"));
        assertTrue(refusal(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0, 0, 0, 0, 0, 0, 0, 0})
                .contains("WebM"));
        assertTrue(refusal("OggS\0\0\0\0\0\0\0\0".getBytes(StandardCharsets.US_ASCII))
                .contains("Ogg"));
    }

    @Test
    void refusesWavThatIsNotSixteenBitPcm() {
        String floats = refusal(riff(chunk("fmt ", fmt(3, 1, 16_000, 32)), chunk("data", new byte[8])));
        assertTrue(floats.contains("format code 3"), floats);
        String deep = refusal(riff(chunk("fmt ", fmt(1, 1, 16_000, 24)), chunk("data", new byte[6])));
        assertTrue(deep.contains("24-bit"), deep);
    }

    @Test
    void refusesBrokenWav() {
        assertTrue(refusal(riff(chunk("data", pcm(new short[] {1})), chunk("fmt ", fmt(1, 1, 16_000, 16))))
                .contains("before its format"));
        assertTrue(refusal(riff(chunk("fmt ", fmt(1, 1, 16_000, 16)))).contains("no audio data"));
        assertTrue(refusal(riff(chunk("LIST", new byte[4]))).contains("no format description"));
        assertTrue(refusal(riff(chunk("fmt ", new byte[10]))).contains("cut short"));
        assertTrue(refusal(wav(16_000, 1, new short[0])).contains("empty"));
        assertTrue(refusal(riff(chunk("fmt ", fmt(1, 1, 1_000, 16)), chunk("data", new byte[2])))
                .contains("1000 Hz"));
    }

    @Test
    void theUploadLimitIsTwentyMebibytes() {
        assertEquals(20 * 1024 * 1024, WavAudio.MAX_BYTES);
    }
}
