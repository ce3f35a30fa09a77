package dev.gradientdeck.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.RunningApp;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/** A learner reviews one card and sees the streak and today's heatmap square change. */
class StreakBrowserTest {
    @TempDir
    Path dir;

    RunningApp app;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        browser = Browser.open();
        app = RunningApp.start(dir, Clock.system(ZoneOffset.UTC));
        app.write(
                "adam.md", "# Adam\n# Question\nWhat does Adam keep per parameter?\n# Answer\nTwo moving averages.\n");
        app.send("POST", "/api/import", null);
    }

    @AfterEach
    void stop() throws Exception {
        browser.close();
        app.close();
    }

    /** Today's square is the one outlined. */
    String todaysCount() {
        return browser.find(".heatmap rect[stroke-width]").getAttribute("data-count");
    }

    @Test
    void reviewingACardLightsTheStreakAndTheHeatmap() {
        browser.go(app.url("/stats"));
        assertEquals("0", browser.find(".streak-number .big").getText());
        assertEquals("0", todaysCount());

        browser.go(app.url("/review"));
        new Actions(browser.driver).sendKeys(Keys.SPACE).sendKeys("3").perform();
        browser.waitFor(d -> !d.findElements(org.openqa.selenium.By.cssSelector(".count-new strong"))
                        .isEmpty()
                && d.findElement(org.openqa.selenium.By.cssSelector(".count-new strong"))
                        .getText()
                        .equals("0"));

        browser.go(app.url("/stats"));
        assertEquals("1", browser.find(".streak-number .big").getText());
        assertTrue(browser.find(".streak-number").getAttribute("class").contains("lit"));
        assertEquals("1", todaysCount());
        browser.waitFor(d -> d.findElement(org.openqa.selenium.By.id("streak-count"))
                .getText()
                .equals("1"));
    }
}
