package dev.gradientdeck.present;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class HtmlTest {

    @Test
    void escapesTheFiveCharactersThatCanBreakOutOfTextOrAQuotedAttribute() {
        assertEquals(
                "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;",
                Html.escape("<script>alert(\"x\") & 'y'</script>"));
        assertEquals("Mon 1 Jun 2026 · 3 answers", Html.escape("Mon 1 Jun 2026 · 3 answers"));
        assertEquals("", Html.escape(""));
    }

    @Test
    void anXmlParserReadsBackExactlyTheTextThatWentIn() throws Exception {
        String text = "a < b && c > \"d\" or 'e' </title><script>";
        String svg = "<svg aria-label=\"" + Html.escape(text) + "\" other='" + Html.escape(text) + "'><title>"
                + Html.escape(text) + "</title></svg>";
        Element root = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new InputSource(new StringReader(svg)))
                .getDocumentElement();
        assertEquals(text, root.getAttribute("aria-label"));
        assertEquals(text, root.getAttribute("other"));
        assertEquals(text, root.getElementsByTagName("title").item(0).getTextContent());
    }
}
