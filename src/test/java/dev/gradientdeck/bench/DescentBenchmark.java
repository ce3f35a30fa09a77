package dev.gradientdeck.bench;

import dev.gradientdeck.descent.Descent;
import dev.gradientdeck.descent.DescentRun;
import dev.gradientdeck.descent.DescentSpec;
import dev.gradientdeck.descent.DescentSpecs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** The engine alone: 1,000 Adam steps on Rosenbrock, with the worked arithmetic every step carries. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DescentBenchmark {
    private final DescentSpec spec = DescentSpecs.fromJson(
            "{\"problem\": \"rosenbrock\", \"start\": {\"x\": -1.5, \"y\": 2}, \"optimizer\": {\"name\": \"adam\", \"lr\": 0.01}, \"steps\": 1000}");

    @Benchmark
    public DescentRun thousandAdamStepsOnRosenbrock() {
        return Descent.run(spec);
    }
}
