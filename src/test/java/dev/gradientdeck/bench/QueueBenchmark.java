package dev.gradientdeck.bench;

import dev.gradientdeck.days.LearnerClock;
import dev.gradientdeck.db.Database;
import dev.gradientdeck.review.QueueScope;
import dev.gradientdeck.review.ReviewRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The queue query against the benchmark database (10,000 cards, 200,000 reviews): the next card and the day's counts. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QueueBenchmark {
    private Database database;
    private ReviewRepository reviews;
    private Instant now;
    private LocalDate today;
    private Instant dayEnds;

    @Setup(Level.Trial)
    public void open() {
        database = Database.open(Path.of(System.getProperty("bench.db", "target/bench/bench.sqlite")));
        reviews = new ReviewRepository(database.jdbi());
        now = Instant.now();
        LearnerClock clock = new LearnerClock(Clock.fixed(now, ZoneOffset.UTC), ZoneOffset.UTC, 4);
        today = clock.today().date();
        dayEnds = clock.endOf(today);
    }

    @TearDown(Level.Trial)
    public void close() {
        database.close();
    }

    @Benchmark
    public Optional<Long> nextCard() {
        return reviews.next(QueueScope.EVERYTHING, now, dayEnds, today, 10, now.plus(Duration.ofMinutes(20)), 0);
    }

    @Benchmark
    public ReviewRepository.QueueCounts counts() {
        return reviews.counts(QueueScope.EVERYTHING, now.plus(Duration.ofMinutes(20)), dayEnds, today, 10);
    }
}
