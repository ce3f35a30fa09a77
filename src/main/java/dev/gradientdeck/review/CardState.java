package dev.gradientdeck.review;

import java.util.Objects;

/** Where a card stands. Steps index the learning or relearning steps of the settings. */
public sealed interface CardState permits CardState.New, CardState.Learning, CardState.Review, CardState.Relearning {

    /** The stored name: "new", "learning", "review" or "relearning". */
    String name();

    /** Never answered, so there is no memory yet. */
    record New() implements CardState {
        @Override
        public String name() {
            return "new";
        }
    }

    record Learning(int step, Memory memory) implements CardState {
        public Learning {
            requireStep(step);
            Objects.requireNonNull(memory, "memory");
        }

        @Override
        public String name() {
            return "learning";
        }
    }

    record Review(Memory memory) implements CardState {
        public Review {
            Objects.requireNonNull(memory, "memory");
        }

        @Override
        public String name() {
            return "review";
        }
    }

    record Relearning(int step, Memory memory) implements CardState {
        public Relearning {
            requireStep(step);
            Objects.requireNonNull(memory, "memory");
        }

        @Override
        public String name() {
            return "relearning";
        }
    }

    /** Rebuilds a stored state. The step counts only for (re)learning; a new card has no memory. */
    static CardState of(String name, int step, Memory memory) {
        return switch (name) {
            case "new" -> new New();
            case "learning" -> new Learning(step, memory);
            case "review" -> new Review(memory);
            case "relearning" -> new Relearning(step, memory);
            default -> throw new IllegalArgumentException("unknown card state: " + name);
        };
    }

    private static void requireStep(int step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must not be negative, was " + step);
        }
    }
}
