package riskguard.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The database connection with its prepared statements, each SQL text compiled once and kept
 * until the connection closes. SQLite spends more CPU compiling our inserts than running them
 * (about 100 µs of the ~300 µs an enforcement's claim transaction costs), and that
 * transaction sits between the rules' decision and the close call. Used under
 * {@link Database}'s lock only, like the connection; the repositories' SQL texts are
 * constants, so the cache stays small.
 */
final class Statements implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    Statements(Connection connection) {
        this.connection = connection;
    }

    /**
     * The statement for {@code sql}, parameters cleared. The caller must not close it, and
     * must close any result set it opens (which resets the statement, so it holds no snapshot
     * of the database that would keep a checkpoint from finishing).
     */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            prepared.put(sql, statement);
        } else {
            statement.clearParameters();
        }
        return statement;
    }

    /** Closes every kept statement (before the connection closes). */
    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (PreparedStatement statement : prepared.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        prepared.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
