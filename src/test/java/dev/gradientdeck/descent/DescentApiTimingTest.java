package dev.gradientdeck.descent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradientdeck.RunningApp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

/**
 * Measures, and prints without asserting, {@code POST /api/descent/run} for a 1,000-step Adam run
 * on Rosenbrock over loopback: the median round trip seen by the client and the median time the
 * server reports in Server-Timing (from reading the body to the written JSON), over 200 requests
 * after 200 of warm-up.
 */
class DescentApiTimingTest {
    @TempDir Path dir;

    @Test
    void printsTheMedianTimeOfAThousandStepAdamRunThroughTheApi() throws Exception {
        String spec =
                "{\"problem\": \"rosenbrock\", \"start\": {\"x\": -1.2, \"y\": 1},"
                        + " \"optimizer\": {\"name\": \"adam\", \"lr\": 0.01}, \"steps\": 1000}";
        try (RunningApp app = RunningApp.start(dir, Clock.systemUTC())) {
            for (int warmUp = 0; warmUp < 200; warmUp++) {
                app.send("POST", "/api/descent/run", spec);
            }
            int requests = 200;
            double[] roundTrip = new double[requests];
            double[] server = new double[requests];
            int bytes = 0;
            for (int i = 0; i < requests; i++) {
                long begin = System.nanoTime();
                HttpResponse<String> response = app.send("POST", "/api/descent/run", spec);
                roundTrip[i] = (System.nanoTime() - begin) / 1e6;
                assertEquals(200, response.statusCode());
                server[i] =
                        Double.parseDouble(
                                response.headers()
                                        .firstValue("Server-Timing")
                                        .orElseThrow()
                                        .replace("run;dur=", ""));
                bytes = response.body().length();
            }
            Arrays.sort(roundTrip);
            Arrays.sort(server);
            System.out.printf(
                    "POST /api/descent/run, 1000-step Adam on Rosenbrock (%d bytes of JSON), %d requests: "
                            + "median server time %.3f ms (min %.3f, max %.3f); median round trip %.3f ms (min %.3f, max %.3f)%n",
                    bytes,
                    requests,
                    server[requests / 2],
                    server[0],
                    server[requests - 1],
                    roundTrip[requests / 2],
                    roundTrip[0],
                    roundTrip[requests - 1]);
        }
    }
}
