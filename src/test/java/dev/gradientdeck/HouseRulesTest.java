package dev.gradientdeck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rules ArchUnit cannot see in the bytecode: a source file a reader can hold in their head. */
class HouseRulesTest {
    static final int MAX_LINES = 500;

    @Test
    void noFileInSrcMainIsOverFiveHundredLines() throws IOException {
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            tooLong = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> lines(f) > MAX_LINES)
                    .map(f -> f + ": " + lines(f) + " lines")
                    .sorted()
                    .toList();
        }
        assertEquals(List.of(), tooLong, "split these by concern");
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
