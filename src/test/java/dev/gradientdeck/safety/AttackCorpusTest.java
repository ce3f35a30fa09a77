package dev.gradientdeck.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import dev.gradientdeck.browser.Browser;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;

/** Every attack in the corpus is imported; no page shows it as active markup and no browser runs it. */
class AttackCorpusTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern SCRIPT = Pattern.compile("<script\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    static final Pattern HANDLER = Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    static final Pattern BAD_URL = Pattern.compile(
            "(href|src|action|formaction|data|xlink:href)\\s*=\\s*[\"']?\\s*(javascript|data|vbscript):",
            Pattern.CASE_INSENSITIVE);
    static final Pattern FORBIDDEN_TAG = Pattern.compile(
            "<(iframe|object|embed|svg|math|style|meta|base|input|button|textarea|link)\\b", Pattern.CASE_INSENSITIVE);
    static final Pattern FORM = Pattern.compile("<form\\b[^>]*action=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    @TempDir
    static Path dir;

    static RunningApp app;

    @BeforeAll
    static void start() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards"));
        for (AttackCorpus.Attack attack : AttackCorpus.all())
            Files.writeString(deck.resolve(attack.file()), attack.text());
        app = RunningApp.start(deck, dir.resolve("app.sqlite"), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static List<Long> cardIds() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (JsonNode card : JSON.readTree(app.get("/api/cards").body()))
            ids.add(card.get("id").asLong());
        return ids;
    }

    /** The layout's own head and header are known; everything a card brings must be inert. */
    static void assertInert(String where, String html) {
        Matcher scripts = SCRIPT.matcher(html);
        while (scripts.find()) {
            String tag = scripts.group();
            assertTrue(
                    tag.matches("(?i)<script defer src=\"/(static|webjars|assets)/[^\"]+\">"),
                    where + ": unexpected " + tag);
        }
        assertTrue(
                !html.replaceAll("(?is)<script defer src=\"[^\"]+\"></script>", "")
                        .toLowerCase()
                        .contains("</script"),
                where + ": inline script");
        Matcher handler = HANDLER.matcher(html);
        if (handler.find()) fail(where + ": event handler in " + handler.group());
        Matcher url = BAD_URL.matcher(html);
        if (url.find()) fail(where + ": active URL " + url.group());
        // The app's own head and forms (search, filters, grade buttons) post only to its own paths (checked below); the
        // forbidden-tag check is for what cards bring.
        String withoutAppMarkup = html.replaceFirst("(?s)<head>.*?</head>", "")
                .replaceAll("(?s)<form [^>]*action=\"/[^\"]*\"[^>]*>.*?</form>", "");
        Matcher tag = FORBIDDEN_TAG.matcher(withoutAppMarkup);
        if (tag.find()) fail(where + ": forbidden tag " + tag.group());
        Matcher form = FORM.matcher(html);
        while (form.find()) assertTrue(form.group(1).startsWith("/"), where + ": form posting to " + form.group(1));
        assertTrue(!html.contains("srcdoc="), where + ": srcdoc");
    }

    @Test
    void theCorpusHasAtLeastThirtyAttacksAndAllAreImported() throws Exception {
        assertTrue(AttackCorpus.all().size() >= 30);
        JsonNode report = JSON.readTree(app.send("POST", "/api/import", null).body());
        int imported = 0;
        for (JsonNode card : JSON.readTree(app.get("/api/cards").body()))
            if (!card.get("kind").asText().equals("paper")) imported++;
        assertEquals(
                AttackCorpus.all().size(),
                imported + report.get("errors").size(),
                "every attack file is either a card or a reported broken file");
        assertTrue(imported >= 30, "imported " + imported);
    }

    @Test
    void noPageShowsActiveMarkup() throws Exception {
        for (long id : cardIds())
            assertInert("/cards/" + id, app.get("/cards/" + id).body());
        for (String page : List.of(
                "/",
                "/cards",
                "/import",
                "/cards?tag=Attack",
                "/review",
                "/papers",
                "/search?q=pwned",
                "/search?q=script",
                "/search?q=%3Cscript%3E")) {
            assertInert(page, app.get(page).body());
        }
        for (JsonNode paper : JSON.readTree(app.get("/api/papers").body())) {
            assertInert(
                    "/papers/" + paper.get("id").asLong(),
                    app.get("/papers/" + paper.get("id").asLong()).body());
        }
        for (JsonNode hit : JSON.readTree(app.get("/api/search?q=pwned").body())) {
            String snippet = hit.get("snippet").asText().replace("<mark>", "").replace("</mark>", "");
            assertTrue(!snippet.contains("<"), "search snippet carries markup: " + snippet);
        }
    }

    @Test
    void theApiServesJsonThatBrowsersWillNotSniffAsHtml() throws Exception {
        for (long id : cardIds()) {
            HttpResponse<String> response = app.get("/api/cards/" + id);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertEquals(
                    "nosniff",
                    response.headers().firstValue("X-Content-Type-Options").orElse(""));
            for (JsonNode paper : JSON.readTree(response.body()).get("papers")) {
                String url = paper.get("url").isNull() ? "" : paper.get("url").asText();
                assertTrue(
                        url.isEmpty() || url.startsWith("https://") || url.startsWith("http://"), "paper url " + url);
            }
        }
        String csp =
                app.get("/").headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(
                csp.contains("script-src 'self'")
                        && !csp.contains("unsafe-eval")
                        && !csp.matches(".*script-src[^;]*unsafe-inline.*"),
                csp);
    }

    @Test
    void noAttackRunsInABrowser() throws Exception {
        try (Browser browser = Browser.open()) {
            for (long id : cardIds()) {
                browser.go(app.url("/cards/" + id));
                if (!browser.all(".reveal-button").isEmpty())
                    browser.find(".reveal-button").click();
                Object pwned = ((JavascriptExecutor) browser.driver)
                        .executeScript("return window.pwned === undefined ? null : String(window.pwned);");
                assertEquals(null, pwned, "card " + id + " ran script");
                try {
                    browser.driver.switchTo().alert();
                    fail("card " + id + " opened an alert");
                } catch (NoAlertPresentException expected) {
                    // No dialog: nothing ran.
                }
            }
        }
    }
}
