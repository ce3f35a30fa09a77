package dev.gradientdeck.streaks;

/** How much activity makes a day count: at least {@code dailyGoal} reviews or practice answers. */
public record StreakSettings(int dailyGoal) {

    public StreakSettings {
        if (dailyGoal < 1) {
            throw new IllegalArgumentException("daily goal must be at least 1, was " + dailyGoal);
        }
    }
}
