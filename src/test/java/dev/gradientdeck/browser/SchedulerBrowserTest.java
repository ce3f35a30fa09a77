package dev.gradientdeck.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.RunningApp;
import dev.gradientdeck.scheduler.SimulatedLearner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A learner fits their scheduler on /scheduler: the loss curve grows while the fit runs, then the result shows the verdict,
 * forgetting curves and calibration, and the weights can be put to use; on a laptop and on a phone. With -Dshots=DIR the
 * pages are saved as PNGs there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchedulerBrowserTest {
    @TempDir
    static Path dir;

    static RunningApp app;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.open();
        SimulatedLearner.deck(dir, 120);
        app = RunningApp.start(dir, Clock.systemUTC());
        new SimulatedLearner(SimulatedLearner.strongMemory(), 11).study(app, 200);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.close();
        if (app != null) app.close();
    }

    static <T> T waitLong(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(120))
                .pollingEvery(Duration.ofMillis(50))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(condition::apply);
    }

    /** Points of the live loss curve, or -1 while it is not drawn. */
    static int lossPoints(WebDriver d) {
        var lines = d.findElements(By.cssSelector("#live .loss-line"));
        if (lines.isEmpty()) return -1;
        return lines.get(0).getAttribute("points").trim().split("\\s+").length;
    }

    static void shot(String name, String section) throws Exception {
        String target = System.getProperty("shots");
        if (target == null) return;
        waitLong(d -> ((JavascriptExecutor) d)
                .executeScript("arguments[0].scrollIntoView(); return true;", d.findElement(By.cssSelector(section))));
        Files.createDirectories(Path.of(target));
        Path png = ((TakesScreenshot) browser.driver)
                .getScreenshotAs(OutputType.FILE)
                .toPath();
        Files.copy(png, Path.of(target, name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    void fitAndWatch(String device) throws Exception {
        browser.go(app.url("/scheduler"));
        browser.find("#fit-button").click();
        int first = waitLong(d -> {
            int n = lossPoints(d);
            return n >= 1 ? n : null;
        });
        int later = waitLong(d -> {
            int n = lossPoints(d);
            return n > first ? n : null;
        });
        assertTrue(later > first, "the loss curve grows while the fit runs");
        // The live view is swapped in every 400 ms, so elements are looked up afresh until one answers.
        Boolean bars = waitLong(
                d -> d.findElement(By.cssSelector("#live .weight-bars")).isDisplayed() ? true : null);
        assertTrue(bars, "the weights are drawn as bars");
        shot("live-" + device, "#live");
        waitLong(
                d -> d.findElements(By.cssSelector("#result[data-status=done]")).isEmpty() ? null : true);
    }

    @Test
    @Order(1)
    void onALaptopTheDescentIsShownAsItRunsAndTheResultCanBeUsed() throws Exception {
        browser.driver.manage().window().setSize(new Dimension(1280, 800));
        fitAndWatch("laptop");
        assertTrue(
                browser.find(".verdict").getText().startsWith("Better"),
                browser.find(".verdict").getText());
        assertEquals(4, browser.all(".curve-grid svg").size(), "a forgetting curve per first rating");
        assertTrue(browser.all(".curve-grid .fitted-curve").size() == 4
                && browser.all(".curve-grid .default-curve").size() == 4);
        assertTrue(browser.find(".result").getText().contains("longer than the defaults assume"));
        assertTrue(browser.find("svg[aria-label='Predicted against actual recall']")
                .isDisplayed());
        shot("result-laptop", "#result");
        if (System.getProperty("shots") != null) {
            browser.driver.manage().window().setSize(new Dimension(1280, 4200));
            shot("full-laptop", "h1");
            browser.driver.manage().window().setSize(new Dimension(1280, 800));
        }
        browser.find("#use-button").click();
        waitLong(d -> d.findElement(By.cssSelector(".notice")).getText().contains("in use") ? true : null);
        assertTrue(browser.find(".in-use").getText().contains("your fitted weights"));
    }

    @Test
    @Order(2)
    void onAPhoneTheSameFitsTheScreen() throws Exception {
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        fitAndWatch("phone");
        long overflow = (Long) ((JavascriptExecutor) browser.driver)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0, overflow, "nothing sticks out sideways on a phone");
        assertTrue(browser.find(".verdict").isDisplayed());
        shot("result-phone", "#result");
    }
}
