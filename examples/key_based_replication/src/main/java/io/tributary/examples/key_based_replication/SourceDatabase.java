package io.tributary.examples.key_based_replication;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The source: a DuckDB database with a {@code customers} table, created and filled with five sample rows
 * when it does not exist yet. An existing table is left as it is, so changes made to it between syncs are
 * what the next sync sees.
 */
final class SourceDatabase {
    private static final String CREATE = "CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, "
            + "first_name VARCHAR, last_name VARCHAR, email VARCHAR, "
            + "updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)";
    // updated_at holds UTC times without a zone, as many databases store them.
    private static final String SEED = "INSERT INTO customers (customer_id, first_name, last_name, email, updated_at) "
            + "VALUES "
            + "(1, 'Mathew', 'Perry', 'mathew@fivetran.com', '2023-12-31 23:59:59'), "
            + "(2, 'Joe', 'Doe', 'joe@fivetran.com', '2024-01-31 23:04:39'), "
            + "(3, 'Jake', 'Anderson', 'jake@fivetran.com', '2023-11-01 23:59:59'), "
            + "(4, 'John', 'William', 'john@fivetran.com', '2024-02-14 22:59:59'), "
            + "(5, 'Ricky', 'Roma', 'ricky@fivetran.com', '2024-03-16 16:40:29')";

    private SourceDatabase() {
    }

    /**
     * Opens the database file at {@code path}, or a new in-memory database when {@code path} is blank, and
     * makes sure it has the {@code customers} table.
     */
    static Connection open(String path) throws SQLException {
        String url = path == null || path.isBlank() ? "jdbc:duckdb:" : "jdbc:duckdb:" + path;
        Connection connection = DriverManager.getConnection(url);
        try {
            createIfMissing(connection);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static void createIfMissing(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables "
                    + "WHERE table_schema = 'main' AND table_name = 'customers'")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            st.execute(CREATE);
            st.execute(SEED);
        }
    }
}
