package riskguard.db;

import java.sql.SQLException;

/** A unit of JDBC work run by {@link Database} on its single connection and its kept statements. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Statements statements) throws SQLException;
}
