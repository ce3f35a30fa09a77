-- A card's row holds its rendered HTML, so reading "archived" from the row itself means reading kilobytes, often from
-- overflow pages. These covering indexes answer the queue, the list and the day counts from small index pages instead.
CREATE INDEX cards_active ON cards (archived, id);
CREATE INDEX cards_listing ON cards (archived, deck, title, kind, slug);
CREATE INDEX cards_files ON cards (kind, path, slug, content_hash, file_stamp, archived);
DROP INDEX reviews_day;
CREATE INDEX reviews_day_card ON reviews (day_key, card_id, state_before);
