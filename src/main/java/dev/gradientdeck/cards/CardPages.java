package dev.gradientdeck.cards;

import dev.gradientdeck.cards.CardViews.CardDetail;
import dev.gradientdeck.cards.CardViews.CardSummary;
import dev.gradientdeck.cards.CardViews.Count;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What each cards page shows, decided here so the templates only format. */
public final class CardPages {
    private CardPages() {}

    public record CardList(List<CardSummary> cards, Optional<String> tag, List<Count> tags) {}

    public record CardPage(CardDetail card, Optional<gg.jte.Content> exercise) {}

    public record NewCardForm(NewCard values, Map<String, String> problems, List<String> decks) {
        public String problem(String field) {
            return problems.getOrDefault(field, "");
        }
    }

    public record ImportPage(Optional<ImportReport> report, String deckFolder, List<gg.jte.Content> sections) {}
}
