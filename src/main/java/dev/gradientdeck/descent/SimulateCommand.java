package dev.gradientdeck.descent;

import dev.gradientdeck.cards.CardDocument;
import dev.gradientdeck.cards.CardFileException;
import dev.gradientdeck.cards.CardParser;
import dev.gradientdeck.descent.engine.SpecException;
import dev.gradientdeck.descent.spec.DescentSpecs;
import dev.gradientdeck.descent.spec.ValidSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code simulate FILE}: runs a spec, a YAML file or the {@code descent} block of a card file, and
 * prints its step table. A broken spec prints the file, the line in it and what is wrong, and exits
 * 2, like a bad option.
 */
@Command(
        name = "simulate",
        description = "Run a simulation spec (a YAML file, or the ```descent block of a card file"
                + " ending in .md) and print its step table; exit 2 with the file and line if the spec is broken.")
public final class SimulateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A YAML spec, or a card file (.md) with a ```descent block.")
    Path file;

    @Option(names = "--seed", description = "Draw the spec's randomize values with this seed, as a review's run does.")
    Long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The spec's text and the file line its first line sits on. */
    private record Source(String yaml, int firstLine) {}

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Source source;
        try {
            source = source();
        } catch (CardFileException e) {
            return refuse(err, e.line(), e.getMessage());
        } catch (IOException e) {
            return refuse(err, 0, "cannot read the file: " + e.getMessage());
        }
        try {
            ValidSpec parsed = DescentSpecs.fromYaml(source.yaml());
            out.print(StepTable.format((seed == null ? parsed : parsed.randomized(seed)).run()));
            out.flush();
            return 0;
        } catch (SpecException e) {
            return refuse(err, source.firstLine() + e.line().orElse(1) - 1, e.getMessage());
        }
    }

    private Source source() throws IOException, CardFileException {
        byte[] bytes = Files.readAllBytes(file);
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")) {
            return new Source(new String(bytes, StandardCharsets.UTF_8), 1);
        }
        if (!(CardParser.parse(file.getFileName().toString(), bytes) instanceof CardDocument card)) {
            throw new CardFileException(1, "this is a paper note, not a card with a ```descent block");
        }
        CardDocument.DescentBlock block = card.descent()
                .orElseThrow(() -> new CardFileException(1, "this card has no ```descent block to simulate"));
        return new Source(block.yaml(), block.line());
    }

    private int refuse(PrintWriter err, int line, String message) {
        err.println(file + (line > 0 ? ":" + line : "") + ": " + message);
        err.flush();
        return 2;
    }
}
