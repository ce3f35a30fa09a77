package dev.gradientdeck.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.RunningApp;
import dev.gradientdeck.practice.SharedSpeechModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A learner answers a question out loud through Chromium's fake microphone (which plays the espeak
 * fixture), sees the answer transcribed and measured, grades it and finds it in the history;
 * without a microphone, they type instead.
 */
class PracticeBrowserTest {
    private static final Path SPOKEN_ANSWER =
            Path.of("src/test/resources/practice/learning-rate.wav").toAbsolutePath();

    @TempDir
    Path dir;

    RunningApp app;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards/optimizers"));
        Files.writeString(deck.resolve("learning-rate.md"), """
                # Learning rate
                #Tags: #Optimizers #Interview

                # Interview Question
                What does the learning rate control, and what happens when it is too large?

                # Answer
                It sets how large each step is; too large a rate makes the loss go up.

                # Key points
                - The learning rate sets how large each step is
                - Too large a rate makes the loss go up
                - Momentum averages past gradients
                """);
        SharedSpeechModel.linkInto(dir);
        app = RunningApp.start(dir.resolve("cards"), dir.resolve("app.sqlite"), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) browser.close();
        app.close();
    }

    private <T> T waitUpTo(Duration timeout, Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(browser.driver, timeout).until(condition::apply);
    }

    @Test
    void aSpokenAnswerGoesFromMicrophoneToTranscriptRatingAndHistory() throws Exception {
        browser = Browser.open(
                "--use-fake-device-for-media-stream",
                "--use-fake-ui-for-media-stream",
                "--use-file-for-fake-audio-capture=" + SPOKEN_ANSWER);
        browser.go(app.url("/practice/session?count=1&think=1&answer=10"));
        assertTrue(browser.find(".practice-question").getText().contains("What does the learning rate control"));

        browser.find("[data-action=start]").click();
        waitUpTo(
                Duration.ofSeconds(15),
                d -> "recording".equals(browser.find(".stage").getAttribute("data-phase")));
        assertTrue(browser.find("[data-action=stop]").isDisplayed());
        waitUpTo(
                Duration.ofSeconds(5),
                d -> !browser.find(".level-meter span").getCssValue("width").equals("0px"));

        WebElement attempt =
                waitUpTo(Duration.ofSeconds(30), d -> d.findElement(By.cssSelector(".reveal-slot .attempt")));
        assertTrue(attempt.getText().contains("Model answer"), "the model answer is revealed with the attempt");
        waitUpTo(
                Duration.ofMinutes(3),
                d -> !d.findElements(By.cssSelector(".reveal-slot .attempt[data-status=done]"))
                        .isEmpty());

        String transcript = browser.find(".reveal-slot .transcript").getText();
        assertTrue(transcript.contains("learning rate"), transcript);
        assertTrue(browser.find(".reveal-slot .metrics").getText().contains("wpm"));
        assertTrue(browser.find(".reveal-slot .attempt-audio").isDisplayed(), "the recording plays back");
        assertTrue(browser.find(".reveal-slot .checklist input[value='0']").isSelected(), "the first point was heard");
        assertFalse(browser.find(".reveal-slot .checklist input[value='2']").isSelected(), "momentum was not");

        browser.find(".reveal-slot .practice-grades button[value='3']").click();
        waitUpTo(
                Duration.ofSeconds(10),
                d -> d.findElement(By.cssSelector(".reveal-slot .rated"))
                        .getText()
                        .contains("Good"));
        assertTrue(browser.find("[data-action=finish]").isDisplayed());

        browser.go(app.url("/practice/history"));
        WebElement row = browser.find("tr.attempt-row");
        assertTrue(row.getText().contains("Learning rate"), row.getText());
        assertTrue(row.getText().contains("Good"), row.getText());
        assertEquals(1, browser.all("tr.attempt-row audio").size(), "the history plays the recording back");
    }

    @Test
    void withoutAMicrophoneTheLearnerIsToldAndTypesTheAnswer() throws Exception {
        browser = Browser.open("--deny-permission-prompts");
        browser.go(app.url("/practice/session?count=1&think=0&answer=60"));

        browser.find("[data-action=start]").click();
        WebElement notice = waitUpTo(Duration.ofSeconds(15), d -> {
            WebElement n = d.findElement(By.cssSelector(".mic-notice"));
            return n.isDisplayed() ? n : null;
        });
        assertTrue(notice.getText().contains("No recording"), notice.getText());
        assertTrue(notice.getText().contains("Type your answers instead"), notice.getText());

        browser.find("#typed-text").sendKeys("Um, the learning rate sets how large each step is.");
        browser.find("[data-action=submit-typed]").click();
        waitUpTo(
                Duration.ofSeconds(15),
                d -> !d.findElements(By.cssSelector(".reveal-slot .attempt[data-status=done]"))
                        .isEmpty());
        assertTrue(browser.find(".reveal-slot .transcript").getText().contains("learning rate"));
        assertEquals("Um,", browser.find(".reveal-slot mark.filler").getText());
        assertTrue(browser.find(".reveal-slot .metrics").getText().contains("typed, so no pace or pauses"));
    }
}
