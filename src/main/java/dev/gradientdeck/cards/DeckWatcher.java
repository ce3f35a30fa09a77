package dev.gradientdeck.cards;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Watches the deck folder (and every subfolder) and syncs shortly after files stop changing, so an editor's burst of
 * writes becomes one sync.
 */
public final class DeckWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeckWatcher.class);
    private static final long QUIET_MILLIS = 250;

    private final Path root;
    private final DeckImporter importer;
    private final WatchService watcher;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "deck-sync");
        t.setDaemon(true);
        return t;
    });
    private final Thread loop;
    private ScheduledFuture<?> pending;

    public DeckWatcher(Path root, DeckImporter importer) throws IOException {
        this.root = root;
        this.importer = importer;
        this.watcher = FileSystems.getDefault().newWatchService();
        registerTree(root);
        this.loop = new Thread(this::watch, "deck-watch");
        loop.setDaemon(true);
        loop.start();
    }

    private void registerTree(Path dir) throws IOException {
        for (Path d : DeckFolder.tree(dir)) {
            if (!Files.isDirectory(d)) continue;
            d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Path dir = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name && event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                        Path created = dir.resolve(name);
                        if (Files.isDirectory(created)) registerTree(created);
                    }
                }
                key.reset();
                syncSoon();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("stopped watching {}: {}", root, e.getMessage());
        }
    }

    /** Syncs shortly, off the caller's thread; a burst of calls becomes one sync. */
    public synchronized void syncSoon() {
        if (pending != null) pending.cancel(false);
        pending = scheduler.schedule(() -> {
            try {
                importer.sync("watch");
            } catch (RuntimeException e) {
                LOG.error("deck sync after a file change failed", e);
            }
        }, QUIET_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Whether file changes still reach the deck: the watch loop stops only on an error or at close. */
    public boolean watching() {
        return loop.isAlive();
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        scheduler.shutdownNow();
    }
}
