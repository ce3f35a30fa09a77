package dev.gradientdeck.descent.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gradientdeck.cards.CardDocument;
import dev.gradientdeck.cards.CardParser;
import dev.gradientdeck.descent.engine.DescentRun;
import dev.gradientdeck.descent.engine.Line;
import dev.gradientdeck.descent.engine.Step;
import dev.gradientdeck.descent.engine.Tex;
import dev.gradientdeck.descent.spec.DescentSpecs;
import dev.gradientdeck.descent.spec.ValidSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every worked line, read back from the TeX a page shows and recomputed by {@link TexArithmetic},
 * agrees with the value it claims: over every starter descent card (at several drawn seeds) and
 * randomized specs of every problem and optimizer. The engine plays no part in the recomputation, so
 * a line with a wrong number in it cannot pass.
 */
class WorkedLinesTest {

    /** Allowance for the 6-significant-digit rounding of the numbers a line shows, per unit of magnitude. */
    private static final double ROUNDING = 2e-4;

    @Test
    void everyStarterCardsLinesRecompute() throws Exception {
        List<Path> cards;
        try (Stream<Path> files = Files.walk(Path.of("cards"))) {
            cards = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        int specs = 0;
        for (Path file : cards) {
            if (!(CardParser.parse(file.toString(), Files.readAllBytes(file)) instanceof CardDocument card)
                    || card.descent().isEmpty()) {
                continue;
            }
            ValidSpec spec = DescentSpecs.fromYaml(card.descent().get().yaml());
            for (long seed = 1; seed <= 3; seed++) {
                checkRun(spec.randomized(seed), file + " seed " + seed, 4);
            }
            specs++;
        }
        assertTrue(specs >= 10, "only " + specs + " descent cards found");
    }

    @Test
    void randomizedSpecsLinesRecompute() {
        SplittableRandom random = new SplittableRandom(13);
        int checked = 0;
        for (int i = 0; i < 300; i++) {
            String yaml = RandomSpecs.draw(random);
            ValidSpec spec;
            try {
                spec = DescentSpecs.fromYaml(yaml);
            } catch (RuntimeException e) {
                fail("a drawn spec must be valid: " + e.getMessage() + "\n" + yaml);
                return;
            }
            checked += checkRun(spec, yaml, 3);
        }
        assertTrue(checked > 5000, "only " + checked + " lines checked");
    }

    @Test
    void aWrongNumberInALineIsCaught() {
        Line right = new Line(
                "v", "\\alpha\\, v_{\\text{prev}} + (1 - \\alpha)\\, g^2", "0.99\\cdot0 + 0.01\\cdot4^2", 0.16);
        Line wrong = new Line(
                "v", "\\alpha\\, v_{\\text{prev}} + (1 - \\alpha)\\, g^2", "0.99\\cdot0 + 0.99\\cdot4^2", 0.16);
        assertEquals(List.of(), problems(right));
        assertEquals(1, problems(wrong).size());
    }

    @Test
    void anExpressionIsWrittenWithItsNumbersAndDifferentiatedTermByTerm() {
        ValidSpec spec =
                DescentSpecs.fromYaml("problem: expression\nexpression: (w - 3)^2 + 0.5*w*b^2\nstart: {w: 0.5, b: 2}\n"
                        + "optimizer: {name: sgd, lr: 0.1}\nsteps: 2\n");
        Worked worked = Worked.of(spec.simulation(), spec.run().steps().get(0));
        assertEquals(
                "L = (w - 3)^{2} + 0.5\\,w\\,b^{2} = (0.5 - 3)^{2} + 0.5\\cdot 0.5\\cdot 2^{2} = 7.25",
                worked.loss().get(0).tex());
        List<String> gradient = worked.gradient().stream().map(Line::tex).toList();
        assertTrue(
                gradient.contains(
                        "\\partial L/\\partial w = 2\\,(w - 3) + 0.5\\,b^{2} = 2\\cdot (0.5 - 3) + 0.5\\cdot 2^{2} = -3"),
                String.join("\n", gradient));
        assertTrue(
                gradient.contains("\\partial L/\\partial b = 0.5\\,w\\,(2\\,b) = 0.5\\cdot 0.5\\cdot (2\\cdot 2) = 1"),
                String.join("\n", gradient));
        assertTrue(
                gradient.contains(
                        "\\tfrac{\\partial}{\\partial w}\\big[(w - 3)^{2}\\big] = 2\\,(w - 3) = 2\\cdot (0.5 - 3) = -5"),
                "each term's partial, then their sum");
    }

    @Test
    void theLossAfterTheStepIsWorkedOut() {
        ValidSpec spec = DescentSpecs.fromYaml(
                "problem: himmelblau\nstart: {x: 0, y: 0}\noptimizer: {name: sgd, lr: 0.01}\nsteps: 3\n");
        Worked worked = Worked.of(spec.simulation(), spec.run().steps().get(0));
        List<String> after = worked.lossAfter().stream().map(Line::tex).toList();
        assertTrue(
                after.stream().anyMatch(l -> l.startsWith("L_{\\text{new}} = u^2 + v^2") && l.endsWith(" = 162.184")),
                String.join("\n", after));
        assertTrue(after.get(after.size() - 1).contains("-7.8159"), "the change: " + after);
    }

    /** Checks every line of the run's first steps; the number of lines checked. */
    private static int checkRun(ValidSpec spec, String at, int steps) {
        DescentRun run = spec.run();
        int checked = 0;
        for (Step step : run.steps().subList(0, Math.min(steps, run.steps().size()))) {
            if (!step.stayedFinite()) {
                break;
            }
            Worked worked = Worked.of(spec.simulation(), step);
            List<Line> lines = new ArrayList<>(worked.loss());
            lines.addAll(worked.gradient());
            worked.updates().forEach(u -> lines.addAll(u.lines()));
            lines.addAll(worked.lossAfter());
            for (Line line : lines) {
                List<String> problems = problems(line);
                if (!problems.isEmpty()) {
                    fail(at + " step " + step.t() + ": " + problems);
                }
                checked++;
            }
            Line last = worked.updates()
                    .get(0)
                    .lines()
                    .get(worked.updates().get(0).lines().size() - 1);
            assertEquals(
                    Tex.n(step.paramsAfter().get(0)),
                    shownResult(last.tex()),
                    at + ": the update ends at the new value");
        }
        return checked;
    }

    /** What is wrong with a line as the page writes it: its numbers do not give its result. */
    static List<String> problems(Line line) {
        String tex = line.tex().replaceAll("\\\\quad\\\\text\\{\\(.*\\)\\}$", "");
        String[] parts = tex.split(" = ");
        if (line.numbers().isEmpty() || line.numbers().equals(Tex.n(line.value())) || parts.length < 3) {
            return List.of();
        }
        String numbers = parts[parts.length - 2];
        String result = parts[parts.length - 1];
        TexArithmetic.Value computed = TexArithmetic.evaluate(numbers);
        double shown = TexArithmetic.evaluate(result).value();
        if (!Double.isFinite(shown) || !Double.isFinite(computed.value())) {
            return List.of();
        }
        double allowed = ROUNDING * computed.magnitude() + 5e-6 * Math.abs(shown) + 1e-300;
        return Math.abs(computed.value() - shown) <= allowed
                ? List.of()
                : List.of(tex + "  (the numbers give " + computed.value() + ")");
    }

    private static String shownResult(String tex) {
        String[] parts = tex.replaceAll("\\\\quad\\\\text\\{\\(.*\\)\\}$", "").split(" = ");
        return parts[parts.length - 1];
    }
}
