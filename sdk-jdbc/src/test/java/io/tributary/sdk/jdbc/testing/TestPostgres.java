package io.tributary.sdk.jdbc.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A real PostgreSQL for tests (zonky's embedded binaries from Maven Central), started once per JVM. Unlike a default
 * embedded PostgreSQL it checks passwords: TCP logins other than the superuser need scram-sha-256, so a wrong
 * password fails as it would in production. Each test takes a fresh database owned by {@link #USER}.
 */
public final class TestPostgres {
    /** The login connectors use: not a superuser, owns each test database. */
    public static final String USER = "tributary_reader";
    public static final String PASSWORD = "reader-pw-7f3a9c";
    private static final String HBA = String.join("\n",
            "local all all trust",
            "host all postgres 127.0.0.1/32 trust",
            "host all postgres ::1/128 trust",
            "host all all 127.0.0.1/32 scram-sha-256",
            "host all all ::1/128 scram-sha-256", "");

    private static EmbeddedPostgres postgres;

    private TestPostgres() {
    }

    /** A new, empty database owned by {@link #USER}. */
    public static Database newDatabase() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = superuser(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " OWNER " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database in the embedded PostgreSQL", e);
        }
        return new Database(name, port());
    }

    public static int port() {
        return server().getPort();
    }

    /** A superuser connection to the server's {@code postgres} database, for what a connector's user may not do. */
    public static Connection superuser() throws SQLException {
        return server().getPostgresDatabase().getConnection();
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setDataDirectoryCustomizer(dir -> writeHba(dir.toPath().resolve("pg_hba.conf")))
                        .start();
                try (Connection c = postgres.getPostgresDatabase().getConnection();
                     Statement st = c.createStatement()) {
                    st.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the test login in the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the data directory is temporary
                }
            }));
        }
        return postgres;
    }

    private static void writeHba(java.nio.file.Path file) {
        try {
            Files.writeString(file, HBA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One test database: how to reach it, and helpers to change it as a test's source. */
    public record Database(String name, int port) {
        public String host() {
            return "127.0.0.1";
        }

        public String url() {
            return "jdbc:postgresql://" + host() + ":" + port + "/" + name;
        }

        /** A connection as {@link #USER}, with the password. */
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url(), USER, PASSWORD);
        }

        /** host, port, database, user and password: the connection keys of the database examples. */
        public Map<String, String> configuration() {
            Map<String, String> c = new LinkedHashMap<>();
            c.put("host", host());
            c.put("port", String.valueOf(port));
            c.put("database", name);
            c.put("user", USER);
            c.put("password", PASSWORD);
            return c;
        }

        public void execute(String... statements) throws SQLException {
            try (Connection c = connect(); Statement st = c.createStatement()) {
                for (String sql : statements) {
                    st.execute(sql);
                }
            }
        }

        /** Every row of a query, each as column label to value. */
        public List<Map<String, Object>> query(String sql) throws SQLException {
            try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                List<Map<String, Object>> rows = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= n; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }

        public long count(String table) throws SQLException {
            return ((Number) query("SELECT count(*) AS n FROM " + table).get(0).get("n")).longValue();
        }
    }
}
