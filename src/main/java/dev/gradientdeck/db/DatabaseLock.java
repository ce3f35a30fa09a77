package dev.gradientdeck.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * A lock file beside the database ("app.sqlite.lock") that a running app holds, with its process id inside, so a restore or a
 * second app on the same database refuses instead of replacing or racing it. The lock is the operating system's: it goes
 * when the process ends, even when killed, so a stale file never blocks a restart.
 */
public final class DatabaseLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DatabaseLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The database is held by another running app (or another use in this one). */
    public static final class InUse extends IllegalStateException {
        InUse(String message) {
            super(message);
        }
    }

    public static Path fileOf(Path database) {
        Path absolute = database.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".lock");
    }

    /** Takes the lock for {@code what} ("serve", "restore"), or refuses naming the process that holds it. */
    public static DatabaseLock take(Path database, String what) {
        Path file = fileOf(database);
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new InUse(database + " is in use by a running Gradient Deck ("
                        + (holder.isEmpty() ? "process unknown" : holder) + "); stop it first, nothing was changed");
            }
            channel.truncate(0);
            channel.write(
                    ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", " + what + " since " + Instant.now())
                            .getBytes(StandardCharsets.UTF_8)),
                    0);
            channel.force(false);
            return new DatabaseLock(channel, lock);
        } catch (IOException e) {
            try {
                if (channel != null) channel.close();
            } catch (IOException ignored) {
                // Closing after a failure to lock: nothing was held.
            }
            throw new IllegalStateException("cannot lock " + database + " (" + file + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // The operating system drops the lock with the channel or the process anyway.
        }
    }
}
