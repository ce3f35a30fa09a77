package dev.gradientdeck.bench;

import dev.gradientdeck.descent.engine.DescentRun;
import dev.gradientdeck.descent.spec.DescentSpecs;
import dev.gradientdeck.descent.spec.ValidSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The engine alone: 1,000 Adam steps on Rosenbrock, with the worked arithmetic every step carries. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DescentBenchmark {
    private final ValidSpec spec = DescentSpecs.fromJson(
            "{\"problem\": \"rosenbrock\", \"start\": {\"x\": -1.5, \"y\": 2}, \"optimizer\": {\"name\": \"adam\", \"lr\": 0.01}, \"steps\": 1000}");

    @Benchmark
    public DescentRun thousandAdamStepsOnRosenbrock() {
        return spec.run();
    }
}
