package dev.gradientdeck.descent.engine;

import java.util.List;

/**
 * The steps of one simulation. A run that meets a loss, gradient or parameter that is not finite
 * stops there: that step is the last one, {@code status} is "diverged" and {@code divergedAt} its
 * number (null for "completed").
 */
public record DescentRun(List<String> params, List<Step> steps, String status, Integer divergedAt) {
    public static final String COMPLETED = "completed";
    public static final String DIVERGED = "diverged";

    public boolean diverged() {
        return DIVERGED.equals(status);
    }
}
