package riskguard.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive "one daemon per database" lock: an OS file lock on {@code <database>.lock}
 * holding the owner's pid. The OS drops the lock when the process dies, so a kill -9
 * never leaves a stale lock behind.
 */
final class DaemonLock implements AutoCloseable {

    /*
     * POSIX record locks belong to the process: closing any channel on the lock file would
     * silently drop a lock this JVM already holds. So a second attempt from this JVM is
     * refused here, before the file is opened again.
     */
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private DaemonLock(Path lockFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    static Path lockFileFor(Path databaseFile) {
        return databaseFile.resolveSibling(databaseFile.getFileName() + ".lock");
    }

    /**
     * The pid of the daemon holding {@code databaseFile}'s lock; empty when no daemon holds it.
     * Never takes the lock for longer than the test itself.
     */
    static OptionalLong holder(Path databaseFile) {
        Path lockFile = lockFileFor(databaseFile).toAbsolutePath();
        if (!Files.isRegularFile(lockFile)) {
            return OptionalLong.empty();
        }
        Path canonical = canonicalLockFile(databaseFile);
        if (HELD_IN_THIS_JVM.contains(canonical)) {
            return OptionalLong.of(ProcessHandle.current().pid());
        }
        try (FileChannel channel = FileChannel.open(canonical, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe != null) {
                probe.release();
                return OptionalLong.empty();
            }
            return readPid(channel);
        } catch (IOException e) {
            throw new DatabaseException("cannot read the daemon lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    /** Takes the lock; the database file's directory must exist. */
    static DaemonLock acquire(Path databaseFile) {
        Path lockFile = canonicalLockFile(databaseFile);
        if (!HELD_IN_THIS_JVM.add(lockFile)) {
            throw lockedBy(databaseFile, OptionalLong.of(ProcessHandle.current().pid()));
        }
        try {
            return lockOrRefuse(databaseFile, lockFile);
        } catch (RuntimeException e) {
            HELD_IN_THIS_JVM.remove(lockFile);
            throw e;
        }
    }

    /** One name per lock file, however the database path was spelled (relative, via a symlink). */
    private static Path canonicalLockFile(Path databaseFile) {
        Path lockFile = lockFileFor(databaseFile).toAbsolutePath();
        try {
            return lockFile.getParent().toRealPath().resolve(lockFile.getFileName());
        } catch (IOException e) {
            throw new DatabaseException("cannot lock database " + databaseFile + ": directory "
                    + lockFile.getParent() + " is not accessible: " + e.getMessage(), e);
        }
    }

    private static DaemonLock lockOrRefuse(Path databaseFile, Path lockFile) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                OptionalLong holder = readPid(channel);
                channel.close();
                throw lockedBy(databaseFile, holder);
            }
            writePid(channel);
            return new DaemonLock(lockFile, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DatabaseException("cannot lock database " + databaseFile + " (lock file " + lockFile + "): " + e.getMessage(), e);
        }
    }

    private static void writePid(FileChannel channel) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(true);
    }

    private static OptionalLong readPid(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            // The holder has locked the file but not yet written its pid.
            return OptionalLong.empty();
        }
    }

    private static DatabaseLockedException lockedBy(Path databaseFile, OptionalLong pid) {
        String holder = pid.isPresent() ? "pid " + pid.getAsLong() : "pid unknown";
        return new DatabaseLockedException(
                "database " + databaseFile + " is in use by another riskguard daemon (" + holder + ")", pid);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing releases the lock; there is nothing else to undo.
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // The channel close below releases the lock as well.
        } finally {
            closeQuietly(channel);
            HELD_IN_THIS_JVM.remove(lockFile);
        }
    }
}
