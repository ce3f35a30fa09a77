package dev.gradientdeck.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaperKeyTest {

    private static PaperKey keyOfUrl(String url) {
        return PaperKey.of(url, null, null, "some title");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://arxiv.org/abs/2306.11644",
                "http://arxiv.org/abs/2306.11644",
                "https://www.arxiv.org/abs/2306.11644/",
                "https://arxiv.org/abs/2306.11644v2",
                "https://arxiv.org/pdf/2306.11644.pdf",
                "https://arxiv.org/pdf/2306.11644v2",
                "https://arxiv.org/pdf/2306.11644v3.pdf",
                "https://export.arxiv.org/abs/2306.11644?utm_source=x",
                "https://arxiv.org/html/2306.11644v1#S2",
                "arxiv:2306.11644v3",
                "arXiv: 2306.11644",
                "https://doi.org/10.48550/arXiv.2306.11644",
                " 2306.11644v2 "
            })
    void arxivIdIsFoundInEveryFormAndLosesItsVersion(String written) {
        assertEquals(Optional.of("2306.11644"), PaperKey.arxivId(written));
    }

    @Test
    void oldStyleArxivIds() {
        assertEquals(Optional.of("hep-th/9901001"), PaperKey.arxivId("https://arxiv.org/abs/hep-th/9901001v2"));
        assertEquals(Optional.of("hep-th/9901001"), PaperKey.arxivId("arxiv:hep-th/9901001"));
        assertEquals(Optional.of("math.GT/0309136"), PaperKey.arxivId("https://arxiv.org/pdf/math.GT/0309136.pdf"));
        assertEquals(Optional.of("0704.0001"), PaperKey.arxivId("https://arxiv.org/abs/0704.0001"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "https://example.org/abs/2306.11644",
                "https://arxiv.org/list/cs.LG/recent",
                "2306.116",
                "arxiv:",
                "https://notarxiv.org/abs/2306.11644"
            })
    void noArxivIdWhereThereIsNone(String written) {
        assertEquals(Optional.empty(), PaperKey.arxivId(written));
    }

    @Test
    void nullIsNoIdentity() {
        assertEquals(Optional.empty(), PaperKey.arxivId(null));
        assertEquals(Optional.empty(), PaperKey.doi(null));
        assertEquals(Optional.empty(), PaperKey.normalizeUrl(null));
    }

    @Test
    void arxivUrlVariantsShareOneKey() {
        PaperKey abs = keyOfUrl("https://arxiv.org/abs/2306.11644");
        Stream.of(
                        "https://arxiv.org/pdf/2306.11644.pdf",
                        "http://www.arxiv.org/pdf/2306.11644v2",
                        "https://arxiv.org/abs/2306.11644v2/?utm_medium=email")
                .forEach(url -> assertEquals(abs, keyOfUrl(url), url));
        assertEquals(abs, PaperKey.of(null, "2306.11644v3", null, null));
        assertEquals(new PaperKey(PaperKey.Kind.ARXIV, "2306.11644"), abs);
        assertEquals("arxiv:2306.11644", abs.text());
    }

    @Test
    void differentArxivPapersDiffer() {
        assertNotEquals(keyOfUrl("https://arxiv.org/abs/2306.11644"), keyOfUrl("https://arxiv.org/abs/2306.11645"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://doi.org/10.1145/3292500.3330701",
                "http://doi.org/10.1145/3292500.3330701",
                "https://dx.doi.org/10.1145/3292500.3330701",
                "https://doi.org/10.1145%2F3292500.3330701",
                "https://doi.org/10.1145/3292500.3330701?utm_source=feed",
                "doi:10.1145/3292500.3330701",
                "DOI: 10.1145/3292500.3330701",
                "10.1145/3292500.3330701"
            })
    void doiIsFoundInEveryForm(String written) {
        assertEquals(Optional.of("10.1145/3292500.3330701"), PaperKey.doi(written));
    }

    @Test
    void doiIsCaseInsensitiveAndKeepsPlus() {
        assertEquals(PaperKey.doi("https://doi.org/10.1002/ABC.Def"), PaperKey.doi("10.1002/abc.def"));
        assertEquals(
                Optional.of("10.1002/(sici)1097-4636+x"), PaperKey.doi("https://doi.org/10.1002/(SICI)1097-4636+x"));
    }

    @Test
    void doiFormsShareOneKeyWhetherGivenAsDoiOrUrl() {
        PaperKey fromUrl = keyOfUrl("https://dx.doi.org/10.1145/3292500.3330701");
        assertEquals(fromUrl, PaperKey.of(null, null, "doi:10.1145/3292500.3330701", "Other title"));
        assertEquals(PaperKey.Kind.DOI, fromUrl.kind());
        assertNotEquals(fromUrl, keyOfUrl("https://doi.org/10.1145/3292500.3330702"));
    }

    @Test
    void arxivWinsOverDoiWhenBothAreKnown() {
        PaperKey key = PaperKey.of("https://doi.org/10.1145/1", "2306.11644", "10.1145/1", "T");
        assertEquals(PaperKey.Kind.ARXIV, key.kind());
    }

    @Test
    void urlVariantsShareOneKey() {
        String plain = "https://www.anthropic.com/index/decomposing-language-models";
        PaperKey key = keyOfUrl(plain);
        Stream.of(
                        "http://anthropic.com/index/decomposing-language-models",
                        "https://WWW.Anthropic.COM/index/decomposing-language-models/",
                        "https://anthropic.com/index/decomposing-language-models?utm_source=substack&utm_medium=email",
                        "https://anthropic.com/index/decomposing-language-models?fbclid=abc&gclid=d&ref=hn&source=x",
                        "https://anthropic.com/index/decomposing-language-models#section-2",
                        "https://anthropic.com:443/index/decomposing-language-models")
                .forEach(url -> assertEquals(key, keyOfUrl(url), url));
        assertEquals(new PaperKey(PaperKey.Kind.URL, "anthropic.com/index/decomposing-language-models"), key);
    }

    @Test
    void meaningfulQueryParametersAreKeptAndSorted() {
        assertEquals(
                Optional.of("example.org/paper?id=7&page=2"),
                PaperKey.normalizeUrl("https://example.org/paper/?page=2&utm_campaign=x&id=7"));
        assertNotEquals(keyOfUrl("https://example.org/paper?id=7"), keyOfUrl("https://example.org/paper?id=8"));
        assertNotEquals(keyOfUrl("https://example.org/paper?id=7"), keyOfUrl("https://example.org/paper"));
    }

    @Test
    void pathCaseAndDifferentPathsStillMatter() {
        assertNotEquals(keyOfUrl("https://example.org/Paper"), keyOfUrl("https://example.org/paper"));
        assertNotEquals(keyOfUrl("https://example.org/a"), keyOfUrl("https://example.org/b"));
    }

    @Test
    void nonHttpUrlsFallBackToTheTitle() {
        assertEquals(Optional.empty(), PaperKey.normalizeUrl("ftp://example.org/paper.pdf"));
        assertEquals(Optional.empty(), PaperKey.normalizeUrl("not a url"));
        PaperKey key = PaperKey.of("not a url", null, null, "  Attention Is   All You Need! ");
        assertEquals(new PaperKey(PaperKey.Kind.TITLE, "attention is all you need"), key);
        assertEquals(key, PaperKey.of(null, "", " ", "attention is all you need"));
        assertEquals(
                PaperKey.of(null, null, null, "Über Régularisation"),
                PaperKey.of(null, null, null, "uber regularisation"));
    }

    @Test
    void somethingMustIdentifyThePaper() {
        assertThrows(IllegalArgumentException.class, () -> PaperKey.of(null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> PaperKey.of(" ", "", "", "?!"));
    }

    /** The two citations in seeds/000_138e51be44cb15de.txt, as written there. */
    @Test
    void theSeedCardsTwoPapersHaveDistinctKeys() {
        PaperKey decomposing = PaperKey.of(
                "https://www.anthropic.com/index/decomposing-language-models-into-understandable-components"
                        + "?utm_source=substack&utm_medium=email",
                null,
                null,
                "Decomposing Language Models Into Understandable Components");
        PaperKey miniGpts = PaperKey.of(
                "https://arxiv.org/pdf/2306.11644.pdf",
                null,
                null,
                "Mini-GPTs: Efficient Large Language Models throughContextual Pruning");
        assertNotEquals(decomposing, miniGpts);
        assertEquals(
                "url:anthropic.com/index/decomposing-language-models-into-understandable-components",
                decomposing.text());
        assertEquals("arxiv:2306.11644", miniGpts.text());
    }
}
