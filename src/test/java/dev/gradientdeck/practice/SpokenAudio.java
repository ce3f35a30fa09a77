package dev.gradientdeck.practice;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Spoken answers made for tests: sentences said by espeak-ng, fillers as espeak-ng's sustained
 * vowels ("uhhh", "ummm"), exact silences and joins by sox. Without the two tools a test is skipped
 * with a hint, except on CI (CI=true), where it fails: there .ci/run installs them.
 */
public final class SpokenAudio {

    /** What each filler is, in espeak-ng's phoneme notation: a held schwa, a held "uh" then "m". */
    public enum Filler {
        UHH("[[@@@@@]]"),
        UMM("[[VVVVmmm]]"),
        AHH("[[a:a:a:]]");

        private final String phonemes;

        Filler(String phonemes) {
            this.phonemes = phonemes;
        }
    }

    private final Path folder;
    private int made;

    public SpokenAudio(Path folder) {
        requireTools();
        this.folder = folder;
    }

    /** Skips (or on CI fails) the calling test when espeak-ng or sox is missing. */
    public static void requireTools() {
        boolean present = onPath("espeak-ng") && onPath("sox");
        String hint = "espeak-ng and sox make the test audio: apt-get install espeak-ng sox";
        if (!present && "true".equals(System.getenv("CI"))) {
            fail(hint + " (.ci/run installs them)");
        }
        assumeTrue(present, hint);
    }

    /** The sentence as espeak-ng says it, its leading and trailing silence cut off. */
    public Path say(String text) throws IOException {
        Path raw = next("said");
        run("espeak-ng", "-v", "en-us", "-s", "150", "-w", raw.toString(), text);
        return trimmed(raw);
    }

    public Path filler(Filler kind) throws IOException {
        Path raw = next("filler");
        run("espeak-ng", "-v", "en-us", "-s", "150", "-w", raw.toString(), kind.phonemes);
        return trimmed(raw);
    }

    /** Digital silence of exactly this length, at espeak-ng's rate. */
    public Path silence(double seconds) throws IOException {
        Path out = next("silence");
        run("sox", "-n", "-r", "22050", "-c", "1", "-b", "16", out.toString(), "trim", "0", String.valueOf(seconds));
        return out;
    }

    /** The parts one after the other in one WAV file. */
    public Path join(List<Path> parts) throws IOException {
        Path out = next("answer");
        List<String> command = new ArrayList<>(List.of("sox"));
        parts.forEach(p -> command.add(p.toString()));
        command.add(out.toString());
        run(command.toArray(String[]::new));
        return out;
    }

    /** Seconds of audio in a WAV file, by sox. */
    public static double seconds(Path wav) throws IOException {
        return Double.parseDouble(run("soxi", "-D", wav.toString()).strip());
    }

    private Path trimmed(Path raw) throws IOException {
        Path out = next("trimmed");
        run(
                "sox",
                raw.toString(),
                out.toString(),
                "silence",
                "1",
                "0.01",
                "0.5%",
                "reverse",
                "silence",
                "1",
                "0.01",
                "0.5%",
                "reverse");
        return out;
    }

    private Path next(String what) {
        return folder.resolve(what + "-" + made++ + ".wav");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + command[0], e);
        }
    }
}
