package dev.gradientdeck.descent.spec;

import dev.gradientdeck.descent.engine.Descent;
import dev.gradientdeck.descent.engine.DescentRun;
import dev.gradientdeck.descent.engine.Simulation;

/**
 * A spec that passed every check, with the simulation it runs. Only {@link SpecCheck#of} makes
 * one, so code holding a ValidSpec never checks it again.
 */
public final class ValidSpec {
    private final DescentSpec spec;
    private final Simulation simulation;

    ValidSpec(DescentSpec spec, Simulation simulation) {
        this.spec = spec;
        this.simulation = simulation;
    }

    public DescentSpec spec() {
        return spec;
    }

    public Simulation simulation() {
        return simulation;
    }

    public DescentRun run() {
        return Descent.run(simulation);
    }

    public double tolerance() {
        return spec.toleranceOrDefault();
    }

    /** Two valid specs are equal when their specs are: the simulation follows from the spec. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ValidSpec valid && valid.spec.equals(spec);
    }

    @Override
    public int hashCode() {
        return spec.hashCode();
    }

    /** This spec with its randomize fields drawn with {@code seed}; see {@link DescentSpec#randomized}. */
    public ValidSpec randomized(long seed) {
        return spec.randomize() == null ? this : SpecCheck.of(spec.randomized(seed));
    }
}
