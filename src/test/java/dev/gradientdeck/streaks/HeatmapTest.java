package dev.gradientdeck.streaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HeatmapTest {

    /** A Saturday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Test
    void oneSquarePerDayFromTheMonday52WeeksBackToToday() throws Exception {
        List<Element> squares = daySquares(parse(Heatmap.svg(Map.of(), Set.of(), TODAY, 1)));
        // 52 full weeks plus Monday to Saturday of this week.
        assertEquals(52 * 7 + 6, squares.size());
        assertEquals("2025-11-17", squares.get(0).getAttribute("data-date"));
        assertEquals("2026-11-21", squares.get(squares.size() - 1).getAttribute("data-date"));
    }

    @Test
    void weeksAreColumnsWithMondayOnTop() throws Exception {
        Map<String, Element> byDate = byDate(parse(Heatmap.svg(Map.of(), Set.of(), TODAY, 1)));
        Element firstMonday = byDate.get("2025-11-17");
        Element firstSunday = byDate.get("2025-11-23");
        Element lastMonday = byDate.get("2026-11-16");
        assertEquals(firstMonday.getAttribute("x"), firstSunday.getAttribute("x"));
        assertEquals(
                Integer.parseInt(firstMonday.getAttribute("y")) + 6 * 13,
                Integer.parseInt(firstSunday.getAttribute("y")));
        assertEquals(
                Integer.parseInt(firstMonday.getAttribute("x")) + 52 * 13,
                Integer.parseInt(lastMonday.getAttribute("x")));
        assertEquals(firstMonday.getAttribute("y"), lastMonday.getAttribute("y"));
    }

    @Test
    void everySquareHasATitleWithTheDateAndCount() throws Exception {
        Map<LocalDate, Integer> activity = Map.of(TODAY, 3, TODAY.minusDays(1), 1);
        Map<String, Element> byDate = byDate(parse(Heatmap.svg(activity, Set.of(), TODAY, 1)));
        assertEquals("Sat 21 Nov 2026: 3 reviews", titleOf(byDate.get("2026-11-21")));
        assertEquals("Fri 20 Nov 2026: 1 review", titleOf(byDate.get("2026-11-20")));
        assertEquals("Thu 19 Nov 2026: 0 reviews", titleOf(byDate.get("2026-11-19")));
        byDate.values().forEach(square -> assertFalse(titleOf(square).isBlank()));
    }

    @Test
    void aDayBelowTheGoalIsPaleAndSaysWhy() throws Exception {
        Map<LocalDate, Integer> activity = Map.of(TODAY.minusDays(1), 4, TODAY, 5);
        Map<String, Element> byDate = byDate(parse(Heatmap.svg(activity, Set.of(), TODAY, 5)));
        Element below = byDate.get("2026-11-20");
        assertEquals("1", below.getAttribute("data-level"));
        assertEquals(Heatmap.SHADES.get(1), below.getAttribute("fill"));
        assertEquals("Fri 20 Nov 2026: 4 reviews (daily goal 5)", titleOf(below));
        assertEquals("4", byDate.get("2026-11-21").getAttribute("data-level"));
        assertEquals(Heatmap.SHADES.get(0), byDate.get("2026-11-19").getAttribute("fill"));
    }

    @Test
    void countedDaysAreShadedInThirdsOfTheYear() throws Exception {
        Map<LocalDate, Integer> activity = new HashMap<>();
        int[] counts = {1, 2, 3, 10, 20, 30, 100, 200, 300};
        for (int i = 0; i < counts.length; i++) {
            activity.put(TODAY.minusDays(i), counts[i]);
        }
        Map<String, Element> byDate = byDate(parse(Heatmap.svg(activity, Set.of(), TODAY, 1)));
        List<String> levels = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            levels.add(byDate.get(TODAY.minusDays(i).toString()).getAttribute("data-level"));
        }
        assertEquals(List.of("2", "2", "2", "3", "3", "3", "4", "4", "4"), levels);
    }

    @Test
    void frozenDaysAreIceBlueWithADiagonalAndSaySo() throws Exception {
        LocalDate frozen = TODAY.minusDays(2);
        Map<LocalDate, Integer> activity = Map.of(TODAY.minusDays(3), 1, TODAY, 1);
        Document svg = parse(Heatmap.svg(activity, Set.of(frozen), TODAY, 1));
        Element square = byDate(svg).get(frozen.toString());
        assertEquals("true", square.getAttribute("data-frozen"));
        assertEquals(Heatmap.FROZEN_FILL, square.getAttribute("fill"));
        assertEquals("Thu 19 Nov 2026: 0 reviews (frozen: a freeze kept the streak)", titleOf(square));
        NodeList lines = ((Element) square.getParentNode()).getElementsByTagName("line");
        assertEquals(1, lines.getLength());

        Element ordinary = byDate(svg).get(TODAY.minusDays(1).toString());
        assertEquals("", ordinary.getAttribute("data-frozen"));
        assertEquals(
                0,
                ((Element) ordinary.getParentNode())
                        .getElementsByTagName("line")
                        .getLength());
    }

    @Test
    void onlyTodayIsOutlined() throws Exception {
        Map<String, Element> byDate = byDate(parse(Heatmap.svg(Map.of(), Set.of(), TODAY, 1)));
        byDate.forEach((date, square) -> assertEquals(date.equals("2026-11-21"), square.hasAttribute("stroke"), date));
    }

    @Test
    void hasMonthAndWeekdayLabelsAndALegend() throws Exception {
        Document svg = parse(Heatmap.svg(Map.of(), Set.of(), TODAY, 1));
        List<String> texts = new ArrayList<>();
        NodeList nodes = svg.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        // The grid starts on 17 Nov 2025: "Nov" is dropped there because "Dec" follows two columns later.
        assertEquals(
                List.of(
                        "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Mon",
                        "Wed", "Fri", "Frozen", "More", "Less"),
                texts);
    }

    @Test
    void isStandaloneSvgThatScalesWithItsViewBox() throws Exception {
        Element root = parse(Heatmap.svg(Map.of(), Set.of(), TODAY, 1)).getDocumentElement();
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals("0 0 " + Heatmap.WIDTH + " " + Heatmap.HEIGHT, root.getAttribute("viewBox"));
        assertEquals("100%", root.getAttribute("width"));
        assertEquals("Reviews per day from Mon 17 Nov 2025 to Sat 21 Nov 2026", root.getAttribute("aria-label"));
        assertNull(root.getAttributes().getNamedItem("height"));
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> daySquares(Document svg) {
        List<Element> squares = new ArrayList<>();
        NodeList rects = svg.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (rect.hasAttribute("data-date")) {
                squares.add(rect);
            }
        }
        return squares;
    }

    private static Map<String, Element> byDate(Document svg) {
        Map<String, Element> byDate = new HashMap<>();
        daySquares(svg).forEach(square -> byDate.put(square.getAttribute("data-date"), square));
        return byDate;
    }

    /** A square's title is the first child of the group around it, so hovering the diagonal shows it too. */
    private static String titleOf(Element square) {
        return ((Element) square.getParentNode())
                .getElementsByTagName("title")
                .item(0)
                .getTextContent();
    }
}
