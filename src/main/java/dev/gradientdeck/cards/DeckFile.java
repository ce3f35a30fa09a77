package dev.gradientdeck.cards;

/** What one markdown file of the deck folder holds: a card, or a paper note (front matter {@code kind: paper}). */
public sealed interface DeckFile permits CardDocument, PaperDocument {}
