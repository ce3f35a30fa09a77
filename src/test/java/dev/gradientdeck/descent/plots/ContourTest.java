package dev.gradientdeck.descent.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.descent.engine.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The landscape is drawn the right way up: the run's first point lies on the contour drawn at its
 * own loss. A picture whose contours were flipped (or shifted) against the path would put the start
 * off that line.
 */
class ContourTest {

    @Test
    void thePathStartsOnTheContourOfItsLoss() {
        // A tilted, off-centre valley, so a flip in either axis moves the contour away from the start.
        Problem himmelblau = new Problem.Himmelblau();
        for (double[] start : new double[][] {{-1, 3}, {0, 0}, {2.5, -1}, {-3, -2.5}}) {
            String svg = Landscape.landscape(
                    himmelblau::loss,
                    List.of("x", "y"),
                    List.of(new Plots.Path(
                            "this run",
                            Plots.RUN,
                            List.of(start, new double[] {start[0] + 0.3, start[1] + 0.1}),
                            null)),
                    List.of(),
                    false);
            double[] circle = startCircle(svg);
            List<double[]> contour = startContour(svg);
            assertTrue(!contour.isEmpty(), "a contour is drawn at the start's loss");
            double nearest = Double.POSITIVE_INFINITY;
            for (int i = 1; i < contour.size(); i++) {
                nearest = Math.min(nearest, distance(circle, contour.get(i - 1), contour.get(i)));
            }
            assertTrue(nearest < 2.0, "start " + start[0] + ", " + start[1] + " is " + nearest + " px off its contour");
        }
    }

    @Test
    void theStartContourIsAtTheStartsLossNotAnother() {
        // On a bowl the contour through (2, 0) is the circle of radius 2: its points are all 2 units out.
        Problem bowl = new Problem.Bowl(1, 1);
        String svg = Landscape.landscape(
                bowl::loss,
                List.of("x", "y"),
                List.of(new Plots.Path("this run", Plots.RUN, List.of(new double[] {2, 0}, new double[] {1, 0}), null)),
                List.of(new Plots.Marker("minimum (0, 0)", new double[] {0, 0})),
                false);
        double[] centre = minimumMark(svg);
        double[] start = startCircle(svg);
        double radius = Math.hypot(start[0] - centre[0], start[1] - centre[1]);
        for (double[] point : startContour(svg)) {
            assertEquals(radius, Math.hypot(point[0] - centre[0], point[1] - centre[1]), radius * 0.03);
        }
    }

    private static double[] startCircle(String svg) {
        Matcher m = Pattern.compile("<circle cx=\"([-\\d.]+)\" cy=\"([-\\d.]+)\" r=\"5.5\"")
                .matcher(svg);
        assertTrue(m.find(), "the start is marked");
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    /** The centre of the minimum's cross, drawn as two strokes in the minimum's green. */
    private static double[] minimumMark(String svg) {
        Matcher m = Pattern.compile("<path d=\"M([-\\d.]+) ([-\\d.]+)L([-\\d.]+) ([-\\d.]+)M[^\"]*\"[^>]*#2b8a3e")
                .matcher(svg);
        assertTrue(m.find(), "the minimum is marked");
        return new double[] {
            (Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(3))) / 2,
            (Double.parseDouble(m.group(2)) + Double.parseDouble(m.group(4))) / 2
        };
    }

    private static List<double[]> startContour(String svg) {
        Matcher m =
                Pattern.compile("<path class=\"start-level\" d=\"([^\"]+)\"").matcher(svg);
        List<double[]> points = new ArrayList<>();
        if (m.find()) {
            Matcher p = Pattern.compile("[ML]([-\\d.]+) ([-\\d.]+)").matcher(m.group(1));
            while (p.find()) {
                points.add(new double[] {Double.parseDouble(p.group(1)), Double.parseDouble(p.group(2))});
            }
        }
        return points;
    }

    /** Distance from a point to a segment. */
    private static double distance(double[] p, double[] a, double[] b) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double length = dx * dx + dy * dy;
        double t = length == 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length));
        return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
    }
}
