package dev.gradientdeck.present;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Which slice of a long list a page shows ({@code page} counts from 1) and the links around it: previous, next, the first and
 * last page and the pages next to this one, so a 10,000-card deck is a hundred short pages rather than one long one.
 * {@code limit} of {@link #ALL} is the whole list on one page.
 */
public record Paging(int page, int limit, int total) {
    public static final int ALL = Integer.MAX_VALUE;

    public Paging {
        if (page < 1) throw new IllegalArgumentException("page " + page + " is before the first");
        if (limit < 1) throw new IllegalArgumentException("limit " + limit + " is not positive");
    }

    public int pages() {
        return limit == ALL ? 1 : Math.max(1, (int) ((total + (long) limit - 1) / limit));
    }

    /** The same position in a list that shrank: past the last page is the last page. */
    public Paging within() {
        return page > pages() ? new Paging(pages(), limit, total) : this;
    }

    public int offset() {
        return limit == ALL ? 0 : (int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * limit);
    }

    /** Rows shown: "1-100" of the total. */
    public int first() {
        return total == 0 ? 0 : Math.min(total, offset() + 1);
    }

    public int last() {
        return (int) Math.min(total, (long) offset() + limit);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    /** One link in the page bar; a gap ("…") has page 0. A phone shows only the {@code near} ones: first, last, this and its neighbours. */
    public record Link(int page, String href, boolean current, boolean near) {
        public boolean gap() {
            return page == 0;
        }
    }

    /** The first page, the last, and two on each side of this one, with gaps between; {@code href} makes a page's URL. */
    public List<Link> links(IntFunction<String> href) {
        List<Link> links = new ArrayList<>();
        int previous = 0;
        for (int p = 1; p <= pages(); p++) {
            boolean shown = p == 1 || p == pages() || Math.abs(p - page) <= 2;
            if (!shown) continue;
            if (p > previous + 1) links.add(new Link(0, "", false, true));
            links.add(new Link(p, href.apply(p), p == page, p == 1 || p == pages() || Math.abs(p - page) <= 1));
            previous = p;
        }
        return links;
    }
}
