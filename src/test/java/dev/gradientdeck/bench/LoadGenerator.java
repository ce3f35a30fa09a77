package dev.gradientdeck.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Closed-loop load on loopback: C connections each sending the next request as soon as the last answered, for a time. */
public final class LoadGenerator {
    public record Result(String what, double requestsPerSecond, double p50Millis, double p99Millis, long errors) {}

    private LoadGenerator() {}

    public static Result run(String what, String url, int connections, Duration warmUp, Duration measure)
            throws InterruptedException {
        runFor(url, connections, warmUp);
        return summarize(what, runFor(url, connections, measure), measure);
    }

    private record Samples(List<long[]> latencies, long count, long errors) {}

    private static Samples runFor(String url, int connections, Duration duration) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/html,application/json")
                .build();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong errors = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            long[] latencies = new long[2_000_000 / connections];
            int[] count = new int[1];
            perThread.add(latencies);
            counts.add(count);
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) errors.incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    if (count[0] < latencies.length) latencies[count[0]++] = System.nanoTime() - start;
                }
            });
            threads.add(t);
            t.start();
        }
        Thread.sleep(duration.toMillis());
        stop.set(true);
        for (Thread t : threads) t.join();
        List<long[]> trimmed = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < connections; i++) {
            trimmed.add(Arrays.copyOf(perThread.get(i), counts.get(i)[0]));
            total += counts.get(i)[0];
        }
        return new Samples(trimmed, total, errors.get());
    }

    private static Result summarize(String what, Samples samples, Duration measured) {
        long[] all = samples.latencies().stream()
                .flatMapToLong(Arrays::stream)
                .sorted()
                .toArray();
        return new Result(
                what,
                samples.count() / (measured.toMillis() / 1000.0),
                percentile(all, 0.50),
                percentile(all, 0.99),
                samples.errors());
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
