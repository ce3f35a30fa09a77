package dev.gradientdeck.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A learner brings an Anki deck in from the import page, reads its report, opens a card, and undoes the import. */
class AnkiBrowserTest {
    @TempDir
    Path dir;

    RunningApp app;
    Browser browser;

    @AfterEach
    void stop() throws Exception {
        if (browser != null) browser.close();
        if (app != null) app.close();
    }

    private void importThroughTheForm(int width, int height) throws Exception {
        browser = Browser.open();
        browser.driver.manage().window().setSize(new Dimension(width, height));
        app = RunningApp.start(dir, Clock.systemUTC());
        Path pkg = dir.resolve("mixed-legacy-2.apkg");
        try (var in = getClass().getResourceAsStream("/anki/mixed-legacy-2.apkg")) {
            Files.copy(in, pkg);
        }
        browser.go(app.url("/import"));
        assertTrue(browser.find("#anki h2").getText().contains("Import from Anki"));
        assertFalse(browser.find(".upload-progress").isDisplayed(), "the bar waits for an upload");
        browser.find("form[data-anki-upload] input[type=file]").sendKeys(pkg.toString());
        browser.find("form[data-anki-upload] button[type=submit]").click();
        // The import replays a history and syncs the deck: on a loaded machine that takes a while, so wait generously.
        new WebDriverWait(browser.driver, Duration.ofSeconds(90))
                .until(d -> d.getCurrentUrl().contains("anki=latest")
                        && !d.findElements(By.cssSelector(".anki-report.highlight"))
                                .isEmpty());
        shot("import-anki-report-" + width);
    }

    /** With -Dgd.shots=DIR, the finished report is saved there as the learner sees it. */
    private void shot(String name) throws Exception {
        String shots = System.getProperty("gd.shots");
        if (shots == null) return;
        ((JavascriptExecutor) browser.driver)
                .executeScript(
                        "var r = document.querySelector('.anki-report.highlight');"
                                + "window.scrollTo(0, r.getBoundingClientRect().top + window.scrollY - document.querySelector('header.top').offsetHeight - 12);");
        Thread.sleep(300);
        byte[] png = ((org.openqa.selenium.TakesScreenshot) browser.driver)
                .getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
        Files.write(Files.createDirectories(Path.of(shots)).resolve(name + ".png"), png);
    }

    @Test
    void importOnALaptopThenUndo() throws Exception {
        importThroughTheForm(1280, 800);
        WebElement report = browser.find(".anki-report.highlight");
        assertTrue(report.getText().contains("mixed-legacy-2.apkg"), report.getText());
        assertTrue(report.getText().contains("13\ncards") || report.getText().contains("13 cards"), report.getText());
        assertTrue(
                report.getText().contains("26\nreviews") || report.getText().contains("26 reviews"), report.getText());
        assertTrue(report.getText().contains("0 of 13 cards within 1 %"), report.getText());
        assertTrue(
                browser.find(".anki-report.highlight details[open]").getText().contains("13 of 13 cards"));

        browser.go(app.url("/cards?tag="));
        assertTrue(browser.all("a.card-title").stream()
                .anyMatch(a -> a.getText().equals("In a cloze, some [...] are hidden.")));

        browser.go(app.url("/import"));
        browser.find(".anki-report form[data-confirm] button").click();
        browser.driver.switchTo().alert().accept();
        new WebDriverWait(browser.driver, Duration.ofSeconds(60))
                .until(d ->
                        !d.findElements(By.cssSelector(".anki-report.undone")).isEmpty());
        assertTrue(browser.find(".anki-report.undone").getText().contains("undone"));
        browser.go(app.url("/cards"));
        assertFalse(
                browser.all("a.card-title").stream().anyMatch(a -> a.getText().startsWith("In a cloze")));
    }

    @Test
    void importOnAPhoneFitsTheScreen() throws Exception {
        importThroughTheForm(390, 844);
        assertTrue(browser.find(".anki-report.highlight").isDisplayed());
        long overflow = (Long) ((JavascriptExecutor) browser.driver)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0, overflow, "nothing on the import page is wider than the phone");
    }
}
