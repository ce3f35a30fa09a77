package dev.gradientdeck.cards;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the deck folder (and every subfolder but hidden ones) and syncs shortly after files stop changing, so an editor's
 * burst of writes becomes one sync. Whatever goes wrong while watching is logged and the watcher starts over with a fresh
 * watch and a full sync, so file changes are never silently ignored until a restart.
 */
public final class DeckWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeckWatcher.class);
    private static final long QUIET_MILLIS = 250;
    private static final long RESTART_MILLIS = 1_000;

    /** Whether live pick-up is on: since when, or why not. */
    public record Status(boolean on, Instant since, Optional<String> problem) {}

    private final Path root;
    private final DeckImporter importer;
    private final Clock clock;
    private final java.util.function.Function<WatchKey, java.util.List<WatchEvent<?>>> poll;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "deck-sync");
        t.setDaemon(true);
        return t;
    });
    private final Thread loop;
    private volatile boolean closed;
    private volatile WatchService current;
    private volatile Status status;
    private ScheduledFuture<?> pending;

    public DeckWatcher(Path root, DeckImporter importer, Clock clock) {
        this(root, importer, clock, WatchKey::pollEvents);
    }

    /**
     * With {@code poll} standing in for {@link WatchKey#pollEvents}: a test's only deterministic way to lose events (OVERFLOW)
     * or to fail inside the loop, since the operating system decides when its queue overflows.
     */
    DeckWatcher(
            Path root,
            DeckImporter importer,
            Clock clock,
            java.util.function.Function<WatchKey, java.util.List<WatchEvent<?>>> poll) {
        this.root = root;
        this.importer = importer;
        this.clock = clock;
        this.poll = poll;
        this.status = new Status(false, clock.instant(), Optional.of("starting"));
        this.loop = new Thread(this::watchUntilClosed, "deck-watch");
        loop.setDaemon(true);
        loop.start();
    }

    public Status status() {
        return status;
    }

    private void watchUntilClosed() {
        boolean restart = false;
        while (!closed) {
            try (WatchService service = FileSystems.getDefault().newWatchService()) {
                current = service;
                if (closed) return;
                registerTree(service, root);
                status = new Status(true, clock.instant(), Optional.empty());
                // Changes made while nothing watched are caught by one full sync.
                if (restart) syncSoon();
                watch(service);
            } catch (ClosedWatchServiceException e) {
                if (closed) return;
                failed(new IllegalStateException("the watch service closed"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                if (closed) return;
                failed(e);
            }
            restart = true;
            try {
                Thread.sleep(RESTART_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void failed(Exception e) {
        Optional<String> problem =
                Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        // Logged once per problem, not once per retry; "since" stays the moment pick-up stopped, even when a retry
        // fails
        // for a newly worded reason (the deck folder "is gone", then "cannot be read").
        if (status.on() || !status.problem().equals(problem)) {
            LOG.warn("watching {} failed ({}); starting over with a full sync", root, e.toString());
            status = new Status(false, status.on() ? clock.instant() : status.since(), problem);
        }
    }

    private void watch(WatchService service) throws IOException, InterruptedException {
        while (!closed) {
            WatchKey key = service.take();
            Path dir = (Path) key.watchable();
            boolean relevant = false;
            for (WatchEvent<?> event : poll.apply(key)) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                    // Events were lost: new folders may be unwatched, so the watcher starts over (with a full sync).
                    throw new IOException("too many file changes at once (events were lost)");
                }
                if (!(event.context() instanceof Path name) || DeckFolder.isHidden(name)) continue;
                relevant = true;
                Path created = dir.resolve(name);
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(created))
                    registerTree(service, created);
            }
            boolean stillWatched = key.reset();
            if (relevant) syncSoon();
            // The deck folder itself went away (moved, unmounted): start over, which waits until it is back.
            if (!stillWatched && dir.equals(root)) throw new IOException("the deck folder " + root + " is gone");
        }
    }

    /** Watches a folder and its subfolders; one that vanished meanwhile or cannot be read is skipped (the sync reports it). */
    private void registerTree(WatchService service, Path dir) throws IOException {
        java.util.List<Path> folders = DeckFolder.walk(dir).folders();
        if (dir.equals(root) && folders.isEmpty()) throw new IOException("cannot read the deck folder " + root);
        for (Path d : folders) {
            try {
                d.register(
                        service,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            } catch (java.nio.file.NoSuchFileException | java.nio.file.AccessDeniedException skipped) {
                LOG.debug("not watching {}: {}", d, skipped.toString());
            }
        }
    }

    /** Syncs shortly, off the caller's thread; a burst of calls becomes one sync. */
    public synchronized void syncSoon() {
        if (pending != null) pending.cancel(false);
        pending = scheduler.schedule(
                () -> {
                    try {
                        importer.sync("watch");
                    } catch (RuntimeException e) {
                        LOG.error("deck sync after a file change failed", e);
                    }
                },
                QUIET_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Whether file changes still reach the deck: the watch loop stops only on an error or at close. */
    public boolean watching() {
        return loop.isAlive();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        WatchService service = current;
        if (service != null) service.close();
        loop.interrupt();
        scheduler.shutdownNow();
    }
}
