package dev.gradientdeck.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first import of many thousand cards holds the write lock for longer than a few seconds (about 40 s for 20,000 cards
 * measured on a busy 2-core machine): a grade sent meanwhile waits its turn and is stored, it never answers 5xx.
 */
class LongWriteTest {
    static final long HELD_MILLIS = 12_000;

    @TempDir
    Path dir;

    @Test
    void aGradeWaitsOutAWriterThatHoldsTheLockLongerThanTenSeconds() throws Exception {
        try (RunningApp app = RunningApp.start(dir, Clock.systemUTC())) {
            app.write("a.md", "# A\n# Question\nWhy?\n# Answer\nBecause.\n");
            app.send("POST", "/api/import", null);
            long id = new ObjectMapper()
                    .readTree(app.get("/api/cards").body())
                    .get(0)
                    .get("id")
                    .asLong();
            CountDownLatch locked = new CountDownLatch(1);
            Thread writer = new Thread(() -> {
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app.database);
                        Statement s = c.createStatement()) {
                    s.execute("BEGIN IMMEDIATE");
                    locked.countDown();
                    Thread.sleep(HELD_MILLIS);
                    s.execute("COMMIT");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            locked.await();
            HttpResponse<String> grade = app.send("POST", "/api/cards/" + id + "/reviews", "{\"rating\": 3}");
            writer.join();
            assertEquals(201, grade.statusCode(), grade.body());
        }
    }
}
