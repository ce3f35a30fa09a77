package dev.gradientdeck.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.openqa.selenium.Keys;

/** A learner searches from the header box, opens a paper, follows it to a card and back. */
class PaperBrowserTest {
    @TempDir
    Path dir;

    RunningApp app;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        browser = Browser.open();
        Path deck = Files.createDirectories(dir.resolve("cards/optimizers"));
        Files.writeString(deck.resolve("adam.md"), """
                # Adam
                #Tags: #Optimizers

                # Interview Question
                What does Adam keep per parameter?

                # Answer
                Moving averages of the gradient and of its square.

                # Papers read
                - [Adam: A Method for Stochastic Optimization](https://arxiv.org/abs/1412.6980)
                    - Adaptive moments with bias correction.
                """);
        Files.writeString(deck.resolve("momentum.md"), """
                # Momentum
                #Tags: #Optimizers

                # Question
                Why does momentum help in a ravine?

                # Answer
                Oscillations cancel.

                # Papers read
                - [Adam](https://arxiv.org/pdf/1412.6980v9.pdf)
                """);
        app = RunningApp.start(dir.resolve("cards"), dir.resolve("app.sqlite"), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        browser.close();
        app.close();
    }

    @Test
    void searchOpenAPaperAndFollowItToACard() {
        browser.go(app.url("/cards"));
        var box = browser.find(".search-box input[name=q]");
        box.sendKeys("bias corr");
        // Suggestions appear while typing; the last word matches as a prefix.
        browser.waitFor(d ->
                d.findElements(By.cssSelector(".search-suggest a")).stream().anyMatch(a -> a.isDisplayed()));
        assertTrue(browser.find(".search-suggest").getText().contains("Adam: A Method for Stochastic Optimization"));
        box.sendKeys(Keys.ENTER);

        browser.waitFor(d -> d.getCurrentUrl().contains("/search?q=bias+corr"));
        assertEquals("bias corr", browser.find(".search-page input[name=q]").getAttribute("value"));
        var hit = browser.find(".search-hit");
        assertEquals("paper", hit.findElement(By.cssSelector(".kind")).getText().toLowerCase());
        assertEquals("bias", hit.findElement(By.cssSelector(".snippet mark")).getText());
        hit.findElement(By.cssSelector("a.card-title")).click();

        assertEquals(
                "Adam: A Method for Stochastic Optimization",
                browser.find(".card-head h1").getText());
        assertTrue(browser.find(".summary-quote").getText().contains("Adaptive moments with bias correction."));
        assertEquals(2, browser.all(".cited-by a.card-link").size(), "both cards cite it, one by another link");
        browser.find(".cited-by a.card-link").click();

        assertEquals("Adam", browser.find(".card-head h1").getText());
        browser.find(".reveal-button").click();
        browser.find(".papers a.paper-link").click();
        assertEquals(
                "Adam: A Method for Stochastic Optimization",
                browser.find(".card-head h1").getText());

        browser.find("a.card-foot, .card-foot a[href='/papers']").click();
        assertEquals(1, browser.all(".paper-row").size());
    }
}
