package dev.gradientdeck.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.RunningApp;
import dev.gradientdeck.practice.SharedSpeechModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A two-question mock interview through Chromium's fake microphone: nothing of an answer shows
 * until the last one is in, then the report gives each question's transcript and measures with the
 * model answer, and the questions are graded as suggested.
 */
class InterviewBrowserTest {
    private static final Path SPOKEN_ANSWER =
            Path.of("src/test/resources/practice/learning-rate.wav").toAbsolutePath();

    /** Screenshots for the note, when its folder exists. */
    private static final Path SHOTS = Path.of("/work/notes/shots/18");

    @TempDir
    Path dir;

    RunningApp app;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards/optimizers"));
        Files.writeString(deck.resolve("learning-rate.md"), """
                # Learning rate
                #Tags: #Optimizers

                # Interview Question
                What does the learning rate control?

                # Answer
                It sets how large each step is; too large a rate makes the loss go up.

                # Key points
                - The learning rate sets how large each step is
                - Too large a rate makes the loss go up
                """);
        Files.writeString(deck.resolve("momentum.md"), """
                # Momentum
                #Tags: #Optimizers

                # Interview Question
                What does momentum add to gradient descent?

                # Answer
                A running average of past gradients, which smooths the steps.

                # Key points
                - Momentum keeps a running average of past gradients
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

    private void shot(String name) throws Exception {
        if (Files.isDirectory(SHOTS)) {
            Path png = ((TakesScreenshot) browser.driver)
                    .getScreenshotAs(OutputType.FILE)
                    .toPath();
            Files.copy(png, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @ParameterizedTest
    @CsvSource({"1280, 800", "390, 844"})
    void aTwoQuestionInterviewRevealsNothingUntilTheReport(int width, int height) throws Exception {
        browser = Browser.open(
                "--use-fake-device-for-media-stream",
                "--use-fake-ui-for-media-stream",
                "--use-file-for-fake-audio-capture=" + SPOKEN_ANSWER);
        browser.driver.manage().window().setSize(new Dimension(width, height));
        browser.go(app.url("/interview"));
        assertTrue(browser.find("nav, header").getText().contains("Interview") || width < 600);
        shot("setup-" + width);
        browser.find("input[name=questions]").clear();
        browser.find("input[name=questions]").sendKeys("2");
        browser.find("input[name=think]").clear();
        browser.find("input[name=think]").sendKeys("1");
        browser.find("input[name=answer]").clear();
        browser.find("input[name=answer]").sendKeys("10");
        browser.find(".interview-setup button[type=submit]").click();
        waitUpTo(
                Duration.ofSeconds(10),
                d -> !d.findElements(By.cssSelector(".interview-run")).isEmpty());
        String url = browser.driver.getCurrentUrl();

        browser.find("[data-action=start]").click();
        for (int question = 1; question <= 2; question++) {
            int asked = question;
            waitUpTo(Duration.ofSeconds(15), d -> {
                try {
                    return "recording".equals(browser.find(".stage").getAttribute("data-phase"))
                            && browser.find(".session-index").getText().equals(String.valueOf(asked));
                } catch (org.openqa.selenium.StaleElementReferenceException moved) {
                    return false;
                }
            });
            if (question == 1) shot("run-" + width);
            Thread.sleep(7000);
            browser.find("[data-action=stop]").click();
            if (question == 1) {
                try {
                    waitUpTo(
                            Duration.ofSeconds(15),
                            d -> browser.find(".session-index").getText().equals("2"));
                } catch (org.openqa.selenium.TimeoutException e) {
                    throw new AssertionError(
                            "the second question did not come: "
                                    + browser.find(".stage").getText(),
                            e);
                }
                String page = browser.driver.findElement(By.tagName("body")).getText();
                assertFalse(page.contains("Model answer"), "no answer is revealed between questions");
                assertFalse(page.contains("how large each step"), "not even a key point");
                assertTrue(browser.driver
                        .findElements(By.cssSelector(".reveal-slot .attempt"))
                        .isEmpty());
            }
        }

        waitUpTo(
                Duration.ofSeconds(20),
                d -> !d.findElements(By.cssSelector(".interview-report")).isEmpty());
        assertEquals(url, browser.driver.getCurrentUrl());
        // Transcription shares two cores with the browser; on a loaded machine it takes minutes.
        waitUpTo(
                Duration.ofMinutes(6),
                d -> !d.findElements(By.cssSelector(".interview-report[data-pending='false']"))
                        .isEmpty());
        assertEquals(
                2,
                browser.driver
                        .findElements(By.cssSelector(".interview-question"))
                        .size());
        String report = browser.find(".interview-report").getText();
        assertTrue(report.contains("learning rate"), "the transcripts are shown: " + report);
        assertTrue(report.contains("Model answer"));
        assertTrue(report.contains("wpm"));
        shot("report-" + width);

        browser.find(".grade-all button").click();
        waitUpTo(
                Duration.ofSeconds(10),
                d -> d.findElements(By.cssSelector(".grade-all")).isEmpty());
        assertEquals(
                2,
                browser.driver
                        .findElements(By.cssSelector(".interview-question .rated"))
                        .size());
        assertTrue(browser.find(".interview-question .rated").getText().startsWith("Graded"));
        shot("graded-" + width);
    }
}
