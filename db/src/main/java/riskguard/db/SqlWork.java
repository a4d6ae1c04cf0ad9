package riskguard.db;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of JDBC work run by {@link Database} on its single connection. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
