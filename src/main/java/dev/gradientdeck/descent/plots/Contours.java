package dev.gradientdeck.descent.plots;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Contour lines of a function sampled on a grid, by marching squares. Each crossing of the level is
 * identified by the grid edge it lies on, and each cell links the crossings on its edges, so the
 * pieces join exactly into polylines (and closed loops) instead of thousands of loose segments.
 */
final class Contours {
    private Contours() {}

    /**
     * The lines where the sampled function equals {@code level}, in grid coordinates: x is the
     * column, y the row, both fractional between samples. {@code values[row][column]}; at least 2 ×
     * 2. A cell with two opposite corners above the level and two below (a saddle) is split by the
     * mean of its corners.
     */
    static List<List<double[]>> at(double[][] values, double level) {
        int rows = values.length;
        int columns = values[0].length;
        Map<Long, double[]> points = new HashMap<>();
        Map<Long, List<Long>> links = new HashMap<>();
        for (int j = 0; j + 1 < rows; j++) {
            for (int i = 0; i + 1 < columns; i++) {
                double a = values[j][i];
                double b = values[j][i + 1];
                double c = values[j + 1][i + 1];
                double d = values[j + 1][i];
                long bottom = crossing(points, level, horizontal(i, j, columns), i, j, a, b, true);
                long right = crossing(points, level, vertical(i + 1, j, columns), i + 1, j, b, c, false);
                long top = crossing(points, level, horizontal(i, j + 1, columns), i, j + 1, d, c, true);
                long left = crossing(points, level, vertical(i, j, columns), i, j, a, d, false);
                List<Long> crossed = new ArrayList<>(4);
                for (long edge : new long[] {bottom, right, top, left}) {
                    if (edge >= 0) {
                        crossed.add(edge);
                    }
                }
                if (crossed.size() == 2) {
                    link(links, crossed.get(0), crossed.get(1));
                } else if (crossed.size() == 4) {
                    boolean centreAbove = (a + b + c + d) / 4 >= level;
                    if (centreAbove == (a >= level)) {
                        link(links, bottom, right);
                        link(links, top, left);
                    } else {
                        link(links, left, bottom);
                        link(links, right, top);
                    }
                }
            }
        }
        return chains(points, links);
    }

    private static long horizontal(int i, int j, int columns) {
        return ((long) j * columns + i) * 2;
    }

    private static long vertical(int i, int j, int columns) {
        return ((long) j * columns + i) * 2 + 1;
    }

    /** The edge's key when the level crosses it (recording where), else -1. */
    private static long crossing(
            Map<Long, double[]> points,
            double level,
            long key,
            int i,
            int j,
            double from,
            double to,
            boolean horizontal) {
        if ((from >= level) == (to >= level)) {
            return -1;
        }
        points.computeIfAbsent(key, k -> {
            double t = (level - from) / (to - from);
            return horizontal ? new double[] {i + t, j} : new double[] {i, j + t};
        });
        return key;
    }

    private static void link(Map<Long, List<Long>> links, long from, long to) {
        links.computeIfAbsent(from, k -> new ArrayList<>(2)).add(to);
        links.computeIfAbsent(to, k -> new ArrayList<>(2)).add(from);
    }

    /**
     * Walks the links: open lines from their ends (crossings on the grid's border) first, then the
     * closed loops.
     */
    private static List<List<double[]>> chains(Map<Long, double[]> points, Map<Long, List<Long>> links) {
        List<List<double[]>> lines = new ArrayList<>();
        Set<Long> visited = new HashSet<>();
        for (var entry : links.entrySet()) {
            if (entry.getValue().size() == 1 && !visited.contains(entry.getKey())) {
                lines.add(walk(entry.getKey(), points, links, visited));
            }
        }
        for (long start : links.keySet()) {
            if (!visited.contains(start)) {
                List<double[]> loop = walk(start, points, links, visited);
                loop.add(loop.get(0));
                lines.add(loop);
            }
        }
        return lines;
    }

    private static List<double[]> walk(
            long start, Map<Long, double[]> points, Map<Long, List<Long>> links, Set<Long> visited) {
        List<double[]> line = new ArrayList<>();
        Long at = start;
        while (at != null) {
            visited.add(at);
            line.add(points.get(at));
            Long next = null;
            for (long neighbour : links.get(at)) {
                if (!visited.contains(neighbour)) {
                    next = neighbour;
                    break;
                }
            }
            at = next;
        }
        return line;
    }
}
