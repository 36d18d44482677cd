package io.tributary.destination.postgres;

import java.sql.Connection;
import java.sql.SQLException;

/** Where the destination gets its one JDBC connection to PostgreSQL (a DriverManager URL, a pool, a test server). */
@FunctionalInterface
public interface ConnectionSource {
    Connection open() throws SQLException;
}
