package io.tributary.destination.postgres;

import static io.tributary.destination.postgres.Sql.quote;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What a new connection needs before the first sync statement: session settings, schemas, bookkeeping tables. */
final class Setup {
    private Setup() {
    }

    /**
     * Fixes the session settings that widening casts and COPY depend on, and creates the schemas and bookkeeping
     * tables. Two processes creating them at once may collide on the catalog: the loser retries once.
     */
    static void prepare(Connection c, String schema) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Statement st = c.createStatement()) {
                st.execute("SET TIME ZONE 'UTC'");
                st.execute("SET DateStyle = 'ISO, MDY'");
                st.execute("SET extra_float_digits = 1");
                createSchema(c, schema);
                createSchema(c, Metadata.SCHEMA);
                new Metadata(c, schema).create();
                c.commit();
                return;
            } catch (SQLException e) {
                c.rollback();
                boolean race = "23505".equals(e.getSQLState()) || "42P06".equals(e.getSQLState())
                        || "42P07".equals(e.getSQLState());
                if (attempt == 2 || !race) {
                    throw e;
                }
            }
        }
    }

    /** Looks before creating: CREATE SCHEMA IF NOT EXISTS needs the CREATE privilege even when the schema exists. */
    private static void createSchema(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + quote(name));
        }
    }
}
