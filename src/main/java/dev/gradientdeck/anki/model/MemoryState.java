package dev.gradientdeck.anki.model;

/** FSRS memory as Anki stores it in {@code cards.data}: stability in days, difficulty from 1 to 10. */
public record MemoryState(double stability, double difficulty) {}
