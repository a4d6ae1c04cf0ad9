package riskguard.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts committed transactions on disk a moment after they commit, off the writers' path.
 *
 * <p>With {@code synchronous=NORMAL} a commit reaches the operating system, not the disk: it
 * survives the process being killed, not the machine losing power. Every {@link #INTERVAL}
 * this checkpoints the write-ahead log from a connection of its own ({@code PASSIVE}: it never
 * waits for, nor blocks, a writer), which syncs the log and then the database file. A power
 * loss can therefore lose at most the commits of about the last interval, and always a whole
 * suffix of them, never one from the middle.
 */
final class WalSyncer implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(WalSyncer.class);

    private final Path file;
    private final Connection connection;
    private final ScheduledExecutorService timer;
    private boolean warned;

    private WalSyncer(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "riskguard-db-sync");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts syncing {@code file} through {@code connection}, which it owns from now on. */
    static WalSyncer start(Path file, Connection connection) {
        WalSyncer syncer = new WalSyncer(file, connection);
        long millis = INTERVAL.toMillis();
        syncer.timer.scheduleWithFixedDelay(syncer::syncQuietly, millis, millis, TimeUnit.MILLISECONDS);
        return syncer;
    }

    /**
     * Checkpoints now: every commit made before the call is on disk when it returns, unless a
     * reader still needs old pages (then the rest follows at a later run).
     *
     * @return how many frames of the write-ahead log are not yet in the database file
     */
    synchronized int sync() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            result.next();
            int logFrames = result.getInt(2);
            int checkpointed = result.getInt(3);
            return logFrames < 0 ? 0 : logFrames - checkpointed;
        }
    }

    private void syncQuietly() {
        try {
            sync();
        } catch (SQLException e) {
            if (!warned) {
                warned = true;
                LOG.warn("database {}: cannot checkpoint the write-ahead log ({}); commits still survive a crash "
                        + "of the daemon, not yet a power loss; retrying every {} ms", file, e.getMessage(),
                        INTERVAL.toMillis());
            }
        }
    }

    /** Stops the timer (a sync under way finishes) and closes the connection. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("database {}: closing the checkpoint connection failed: {}", file, e.getMessage());
            }
        }
    }
}
