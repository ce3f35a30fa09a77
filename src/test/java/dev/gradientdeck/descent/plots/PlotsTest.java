package dev.gradientdeck.descent.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.descent.engine.*;
import dev.gradientdeck.descent.exercise.*;
import dev.gradientdeck.descent.explain.*;
import dev.gradientdeck.descent.spec.*;
import dev.gradientdeck.descent.web.*;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The SVG pictures: well-formed, self-contained, the right scale, and honest about divergence. */
class PlotsTest {

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document =
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", document.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", document.getDocumentElement().getNamespaceURI());
        assertEquals(0, document.getElementsByTagNameNS("*", "style").getLength(), "no style sheet inside");
        assertEquals(0, document.getElementsByTagNameNS("*", "script").getLength());
        return document;
    }

    private static DescentRun run(String yaml) {
        return (DescentSpecs.fromYaml(yaml)).run();
    }

    private static List<Double> losses(DescentRun run) {
        return run.steps().stream().map(Step::loss).toList();
    }

    private static List<double[]> path(DescentRun run) {
        List<double[]> points = new ArrayList<>();
        run.steps().forEach(s -> points.add(Step.unboxed(s.paramsBefore())));
        points.add(Step.unboxed(run.steps().get(run.steps().size() - 1).paramsAfter()));
        return points;
    }

    private static String text(Document document) {
        StringBuilder all = new StringBuilder();
        NodeList texts = document.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < texts.getLength(); i++) {
            all.append(texts.item(i).getTextContent()).append('\n');
        }
        return all.toString();
    }

    private static final String ROSENBROCK_NESTEROV =
            "problem: rosenbrock\nstart: {x: -1, y: 1}\noptimizer: {name: nesterov, lr: 0.001, momentum: 0.9}\nsteps: 1000\n";
    private static final String ROSENBROCK_BLOW_UP =
            "problem: rosenbrock\nstart: {x: -1.5, y: 2}\noptimizer: {name: sgd, lr: 0.01}\nsteps: 20\n";

    @Test
    void everyPictureIsWellFormedXml() throws Exception {
        DescentRun nesterov = run(ROSENBROCK_NESTEROV);
        Problem rosenbrock = new Problem.Rosenbrock();
        parse(Plots.lossCurve(List.of(new Plots.Curve("this run", Plots.RUN, losses(nesterov), null, false)), 2, 1));
        parse(Landscape.landscape(
                rosenbrock::loss,
                List.of("x", "y"),
                List.of(new Plots.Path("this run", Plots.RUN, path(nesterov), null)),
                List.of(new Plots.Marker("minimum (1, 1)", new double[] {1, 1})),
                false));
        DescentRun quadratic = run("problem: quadratic\nconstants: {a: 2, c: 3}\nstart: {w: 0}\n"
                + "optimizer: {name: sgd, lr: 0.4}\nsteps: 12\n");
        parse(Landscape.curve(
                new Problem.Quadratic(2, 3)::loss,
                "w",
                List.of(new Plots.Path("this run", Plots.RUN, path(quadratic), null)),
                List.of(new Plots.Marker("minimum w = 3", new double[] {3})),
                false));
        parse(LineFitPlot.lineFit(
                new double[] {1, 2, 3, 4, 5},
                new double[] {2, 4, 5, 4, 5},
                List.of(new Plots.Line("now", Plots.RUN, 0.264, 0.08, 1, false)),
                new Plots.Line("now", Plots.RUN, 0.264, 0.08, 1, false)));
    }

    @Test
    void theLossIsOnALogScaleWhenItSpansDecades() throws Exception {
        assertTrue(Plots.logScale(List.of(100.0, 3.0, 1.0)));
        assertFalse(Plots.logScale(List.of(99.0, 1.0)), "less than two decades");
        assertFalse(Plots.logScale(List.of(1e6, 0.0)), "no log of 0");
        assertFalse(Plots.logScale(List.of(10.0, -1.0)), "an expression's loss may be negative");

        Document nesterov = parse(Plots.lossCurve(
                List.of(new Plots.Curve("this run", Plots.RUN, losses(run(ROSENBROCK_NESTEROV)), null, false)), 0, 1));
        assertEquals("log", nesterov.getDocumentElement().getAttribute("data-y-scale"));
        assertTrue(text(nesterov).contains("loss (log scale)"));

        Document flat = parse(Plots.lossCurve(
                List.of(new Plots.Curve("this run", Plots.RUN, List.of(17.2, 10.49, 6.58), null, false)), 0, 1));
        assertEquals("linear", flat.getDocumentElement().getAttribute("data-y-scale"));
    }

    @Test
    void aDivergedRunEndsWithAClearMarker() throws Exception {
        DescentRun blowUp = run(ROSENBROCK_BLOW_UP);
        assertEquals(8, blowUp.divergedAt());
        Document curve = parse(Plots.lossCurve(
                List.of(new Plots.Curve("this run", Plots.RUN, losses(blowUp), blowUp.divergedAt(), false)), 2, 1));
        assertTrue(text(curve).contains("diverged at step 8"), text(curve));
        Document landscape = parse(Landscape.landscape(
                new Problem.Rosenbrock()::loss,
                List.of("x", "y"),
                List.of(new Plots.Path("this run", Plots.RUN, path(blowUp), blowUp.divergedAt())),
                List.of(),
                false));
        assertTrue(text(landscape).contains("diverged at step 8: off the chart"));
    }

    @Test
    void aRunawayRunNeverWritesHugeCoordinates() {
        DescentRun blowUp = run(ROSENBROCK_BLOW_UP);
        String svg = Landscape.landscape(
                new Problem.Rosenbrock()::loss,
                List.of("x", "y"),
                List.of(new Plots.Path("this run", Plots.RUN, path(blowUp), blowUp.divergedAt())),
                List.of(new Plots.Marker("minimum (1, 1)", new double[] {1, 1})),
                false);
        assertFalse(
                svg.contains("NaN")
                        || svg.contains("Infinity")
                        || Pattern.compile("\\dE-?\\d").matcher(svg).find(),
                "plain decimals only");
        String drawing = svg.replaceAll("<text[^>]*>[^<]*</text>", "").replaceAll("#[0-9a-f]{6}", "");
        Matcher numbers = Pattern.compile("-?\\d+(\\.\\d+)?").matcher(drawing);
        while (numbers.find()) {
            assertTrue(Math.abs(Double.parseDouble(numbers.group())) <= 10_000, numbers.group());
        }
    }

    @Test
    void textIsEscaped() throws Exception {
        String label = "a<b & \"c\" 'd'";
        Document document = parse(Plots.lossCurve(
                List.of(
                        new Plots.Curve(label, Plots.RUN, List.of(1.0, 2.0), null, false),
                        new Plots.Curve("other", Plots.WHAT_IF, List.of(1.0), null, false)),
                0,
                1));
        assertTrue(text(document).contains(label));
    }

    @Test
    void contoursOfABowlAreClosedCircles() {
        int n = 41;
        double[][] values = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double x = -2 + 4.0 * i / (n - 1);
                double y = -2 + 4.0 * j / (n - 1);
                values[j][i] = x * x + y * y;
            }
        }
        List<List<double[]>> lines = Contours.at(values, 1);
        assertEquals(1, lines.size(), "one joined line, not loose segments");
        List<double[]> circle = lines.get(0);
        assertTrue(circle.size() > 30);
        assertEquals(circle.get(0), circle.get(circle.size() - 1), "closed");
        for (double[] point : circle) {
            double x = -2 + 4.0 * point[0] / (n - 1);
            double y = -2 + 4.0 * point[1] / (n - 1);
            assertEquals(1, Math.hypot(x, y), 0.02);
        }
    }

    @Test
    void aSaddleIsSplitAndOpenLinesEndOnTheBorder() {
        double[][] saddle = {{1, 0}, {0, 1}};
        List<List<double[]>> lines = Contours.at(saddle, 0.5);
        assertEquals(2, lines.size());
        lines.forEach(line -> assertEquals(2, line.size()));
    }

    @Test
    void ticksAreRoundNumbersAndLabelsShort() {
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), Scales.ticks(0, 1, 6));
        assertEquals(List.of(-10.0, 0.0, 10.0, 20.0), Scales.ticks(-12, 24, 4));
        assertEquals("0.264", Scales.label(0.264));
        assertEquals("2.5e5", Scales.label(250_000));
        assertEquals("1e-4", Scales.label(0.0001));
    }

    @Test
    void theLeastSquaresLineComesFromTheNormalEquations() {
        double[] best = LineFitPlot.leastSquares(new DataProblem.LineFit(
                DataProblem.LineFit.Reduction.MEAN, new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5}));
        assertEquals(0.6, best[0], 1e-12);
        assertEquals(2.2, best[1], 1e-12);
    }
}
