-- The card list is paged in deck and title order (title as the learner reads it, case aside): this covering index lets a
-- page be read in that order from index pages alone, without sorting every card. It replaces V6's listing index, whose
-- case-sensitive title could not give that order.
DROP INDEX cards_listing;
CREATE INDEX cards_page ON cards (archived, deck, title COLLATE NOCASE, slug, kind, title);
