package dev.gradientdeck.cards;

import dev.gradientdeck.cards.CardViews.CardDetail;
import dev.gradientdeck.cards.CardViews.CardSummary;
import dev.gradientdeck.cards.CardViews.Count;
import dev.gradientdeck.present.Html;
import dev.gradientdeck.present.Paging;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What each cards page shows, decided here so the templates only format. */
public final class CardPages {
    private CardPages() {}

    /**
     * One page of the card list, filtered by one tag or one deck; {@code states} marks suspended cards. {@code sizeChosen}
     * keeps a page size the learner chose in the page links.
     */
    public record CardList(
            List<CardSummary> cards,
            Optional<String> tag,
            Optional<String> deck,
            List<Count> tags,
            Map<Long, String> states,
            Paging paging,
            boolean sizeChosen) {
        public boolean suspended(CardSummary card) {
            return "suspended".equals(states.get(card.id()));
        }

        /** Where "Review these" goes: the review of this deck or tag. */
        public String reviewLink() {
            return deck.map(d -> "/review?deck=" + Html.url(d))
                    .or(() -> tag.map(t -> "/review?tag=" + Html.url(t)))
                    .orElse("/review");
        }

        /** This list's URL at another page, with its filter and chosen page size. */
        public String pageUrl(int page) {
            List<String> query = new ArrayList<>();
            tag.ifPresent(t -> query.add("tag=" + Html.url(t)));
            deck.ifPresent(d -> query.add("deck=" + Html.url(d)));
            if (sizeChosen) query.add("limit=" + paging.limit());
            if (page > 1) query.add("page=" + page);
            return "/cards" + (query.isEmpty() ? "" : "?" + String.join("&", query));
        }
    }

    /** A card's page; {@code state} is its schedule's state or "suspended". */
    public record CardPage(CardDetail card, Optional<gg.jte.Content> exercise, String state) {
        public boolean suspended() {
            return "suspended".equals(state);
        }

        /** Paper prompts are made from papers, not files, so only a card with a file of its own can be edited. */
        public boolean editable() {
            return !card.kind().equals("paper") && !card.archived();
        }
    }

    /**
     * The edit form: the card file's text and the hash of what was opened. After a refusal it keeps the learner's text; when
     * the file changed on disk meanwhile, {@code onDisk} is what it holds now.
     */
    public record EditForm(
            CardDetail card,
            String text,
            String openedHash,
            String problem,
            int problemLine,
            Optional<String> onDisk,
            String from) {
        public boolean changedOnDisk() {
            return onDisk.isPresent();
        }
    }

    public record NewCardForm(NewCard values, Map<String, String> problems, List<String> decks) {
        public String problem(String field) {
            return problems.getOrDefault(field, "");
        }
    }

    public record ImportPage(
            Optional<ImportReport> report,
            String deckFolder,
            DeckWatcher.Status watching,
            List<gg.jte.Content> sections) {
        /** "since 14:02:11 UTC" in the server's words: the watcher's start is a moment, not a learner's day. */
        public String watchingSince() {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
                    .withZone(java.time.ZoneOffset.UTC)
                    .format(watching.since());
        }
    }
}
