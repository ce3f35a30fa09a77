package dev.gradientdeck.anki.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlToMarkdownTest {
    static final HtmlToMarkdown CONVERT = new HtmlToMarkdown(name -> Names.mediaUrl(name));

    static String md(String html) {
        return CONVERT.convert(html);
    }

    @Test
    void simpleMarkupBecomesMarkdown() {
        assertEquals("**bold** and *italic*", md("<b>bold</b> and <i>italic</i>"));
        assertEquals("line one\\\nline two", md("line one<br>line two"));
        assertEquals("first\n\nsecond", md("<div>first</div><div>second</div>"));
        assertEquals("- a\n- b", md("<ul><li>a</li><li>b</li></ul>"));
        assertEquals("1. a\n2. b\n   - c", md("<ol><li>a</li><li>b<ul><li>c</li></ul></li></ol>"));
        assertEquals("[Anki](https://apps.ankiweb.net)", md("<a href=\"https://apps.ankiweb.net\">Anki</a>"));
        assertEquals("use `x++`", md("use <code>x++</code>"));
    }

    @Test
    void imagesAndSoundPointAtTheDecksMedia() {
        assertEquals("![](/media/my%20cat.jpg)", md("<img src=\"my cat.jpg\">"));
        assertEquals("<audio controls src=\"/media/a.mp3\"></audio>", md("<audio src=\"a.mp3\"></audio>"));
        assertEquals("![](https://example.org/x.png)", md("<img src=\"https://example.org/x.png\">"));
    }

    @Test
    void whatIsNotSimpleStaysHtml() {
        assertEquals("H<sub>2</sub>O", md("H<sub>2</sub>O"));
        assertEquals(
                "<table><tbody><tr><td>1</td></tr></tbody></table>",
                md("<table style=\"color:red\"><tr><td>1</td></tr></table>"));
    }

    @Test
    void hiddenScriptedAndFormElementsAreDropped() {
        assertEquals(
                "shown",
                md("shown<div style=\"display: none\">hidden</div><script>alert(1)</script><canvas></canvas>"));
    }

    @Test
    void headingsCannotStartANewSectionOfTheCardFile() {
        assertEquals("**Title**\n\ntext", md("<h1>Title</h1>text"));
        assertEquals("\\# not a heading", md("# not a heading"));
        assertEquals("\\- not a list\\\n1\\. not a list", md("- not a list<br>1. not a list"));
    }

    @Test
    void mathJaxBecomesTheCardFormatsMath() {
        assertEquals("area $\\pi r^2$ and $$E = mc^2$$", md("area \\( \\pi r^2 \\) and \\[E = mc^2\\]"));
        assertEquals("costs \\$5", md("costs $5"));
    }

    @Test
    void markdownCharactersInTextAreEscapedButWordsStayReadable() {
        assertEquals("snake_case \\*stars\\* \\[x\\] a \\< b", md("snake_case *stars* [x] a &lt; b"));
        assertEquals("Q&A", md("Q&amp;A"));
    }
}
