package riskguard.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The riskguard SQLite database: one connection, used by one thread at a time.
 *
 * <p>SQLite has a single writer, so every read and write goes through this object's lock,
 * in order. A write runs in its own {@code BEGIN IMMEDIATE} transaction and is committed
 * (handed to the operating system, so it survives the process being killed) before the
 * repository method returns, unless it runs inside {@link #inTransaction}, which commits all
 * its writes together.
 */
public final class Database implements AutoCloseable {

    static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final String MIGRATIONS = "classpath:db/migration";

    private final Path file;
    private final Connection connection;
    private final Statements statements;
    private final boolean readOnly;
    private final DaemonLock daemonLock;
    /** Null for a read-only database. */
    private final WalSyncer syncer;
    private final ReentrantLock access = new ReentrantLock();
    /** How many writes of the lock-holding thread are under way; above 0 a transaction is open. */
    private int transactionDepth;
    private boolean closed;

    private Database(Path file, Connection connection, boolean readOnly, DaemonLock daemonLock, WalSyncer syncer) {
        this.file = file;
        this.connection = connection;
        this.statements = new Statements(connection);
        this.readOnly = readOnly;
        this.daemonLock = daemonLock;
        this.syncer = syncer;
    }

    /** Opens (creating it and its directories if needed) and migrates the database. */
    public static Database open(Path file) {
        return openWritable(file, null);
    }

    /**
     * Like {@link #open}, but first takes the single-daemon lock on {@code <file>.lock}.
     *
     * @throws DatabaseLockedException when another daemon (in this or another process) holds it
     */
    public static Database openForDaemon(Path file) {
        createParentDirectories(file);
        DaemonLock lock = DaemonLock.acquire(file);
        try {
            return openWritable(file, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * The pid of the daemon running on {@code file} (holding its lock), or empty when none
     * does: where {@code riskguard reload} sends its signal.
     */
    public static OptionalLong runningDaemon(Path file) {
        return DaemonLock.holder(file);
    }

    /**
     * Opens an existing database for reading only, without migrating it and without the
     * daemon lock — for {@code riskguard status} while the daemon runs.
     */
    public static Database openReadOnly(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DatabaseException("database " + file + " does not exist (it is created when the daemon first starts)");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        Connection connection = connect(file, config);
        Database database = new Database(file, connection, true, null, null);
        try {
            database.requireSchema();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    private static Database openWritable(Path file, DaemonLock lock) {
        createParentDirectories(file);
        SQLiteConfig config = writableConfig();
        migrate(file, config);
        Connection connection = connect(file, config);
        try {
            return new Database(file, connection, false, lock, WalSyncer.start(file, connect(file, config)));
        } catch (RuntimeException e) {
            closeAfter(connection, e);
            throw e;
        }
    }

    private static SQLiteConfig writableConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL (with WAL): a commit is written to the OS before it returns, so it survives
        // kill -9; only an OS crash or power loss can lose the last commits, which a restart's
        // reconcile re-derives (docs/database.md, "Durability"). FULL would add an fsync,
        // milliseconds on this disk, to every enforcement's path from breach to close call.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        // No checkpoint by a committing writer: SQLite's default runs one inside the commit that
        // takes the log past 1,000 pages, with two fsyncs, ~15 ms on this disk, in whichever
        // thread commits then (a close's claim, say). WalSyncer checkpoints every second instead.
        config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, "0");
        // No generated keys: the driver would otherwise compile and run "SELECT last_insert_rowid()"
        // after every INSERT (the claim's among them); inserts that need their id say RETURNING.
        config.setGetGeneratedKeys(false);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        return config;
    }

    private static void migrate(Path file, SQLiteConfig config) {
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url(file));
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new DatabaseException("cannot migrate database " + file + ": " + summary(e), e);
        }
    }

    /** Flyway's messages span a dozen lines; its first line and the root cause say what matters. */
    private static String summary(FlywayException e) {
        String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String cause = String.valueOf(root.getMessage()).strip();
        return root == e || first.contains(cause) ? first : first + ": " + cause;
    }

    private static Connection connect(Path file, SQLiteConfig config) {
        try {
            return config.createConnection(url(file));
        } catch (SQLException e) {
            throw new DatabaseException("cannot open database " + file + ": " + e.getMessage(), e);
        }
    }

    private static void closeAfter(Connection connection, RuntimeException failure) {
        try {
            connection.close();
        } catch (SQLException closeFailure) {
            failure.addSuppressed(closeFailure);
        }
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    private static void createParentDirectories(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new DatabaseException("cannot create directory " + parent + " for database " + file + ": " + e.getMessage(), e);
        }
    }

    private void requireSchema() {
        boolean migrated = read("check the schema", c -> Sql.first(c,
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'",
                select -> { }, row -> row.getInt(1) == 1).orElse(false));
        if (!migrated) {
            throw new DatabaseException("database " + file + " has no riskguard schema (it is created when the daemon first starts)");
        }
    }

    /**
     * Puts every commit made so far on disk now, as the background sync does every
     * {@link WalSyncer#INTERVAL}; returns the write-ahead log frames left for a later run.
     */
    int syncNow() {
        if (syncer == null) {
            throw new DatabaseException("database " + file + " is open read-only; there is nothing to sync");
        }
        try {
            return syncer.sync();
        } catch (SQLException e) {
            throw new DatabaseException("cannot checkpoint database " + file + ": " + e.getMessage(), e);
        }
    }

    /** The database file as given when opening. */
    public Path file() {
        return file;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /**
     * Runs {@code work} atomically: every repository write inside it joins one transaction,
     * committed when {@code work} returns and rolled back when it throws. For changes that
     * must not be half-done after a crash, e.g. recording a trade and the day's P&L it moves.
     *
     * @param what what the work does, for error messages ("record trade 101 of account 536")
     */
    public <T> T inTransaction(String what, Supplier<T> work) {
        return write(what, c -> work.get());
    }

    /** {@link #inTransaction(String, Supplier)} for work without a result. */
    public void inTransaction(String what, Runnable work) {
        write(what, c -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code work} in one immediate transaction and commits it before returning; inside
     * an enclosing transaction of this thread it joins that one instead.
     */
    <T> T write(String what, SqlWork<T> work) {
        if (readOnly) {
            throw new DatabaseException("cannot " + what + ": database " + file + " is open read-only");
        }
        access.lock();
        try {
            requireOpen(what);
            if (transactionDepth > 0) {
                return joined(work);
            }
            execute("BEGIN IMMEDIATE");
            try {
                T result = joined(work);
                execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackAfter(e);
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot " + what + " in database " + file + ": " + e.getMessage(), e);
        } finally {
            access.unlock();
        }
    }

    private <T> T joined(SqlWork<T> work) throws SQLException {
        transactionDepth++;
        try {
            return work.run(statements);
        } finally {
            transactionDepth--;
        }
    }

    /** Runs {@code work} as a read; each statement sees a consistent snapshot. */
    <T> T read(String what, SqlWork<T> work) {
        access.lock();
        try {
            requireOpen(what);
            return work.run(statements);
        } catch (SQLException e) {
            throw new DatabaseException("cannot " + what + " in database " + file + ": " + e.getMessage(), e);
        } finally {
            access.unlock();
        }
    }

    private void requireOpen(String what) {
        if (closed) {
            throw new DatabaseException("cannot " + what + ": database " + file + " is closed");
        }
    }

    /** Transaction control, through the kept statements: compiled once, not at every transaction. */
    private void execute(String sql) throws SQLException {
        statements.prepare(sql).execute();
    }

    private void rollbackAfter(Exception failure) {
        try {
            execute("ROLLBACK");
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    /** Closes the connection and releases the daemon lock, if held. Idempotent. */
    @Override
    public void close() {
        access.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (syncer != null) {
                syncer.close();
            }
            try (connection) {
                statements.close();
            } finally {
                if (daemonLock != null) {
                    daemonLock.close();
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot close database " + file + ": " + e.getMessage(), e);
        } finally {
            access.unlock();
        }
    }

    @Override
    public String toString() {
        return "Database[" + file + (readOnly ? ", read-only" : "") + (daemonLock != null ? ", daemon" : "") + "]";
    }
}
