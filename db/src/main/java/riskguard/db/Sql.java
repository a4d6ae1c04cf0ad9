package riskguard.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few JDBC shapes the repositories use, on the connection's kept statements
 * ({@link Statements}); result sets are always closed, which resets their statement.
 */
final class Sql {

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private Sql() {
    }

    /** The kept statement {@link #insertReturningId} runs for {@code sql}. */
    static PreparedStatement prepareInsertReturningId(Statements c, String sql) throws SQLException {
        return c.prepare(sql + " RETURNING id");
    }

    static <T> List<T> list(Statements c, String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        PreparedStatement select = c.prepare(sql);
        binder.bind(select);
        try (ResultSet rows = select.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return List.copyOf(result);
        }
    }

    static <T> Optional<T> first(Statements c, String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        PreparedStatement select = c.prepare(sql);
        binder.bind(select);
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
        }
    }

    /** Runs an INSERT, UPDATE or DELETE and returns how many rows it changed. */
    static int update(Statements c, String sql, Binder binder) throws SQLException {
        PreparedStatement statement = c.prepare(sql);
        binder.bind(statement);
        return statement.executeUpdate();
    }

    /** Runs an INSERT … RETURNING id and returns the new row's id. */
    static long insertReturningId(Statements c, String sql, Binder binder) throws SQLException {
        PreparedStatement insert = prepareInsertReturningId(c, sql);
        binder.bind(insert);
        try (ResultSet rows = insert.executeQuery()) {
            if (!rows.next()) {
                throw new SQLException("insert returned no id: " + sql);
            }
            return rows.getLong(1);
        }
    }
}
