package dev.gradientdeck.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A learner works the starter deck's line-fit card from the review loop: predicts step 1 wrongly,
 * then rightly, reveals step 2, runs a what-if with a learning rate that diverges, and grades the
 * card for the scheduler.
 */
class DescentBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    RunningApp app;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        browser = Browser.open();
        app = RunningApp.start(dir, Clock.systemUTC());
        app.write(
                "gradient-descent/line-fit.md",
                Files.readString(Path.of("cards/gradient-descent/line-fit-mse-first-steps.md")));
        app.send("POST", "/api/import", null);
    }

    @AfterEach
    void stop() throws Exception {
        browser.close();
        app.close();
    }

    void type(String field, String value) {
        WebElement input = browser.driver.findElement(By.id("predict-" + field));
        input.clear();
        input.sendKeys(value);
    }

    void submit(String css) {
        WebElement button = browser.find(css);
        // Scrolled to the middle, clear of the sticky header that Selenium's own scrolling would
        // tuck it under.
        ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
        browser.waitFor(d -> {
            try {
                button.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            }
        });
    }

    @Test
    void predictsWronglyThenRightlyRevealsUsesWhatIfAndGradesTheCard() throws Exception {
        long cardId =
                JSON.readTree(app.get("/api/cards").body()).get(0).get("id").asLong();
        assertEquals("new", state(cardId));

        browser.go(app.url("/review"));
        submit(".work-card a");
        assertTrue(browser.driver.getCurrentUrl().contains("/cards/" + cardId + "/descent?from=review"));
        assertTrue(browser.find("#step-1.current").isDisplayed());

        type("gradient.w", "-20");
        submit("#step-1 button[value=check]");
        WebElement miss = browser.find("#step-1 .field.wrong");
        assertTrue(miss.getText().contains("not within 2% of the gradient: too high"), miss.getText());

        Map<String, String> right = Map.of(
                "gradient.w", "-26.4", "gradient.b", "-8", "params.w", "0.264", "params.b", "0.08", "loss", "10.49");
        right.forEach(this::type);
        submit("#step-1 button[value=check]");
        WebElement revealed = browser.find("#step-1.revealed");
        assertTrue(revealed.getText().contains("right on try 2"), revealed.getText());
        assertTrue(revealed.getText().contains("-20 → -26.4"), "the wrong answer beside the right one");
        assertFalse(browser.all("#step-1 .worked .katex").isEmpty(), "the arithmetic is typeset by KaTeX");

        submit("#step-2 button[value=reveal]");
        assertTrue(browser.find("#step-2.revealed").isDisplayed());
        WebElement grading = browser.find("#grade");
        // Step 1's gradient was missed on the first try and step 2 was revealed unanswered: 4 of
        // 10.
        assertTrue(grading.getText().contains("4 of 10 predictions right on the first try (40%)"), grading.getText());
        assertTrue(browser.find("button.grade.suggested").getText().contains("Again"));

        WebElement lr = browser.find("form.what-if input[name=lr]");
        assertTrue(lr.isDisplayed(), "SGD's learning rate is a setting of the chosen optimizer");
        assertFalse(browser.find("form.what-if input[name=beta1]").isDisplayed(), "Adam's settings are hidden for SGD");
        lr.clear();
        lr.sendKeys("1");
        submit("form.what-if button[type=submit]");
        WebElement marker = browser.waitFor(d -> d.findElement(By.cssSelector("text.diverged-marker")));
        assertTrue(marker.getText().contains("what-if diverged at step"), marker.getText());
        assertTrue(browser.find(".verdict").getText().startsWith("The what-if run diverged at step"));

        lr = browser.find("form.what-if input[name=lr]");
        lr.clear();
        lr.sendKeys("huge");
        submit("form.what-if button[type=submit]");
        assertTrue(browser.find("form.what-if .field-error").getText().contains("'huge' is not a number"));

        submit("button.grade.suggested");
        assertTrue(browser.driver.getCurrentUrl().endsWith("/review"), browser.driver.getCurrentUrl());
        assertEquals("learning", state(cardId), "the grade reached the scheduler");
    }

    @Test
    void onAPhoneTheResultRowsAndGradeButtonsAreOnScreenAndPlotWordsReadable() throws Exception {
        long cardId =
                JSON.readTree(app.get("/api/cards").body()).get(0).get("id").asLong();
        browser.viewport(390, 844, true);
        browser.go(app.url("/cards/" + cardId + "/descent"));
        type("gradient.w", "-26.4");
        submit("#step-1 button[value=check]");
        submit("#step-1 button[value=reveal]");
        submit("#step-2 button[value=reveal]");
        double width = browser.number("document.documentElement.clientWidth");
        assertEquals(390, width, 1);
        for (WebElement cell : browser.all(".results td")) {
            var box = cell.getRect();
            assertTrue(
                    box.getX() >= 0 && box.getX() + box.getWidth() <= width,
                    "'" + cell.getText() + "' runs off the screen: " + box.getX() + " + " + box.getWidth());
        }
        assertTrue(
                browser.find(".results td[data-label='True value']").isDisplayed(),
                "the true value is shown, not hidden off to the side");
        for (WebElement button : browser.all("#grade button.grade")) {
            var box = button.getRect();
            assertTrue(
                    box.getX() >= 0 && box.getX() + box.getWidth() <= width, button.getText() + " is off the screen");
        }
        double smallest = browser.number("Math.min(...[...document.querySelectorAll('.figure > svg')].flatMap(svg => "
                + "[...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => "
                + "parseFloat(getComputedStyle(t).fontSize) * svg.getBoundingClientRect().width / 460)))");
        assertTrue(smallest >= 11, "plot words are " + smallest + " px on a 390 px screen");
    }

    String state(long cardId) throws Exception {
        return JSON.readTree(app.get("/api/cards/" + cardId).body())
                .get("state")
                .asText();
    }
}
