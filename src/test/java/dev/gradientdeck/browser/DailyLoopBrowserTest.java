package dev.gradientdeck.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The daily loop on a laptop and on a phone: the grade bar and Undo stay on screen after Space on a long card, the phone's
 * header is compact, each next card opens at its top, and undo brings back the card just graded.
 */
class DailyLoopBrowserTest {
    @TempDir
    Path dir;

    RunningApp app;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards/ml"));
        StringBuilder answer = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            answer.append("Paragraph ")
                    .append(i)
                    .append(": the learning rate scales every step, so a rate that is too large overshoots")
                    .append(" the minimum and a rate that is too small crawls toward it.\n\n");
        }
        answer.append(
                "$$\\theta_{t+1} = \\theta_t - \\eta \\nabla L(\\theta_t) + \\beta (\\theta_t - \\theta_{t-1}) + \\lambda \\lVert \\theta_t \\rVert_2^2 + \\frac{1}{2} \\sum_{i=1}^{n} (y_i - \\hat y_i)^2$$\n");
        Files.writeString(
                deck.resolve("a-long.md"),
                "# A long answer\n# Question\nWhy does the learning rate matter?\n# Answer\n" + answer);
        Files.writeString(
                deck.resolve("b-short.md"),
                "# Momentum\n# Question\nWhat does momentum add?\n# Answer\nA running average of steps.\n");
        Files.writeString(
                deck.resolve("c-short.md"),
                "# Adam\n# Question\nWhat does Adam keep?\n# Answer\nTwo moving averages.\n");
        app = RunningApp.start(dir.resolve("cards"), dir.resolve("app.sqlite"), Clock.systemUTC());
        browser = Browser.open();
    }

    @AfterEach
    void stop() throws Exception {
        browser.close();
        app.close();
    }

    void press(CharSequence key) {
        new Actions(browser.driver).sendKeys(key).perform();
    }

    String title() {
        return browser.find(".card-head h1").getText();
    }

    /** Where an element is in the viewport now (not in the document): top, bottom, left, right. */
    @SuppressWarnings("unchecked")
    List<Number> box(WebElement element) {
        return (List<Number>) ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                .executeScript(
                        "const r = arguments[0].getBoundingClientRect(); return [r.top, r.bottom, r.left, r.right];",
                        element);
    }

    void assertOnScreen(WebElement element, String what) {
        List<Number> b = box(element);
        double height = browser.number("window.innerHeight");
        double width = browser.number("window.innerWidth");
        assertTrue(element.isDisplayed(), what + " is shown");
        assertTrue(
                b.get(0).doubleValue() >= 0 && b.get(1).doubleValue() <= height,
                what + " is within the viewport vertically: " + b + " of " + height);
        assertTrue(
                b.get(2).doubleValue() >= 0 && b.get(3).doubleValue() <= width,
                what + " is within the viewport horizontally: " + b + " of " + width);
    }

    @ParameterizedTest(name = "{0}x{1}, touch {2}")
    @CsvSource({"390, 844, true", "1280, 800, false"})
    void theGradeBarStaysOnScreenAndEachCardOpensAtItsTop(int width, int height, boolean touch) {
        browser.viewport(width, height, touch);
        browser.go(app.url("/review"));
        assertEquals("A long answer", title());

        double header = browser.find("header.top").getRect().getHeight();
        if (width < 700) {
            assertTrue(header <= 120, "the phone's header is a compact bar: " + header + " px");
            assertEquals(
                    "static",
                    browser.find("header.top").getCssValue("position"),
                    "it scrolls away instead of covering the card");
            assertFalse(browser.find(".search-box.wide-only").isDisplayed(), "search sits behind the menu");
            browser.find(".menu > summary").click();
            assertTrue(
                    browser.find(".menu-panel a[href='/settings']").isDisplayed(),
                    "the less-used links are in the menu");
            browser.find(".menu > summary").click();
        }
        assertOnScreen(browser.find(".reveal-button"), "Show answer");
        assertEquals(
                !touch,
                browser.find(".reveal-button kbd").isDisplayed(),
                "key hints on a laptop, none on a touch screen");

        press(Keys.SPACE);
        List<WebElement> grades = browser.all(".answer-grades .grade");
        assertEquals(4, grades.size());
        List<String> labels = grades.stream()
                .map(g -> g.findElement(org.openqa.selenium.By.cssSelector(".grade-label"))
                        .getText())
                .toList();
        assertEquals(List.of("Again", "Hard", "Good", "Easy"), labels);
        for (WebElement grade : grades) {
            assertOnScreen(grade, labels.get(grades.indexOf(grade)));
            assertFalse(
                    grade.findElement(org.openqa.selenium.By.cssSelector(".interval"))
                            .getText()
                            .isBlank(),
                    "each shows its interval");
        }
        assertOnScreen(browser.find(".undo-button"), "Undo");
        assertTrue(browser.number("document.documentElement.scrollHeight") > 2 * height, "the answer really is long");

        // Read to the end of the answer: the bar is still there, and the answer's end is not hidden behind it.
        ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                .executeScript("window.scrollTo(0, document.documentElement.scrollHeight)");
        assertOnScreen(browser.find(".answer-grades .grade-3"), "Good after scrolling");
        List<Number> math = box(browser.find(".katex-display"));
        assertTrue(
                math.get(3).doubleValue() <= browser.number("window.innerWidth"),
                "display math stays inside the page: " + math);
        assertTrue(
                browser.number("document.documentElement.scrollWidth") <= browser.number("window.innerWidth"),
                "nothing runs past the page's edge");
        if (touch) {
            assertTrue(grades.get(0).getRect().getHeight() >= 44, "a tap target of at least 44 px");
            assertFalse(browser.find(".undo-button kbd").isDisplayed(), "no key hints on a touch screen");
        }

        browser.find(".answer-grades .grade-3").click();
        browser.waitFor(d -> !title().equals("A long answer"));
        assertEquals(0, browser.number("window.scrollY"), "the next card opens at its top");
        assertOnScreen(browser.find(".card-head h1"), "the next card's title");

        press("u");
        browser.waitFor(d -> title().equals("A long answer"));
        assertTrue(browser.find(".notice").getText().contains("taken back"));
        assertEquals(0, browser.number("window.scrollY"));
    }
}
