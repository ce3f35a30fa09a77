package dev.gradientdeck.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner grades (and creates cards through the form) while an editor autosaves card files and imports run: no request
 * answers 5xx, and every grade the app acknowledged is stored.
 */
class SyncLoadTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int GRADERS = 4;
    static final long RUN_MILLIS = 6_000;

    @TempDir
    Path dir;

    @Test
    void gradesNeverFailWhileTheDeckSyncs() throws Exception {
        try (RunningApp app = RunningApp.start(dir, Clock.systemUTC())) {
            for (int i = 0; i < 30; i++)
                app.write("c" + i + ".md", "# C" + i + "\n# Question\nQ" + i + "?\n# Answer\nA" + i + ".\n");
            for (int i = 0; i < 60; i++) app.write("gd/d" + i + ".md", DESCENT_CARD);
            app.send("POST", "/api/import", null);
            List<Long> ids = new ArrayList<>();
            List<Long> descents = new ArrayList<>();
            for (JsonNode card : JSON.readTree(app.get("/api/cards").body())) {
                (card.get("kind").asText().equals("descent") ? descents : ids)
                        .add(card.get("id").asLong());
            }
            assertEquals(30, ids.size());
            assertEquals(60, descents.size());

            AtomicBoolean stop = new AtomicBoolean();
            ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            AtomicInteger grades = new AtomicInteger();
            AtomicInteger created = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int g = 0; g < GRADERS; g++) {
                int grader = g;
                threads.add(new Thread(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        int n = i;
                        String requestId = "g" + grader + "-" + n;
                        long card = ids.get((grader * 7 + n) % ids.size());
                        HttpResponse<String> r = call(() -> app.send(
                                "POST",
                                "/api/cards/" + card + "/reviews",
                                "{\"rating\": " + (1 + n % 4) + ", \"requestId\": \"" + requestId + "\"}"));
                        grades.incrementAndGet();
                        if (r.statusCode() == 201) acknowledged.add(requestId);
                        else failures.add("grade " + r.statusCode() + ": " + r.body());
                    }
                }));
            }
            threads.add(new Thread(() -> {
                // An editor autosaving two card files, which wakes the watcher's sync each time.
                for (int i = 0; !stop.get(); i++) {
                    int n = i;
                    call(() -> {
                        app.write(
                                "c" + (n % 2) + ".md",
                                "# C" + (n % 2) + "\n# Question\nQ edit " + n + "?\n# Answer\nA.\n");
                        return null;
                    });
                    sleep(40);
                }
            }));
            threads.add(new Thread(() -> {
                while (!stop.get()) {
                    HttpResponse<String> r = call(() -> app.send("POST", "/api/import", null));
                    if (r.statusCode() >= 500) failures.add("import " + r.statusCode() + ": " + r.body());
                }
            }));
            threads.add(new Thread(() -> {
                for (int n = 0; !stop.get(); n++) {
                    int k = n;
                    HttpResponse<String> r = call(() ->
                            app.postForm("/cards/new", "title=Made+" + k + "&question=Why+" + k + "%3F&answer=So."));
                    created.incrementAndGet();
                    if (r.statusCode() != 303)
                        failures.add("form " + r.statusCode() + ": "
                                + r.body().lines().limit(3).toList());
                }
            }));
            threads.add(new Thread(() -> {
                // Opening a descent exercise reads whether a run is open, then starts one: a read, then a write.
                for (int n = 0; !stop.get() && n < descents.size(); n++) {
                    long card = descents.get(n);
                    HttpResponse<String> r = call(() -> app.get("/cards/" + card + "/descent"));
                    if (r.statusCode() != 200)
                        failures.add("descent " + r.statusCode() + ": "
                                + r.body().lines().limit(3).toList());
                }
            }));
            threads.forEach(Thread::start);
            Thread.sleep(RUN_MILLIS);
            stop.set(true);
            for (Thread t : threads) t.join();

            Set<String> stored = new HashSet<>();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app.database);
                    ResultSet rs = c.createStatement().executeQuery("SELECT request_id FROM reviews")) {
                while (rs.next()) stored.add(rs.getString(1));
            }
            long lost = acknowledged.stream().filter(id -> !stored.contains(id)).count();
            System.out.printf(
                    "sync load: %d grades, %d failed; %d cards made through the form; %d acknowledged grades lost%n",
                    grades.get(),
                    failures.stream().filter(f -> f.startsWith("grade")).count(),
                    created.get(),
                    lost);
            assertTrue(grades.get() > 30, "only " + grades.get() + " grades were posted");
            assertTrue(
                    failures.isEmpty(),
                    failures.size() + " requests failed, e.g. "
                            + failures.stream().limit(3).toList());
            assertEquals(0, lost, "acknowledged grades missing from the database");
            assertTrue(Files.exists(app.deck.resolve("made-0.md")));
        }
    }

    static final String DESCENT_CARD = "# Oscillation\n# Question\nPredict three steps.\n\n```descent\n"
            + "problem: quadratic\nconstants: {a: 2, c: 3}\nstart: {w: 0}\noptimizer: {name: sgd, lr: 0.4}\nsteps: 12\n"
            + "predict: {steps: 3, ask: [gradient, params, direction]}\n```\n\n# Answer\nIt zigzags.\n";

    interface Call<T> {
        T run() throws Exception;
    }

    static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
