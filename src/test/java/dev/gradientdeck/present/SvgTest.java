package dev.gradientdeck.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SvgTest {

    @Test
    void writesElementsWithPixelsToOneDecimalAndTextEscaped() {
        String svg = Svg.open(100, 50, "Loss <per> \"step\"", "class", "chart")
                .add("line", "x1", 1, "y1", 2.25, "stroke", "#fff")
                .text("a < b & c", "x", 3.0, "font-size", 11)
                .titled("rect", "w0 = 0.2120 \"start\"", "width", 10.04)
                .polyline(List.of(new double[] {0, 1.06}, new double[] {2.5, 3}), "fill", "none")
                .group("today")
                .add("rect", "x", 4)
                .endGroup()
                .close();
        assertEquals(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 50\" width=\"100%\" role=\"img\" "
                        + "aria-label=\"Loss &lt;per&gt; &quot;step&quot;\" class=\"chart\">"
                        + "<line x1=\"1\" y1=\"2.3\" stroke=\"#fff\"/>"
                        + "<text x=\"3.0\" font-size=\"11\">a &lt; b &amp; c</text>"
                        + "<rect width=\"10.0\"><title>w0 = 0.2120 &quot;start&quot;</title></rect>"
                        + "<polyline points=\"0.0,1.1 2.5,3.0\" fill=\"none\"/>"
                        + "<g><title>today</title><rect x=\"4\"/></g></svg>",
                svg);
    }

    @Test
    void attributesComeInPairs() {
        assertThrows(IllegalArgumentException.class, () -> Svg.open(1, 1, "x", "class"));
    }
}
