package dev.gradientdeck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownTest {
    @Test
    void rendersOrdinaryMarkdown() {
        assertEquals(
                "<p>A <strong>bold</strong> step with <code>lr</code>.</p>\n",
                Markdown.toSafeHtml("A **bold** step with `lr`."));
        assertTrue(Markdown.toSafeHtml("| a | b |\n|---|---|\n| 1 | 2 |").contains("<td>1</td>"));
    }

    @Test
    void inlineMathSurvivesUnderscoresAndStars() {
        String html = Markdown.toSafeHtml("Update $w_{t+1} = w_t - \\eta g_t$ and $a*b*c$ here.");
        assertTrue(html.contains("\\(w_{t+1} = w_t - \\eta g_t\\)"), html);
        assertTrue(html.contains("\\(a*b*c\\)"), html);
        assertFalse(html.contains("<em>"), html);
    }

    @Test
    void displayMathMaySpanLines() {
        String html = Markdown.toSafeHtml("$$\n\\frac{\\partial L}{\\partial w} = \\sum_i 2 r_i x_i\n$$");
        assertTrue(html.contains("\\[\\frac{\\partial L}{\\partial w} = \\sum_i 2 r_i x_i\\]"), html);
    }

    @Test
    void mathIsEscapedSoItCannotCarryMarkup() {
        String html = Markdown.toSafeHtml("$x < y <script>alert(1)</script>$");
        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
    }

    @Test
    void dollarsInCodeAndMoneyAreNotMath() {
        assertEquals("<p>It costs $5 and $6.</p>\n", Markdown.toSafeHtml("It costs $5 and $6."));
        assertTrue(Markdown.toSafeHtml("`echo $HOME$`").contains("<code>echo $HOME$</code>"));
        String fenced = Markdown.toSafeHtml("```\nx = $a$\n```");
        assertTrue(fenced.contains("$a$") && !fenced.contains("\\("), fenced);
    }

    @Test
    void scriptsHandlersAndJavascriptUrlsAreRemoved() {
        String html = Markdown.toSafeHtml(
                "<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) <a href=\"javascript:alert(2)\">y</a> <a href=\"https://a.example\" onclick=\"x()\">ok</a>");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("onerror"), html);
        assertFalse(html.contains("href=\"javascript:"), html);
        assertFalse(html.contains("onclick"), html);
        assertTrue(html.contains("href=\"https://a.example\""), html);
        assertTrue(html.contains("rel=\"nofollow noopener noreferrer\""), html);
    }

    @Test
    void aMathTokenInAnAttributeStaysEscapedText() {
        String html = Markdown.toSafeHtml("[link](https://a.example/$x\"onmouseover=1$)");
        assertFalse(html.contains("\"onmouseover"), html);
    }
}
