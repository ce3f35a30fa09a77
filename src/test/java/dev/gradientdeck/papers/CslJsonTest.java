package dev.gradientdeck.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CslJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fullEntryHasTheCslShape() {
        List<Map<String, Object>> items = CslJson.export(List.of(new BibEntry(
                "Attention Is All You Need",
                List.of("Ashish Vaswani", "Shazeer, Noam M.", "Anthropic"),
                2017,
                "https://arxiv.org/abs/1706.03762",
                "1706.03762",
                "10.48550/arxiv.1706.03762",
                "Introduced the transformer.")));
        assertEquals(
                List.of(Map.of(
                        "id", "vaswani2017attention",
                        "type", "article",
                        "title", "Attention Is All You Need",
                        "author",
                                List.of(
                                        Map.of("family", "Vaswani", "given", "Ashish"),
                                        Map.of("family", "Shazeer", "given", "Noam M."),
                                        Map.of("family", "Anthropic")),
                        "issued", Map.of("date-parts", List.of(List.of(2017))),
                        "URL", "https://arxiv.org/abs/1706.03762",
                        "DOI", "10.48550/arxiv.1706.03762",
                        "note", "Introduced the transformer.")),
                items);
    }

    @Test
    void jacksonWritesItAsCslJson() throws Exception {
        String json = JSON.writeValueAsString(CslJson.export(List.of(
                new BibEntry("Quoted \"Q&A\" {x}", List.of("Jörg Müller"), 2021, null, "2306.11644", null, null))));
        JsonNode item = JSON.readTree(json).get(0);
        assertEquals("muller2021quoted", item.get("id").asText());
        assertEquals("Quoted \"Q&A\" {x}", item.get("title").asText(), "CSL-JSON titles are plain text, not LaTeX");
        assertEquals("Müller", item.get("author").get(0).get("family").asText());
        assertEquals(2021, item.get("issued").get("date-parts").get(0).get(0).asInt());
        assertEquals("https://arxiv.org/abs/2306.11644", item.get("URL").asText());
    }

    @Test
    void absentFieldsAreLeftOut() {
        Map<String, Object> item = CslJson.export(List.of(new BibEntry("t", null, null, " ", null, null, "")))
                .get(0);
        assertEquals(Map.of("id", "t", "type", "article", "title", "t"), item);
    }

    @Test
    void idsMatchTheBibtexKeys() {
        List<BibEntry> entries = List.of(
                new BibEntry("Notes", List.of("Ada Lovelace"), 1843, null, null, null, null),
                new BibEntry("Notes Again", List.of("Ada Lovelace"), 1843, null, null, null, null));
        List<Object> ids =
                CslJson.export(entries).stream().map(item -> item.get("id")).toList();
        List<String> bibKeys = BibtexReader.read(Bibtex.export(entries)).stream()
                .map(BibtexReader.Entry::key)
                .toList();
        assertEquals(List.of("lovelace1843notesa", "lovelace1843notesb"), ids);
        assertEquals(ids, List.copyOf(bibKeys));
    }
}
