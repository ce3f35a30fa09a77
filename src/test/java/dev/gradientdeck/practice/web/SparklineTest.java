package dev.gradientdeck.practice.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SparklineTest {

    @Test
    void spreadsValuesAcrossTheWidthWithHigherValuesHigher() {
        Sparkline line = Sparkline.of(List.of(100.0, 150.0, 200.0), 100, 200, 120, 160);
        // 3 px of padding on every side of the 120 x 32 view box.
        assertEquals("3.0,29.0 60.0,16.0 117.0,3.0", line.points());
        assertEquals(117.0, line.lastX());
        assertEquals(3.0, line.lastY());
        assertEquals(3, line.count());
    }

    @Test
    void theTargetBandIsDrawnOnTheSameScale() {
        Sparkline line = Sparkline.of(List.of(140.0), 100, 200, 120, 160);
        assertEquals(60.0, line.lastX(), "a single value sits in the middle");
        assertEquals(3 + 0.4 * 26, line.bandTop(), 1e-9);
        assertEquals(0.4 * 26, line.bandHeight(), 1e-9);
    }

    @Test
    void valuesOutsideTheFloorAndCeilingStretchTheScale() {
        Sparkline line = Sparkline.of(List.of(0.0, 300.0), 100, 200, 120, 160);
        assertEquals("3.0,29.0 117.0,3.0", line.points());
    }

    @Test
    void noValuesDrawNothing() {
        Sparkline line = Sparkline.of(List.of(), 0, 4, 0, 2);
        assertTrue(line.isEmpty());
        assertEquals("", line.points());
    }
}
