package dev.gradientdeck.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PagingTest {
    @Test
    void tenThousandCardsAtAHundredAPage() {
        Paging p = new Paging(7, 100, 10_000);
        assertEquals(100, p.pages());
        assertEquals(600, p.offset());
        assertEquals(601, p.first());
        assertEquals(700, p.last());
        assertTrue(p.hasPrevious());
        assertTrue(p.hasNext());
        List<String> bar = p.links(n -> "/cards?page=" + n).stream()
                .map(l -> l.gap() ? "…" : l.current() ? "[" + l.page() + "]" : "" + l.page())
                .toList();
        assertEquals(List.of("1", "…", "5", "6", "[7]", "8", "9", "…", "100"), bar);
    }

    @Test
    void theLastPageIsShortAndPastItIsTheLast() {
        Paging p = new Paging(9, 100, 801).within();
        assertEquals(9, p.page());
        assertEquals(801, p.first());
        assertEquals(801, p.last());
        assertFalse(p.hasNext());
        assertEquals(9, new Paging(50, 100, 801).within().page());
    }

    @Test
    void anEmptyListIsOnePageAndAllIsOnePage() {
        Paging empty = new Paging(1, 100, 0);
        assertEquals(1, empty.pages());
        assertEquals(0, empty.first());
        assertEquals(0, empty.last());
        assertEquals(1, empty.links(n -> "").size());
        Paging all = new Paging(1, Paging.ALL, 10_000);
        assertEquals(1, all.pages());
        assertEquals(10_000, all.last());
        assertFalse(all.hasNext());
    }

    @Test
    void nearTheStartNoGapIsShown() {
        List<Integer> pages = new Paging(2, 10, 60)
                .links(n -> "").stream().map(Paging.Link::page).toList();
        assertEquals(List.of(1, 2, 3, 4, 0, 6), pages);
        assertEquals(
                List.of(true, true, true, false, true, true),
                new Paging(2, 10, 60)
                        .links(n -> "").stream().map(Paging.Link::near).toList());
    }
}
