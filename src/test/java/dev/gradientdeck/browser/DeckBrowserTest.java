package dev.gradientdeck.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** A learner opens the deck, reads a card, writes one through the form, and drops a file in the folder. */
class DeckBrowserTest {
    @TempDir
    Path dir;

    RunningApp app;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        browser = Browser.open();
        Path deck = Files.createDirectories(dir.resolve("cards/optimizers"));
        Files.writeString(deck.resolve("momentum.md"), """
                # Momentum
                #Tags: #Optimizers

                # Interview Question
                Why does momentum speed up descent in a narrow valley?

                # Answer
                It averages successive gradients, so the zig-zag across the valley cancels while the
                steady pull along it adds up: $v_t = \\beta v_{t-1} + g_t$.
                """);
        app = RunningApp.start(dir.resolve("cards"), dir.resolve("app.sqlite"), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        browser.close();
        app.close();
    }

    @Test
    void openReadCreateAndDropCards() throws Exception {
        browser.go(app.url("/"));
        assertTrue(browser.find(".columns h2").getText().contains("1 card in 1 deck"));
        assertTrue(browser.find(".today-review h1").getText().contains("1 card to review"));

        browser.find(".main-nav a[href='/cards']").click();
        browser.find("a.card-title").click();
        assertEquals("Momentum", browser.find(".card-head h1").getText());
        assertFalse(browser.find(".answer").isDisplayed(), "the answer starts hidden");
        browser.find(".reveal-button").click();
        assertTrue(browser.find(".answer").isDisplayed());
        assertTrue(browser.find(".answer").getText().contains("steady pull along it adds up"));
        assertFalse(browser.all(".answer .katex").isEmpty(), "math is typeset by KaTeX");

        browser.go(app.url("/cards/new"));
        browser.find("#title").sendKeys("Saddle points");
        browser.find("#deck").sendKeys("calculus");
        browser.find("#tags").sendKeys("Calculus Interview");
        browser.find("form.form button[type=submit]").click();
        assertTrue(
                browser.waitFor(d -> d.findElement(By.cssSelector(".alert")))
                        .getText()
                        .contains("The question is empty"),
                "an empty question is refused");
        assertEquals("Saddle points", browser.find("#title").getAttribute("value"), "the form stays filled");
        browser.find("#question")
                .sendKeys("Why are saddle points a bigger problem than local minima in high dimensions?");
        browser.find("form.form button[type=submit]").click();
        assertEquals(
                "Saddle points",
                browser.waitFor(d -> d.findElement(By.cssSelector(".card-head h1")))
                        .getText());
        assertTrue(Files.exists(app.deck.resolve("calculus/saddle-points.md")));

        browser.go(app.url("/cards"));
        assertEquals(2, browser.all("a.card-title").size());

        app.write("calculus/chain-rule.md", "# Chain rule\n#Tags: #Calculus\n# Question\nState the chain rule.\n");
        browser.waitFor(d -> {
            d.navigate().refresh();
            return d.findElements(By.cssSelector("a.card-title")).size() == 3;
        });
        assertTrue(browser.find(".card-list").getText().contains("Chain rule"));
    }
}
