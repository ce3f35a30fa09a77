package dev.gradientdeck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.descent.StepTable;
import dev.gradientdeck.descent.spec.DescentSpecs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate FILE}: the step table of a YAML spec or a card's descent block; a broken spec
 * exits 2 at its line.
 */
class SimulateCommandTest {
    @TempDir
    Path dir;

    record Outcome(int exit, String out, String err) {}

    Outcome simulate(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = App.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "simulate";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Outcome(cli.execute(all), out.toString(), err.toString());
    }

    @Test
    void aYamlSpecPrintsItsStepTable() throws Exception {
        Path spec = Files.writeString(dir.resolve("q.yaml"), """
        problem: quadratic
        constants: {a: 1, c: 3}
        start: {w: 0}
        optimizer: {name: sgd, lr: 0.25}
        steps: 3
        """);
        Outcome outcome = simulate(spec.toString());
        assertEquals(0, outcome.exit(), outcome.err());
        assertEquals(
                StepTable.format(DescentSpecs.fromYaml(Files.readString(spec)).run()), outcome.out());
        assertTrue(outcome.out().endsWith("completed 3 steps\n"), outcome.out());
    }

    @Test
    void aCardFileRunsItsDescentBlock() {
        Outcome outcome = simulate("cards/gradient-descent/rosenbrock-blow-up.md");
        assertEquals(0, outcome.exit(), outcome.err());
        assertTrue(outcome.out().contains("diverged at step 8"), outcome.out());
    }

    @Test
    void aSeedDrawsTheRandomizedValuesAsAReviewWould() {
        Outcome asWritten = simulate("cards/gradient-descent/quadratic-oscillation.md");
        Outcome drawn = simulate("cards/gradient-descent/quadratic-oscillation.md", "--seed", "7");
        assertEquals(0, drawn.exit(), drawn.err());
        assertEquals(
                drawn.out(),
                simulate("cards/gradient-descent/quadratic-oscillation.md", "--seed", "7")
                        .out());
        assertTrue(asWritten.out().contains("completed 12 steps"));
    }

    @Test
    void aBrokenSpecPrintsItsFileAndLineAndExitsTwo() throws Exception {
        Path spec = Files.writeString(dir.resolve("bad.yaml"), """
        problem: quadratic
        constants: {a: 1, c: 3}
        start: {w: 0}
        optimizer: {name: sgd, lr: -1}
        steps: 3
        """);
        Outcome yaml = simulate(spec.toString());
        assertEquals(2, yaml.exit());
        assertEquals(spec + ":4: optimizer.lr: must be a finite positive number, got -1.0\n", yaml.err());

        Path card = Files.writeString(
                dir.resolve("card.md"),
                "# Card\n# Question\nPredict.\n\n```descent\n" + Files.readString(spec) + "```\n");
        Outcome inCard = simulate(card.toString());
        assertEquals(2, inCard.exit());
        assertEquals(
                card + ":9: optimizer.lr: must be a finite positive number, got -1.0\n",
                inCard.err(),
                "block line 6 + spec line 4 - 1");

        Path plain = Files.writeString(dir.resolve("plain.md"), "# Plain\n# Question\nWhy?\n");
        assertEquals(2, simulate(plain.toString()).exit());
        assertEquals(2, simulate(dir.resolve("missing.yaml").toString()).exit());
    }
}
