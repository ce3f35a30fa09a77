package dev.gradientdeck.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.RunningApp;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/** A learner reviews with the keyboard alone: Space reveals, 1-4 grade, U undoes. */
class ReviewBrowserTest {
    @TempDir
    Path dir;

    RunningApp app;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        browser = Browser.open();
        app = RunningApp.start(dir, Clock.systemUTC());
        for (String name : new String[] {"adam", "momentum", "rmsprop"}) {
            app.write(
                    "optimizers/" + name + ".md",
                    "# " + name + "\n# Question\nWhat does " + name + " do?\n# Answer\n" + name
                            + " adapts the step.\n");
        }
        app.send("POST", "/api/import", null);
    }

    @AfterEach
    void stop() throws Exception {
        browser.close();
        app.close();
    }

    String count(String kind) {
        return browser.find(".count-" + kind + " strong").getText();
    }

    void press(CharSequence key) {
        new Actions(browser.driver).sendKeys(key).perform();
    }

    String title() {
        return browser.find(".card-head h1").getText();
    }

    @Test
    void reviewsWithTheKeyboardUndoesAndSeesTheCountsChange() {
        browser.go(app.url("/review"));
        assertEquals("3", count("new"));
        assertEquals("0", count("learning"));
        String first = title();
        assertFalse(browser.find(".answer").isDisplayed());

        press(Keys.SPACE);
        assertTrue(browser.find(".answer").isDisplayed(), "Space reveals the answer");
        assertEquals(
                "8d",
                browser.find(".grade-4 .interval").getText(),
                "Easy on a new card shows its interval (S0 = 8.2956, fuzz off)");
        press("4");
        browser.waitFor(d -> !title().equals(first));
        assertEquals("2", count("new"));

        String second = title();
        press(Keys.SPACE);
        press("3");
        browser.waitFor(d -> !title().equals(second));
        assertEquals("1", count("new"));

        press("u");
        browser.waitFor(d -> title().equals(second));
        assertEquals("2", count("new"), "undo gives the card back to the new queue");
        assertTrue(browser.find(".notice").getText().contains("taken back"));

        press(Keys.SPACE);
        press("1");
        browser.waitFor(d -> !title().equals(second));
        press(Keys.SPACE);
        press("4");
        browser.waitFor(d -> d.findElements(By.cssSelector(".done")).size() == 1
                || !d.findElements(By.cssSelector(".card-head h1")).isEmpty() && title().equals(second));
        assertEquals("0", count("new"));
    }
}
