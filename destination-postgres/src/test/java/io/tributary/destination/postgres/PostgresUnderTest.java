package io.tributary.destination.postgres;

import io.tributary.destination.contract.DestinationUnderTest;
import io.tributary.runtime.destination.Destination;
import io.tributary.sdk.ColumnType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The contract tests' warehouse: a fresh database in a real PostgreSQL that the tests start themselves (one per JVM,
 * from Maven Central binaries), dropped when the test ends.
 */
final class PostgresUnderTest implements DestinationUnderTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    final String database;
    final String url;

    PostgresUnderTest() throws SQLException {
        database = "t_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        url = "jdbc:postgresql://localhost:" + server().getPort() + "/" + database; // no user: the caller names it
    }

    /** The embedded server, started on first use and stopped when the JVM exits. */
    static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres;
    }

    static Connection admin() throws SQLException {
        return server().getPostgresDatabase().getConnection();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }

    @Override
    public Destination open(String schema) {
        return new PostgresDestination(url, "postgres", "postgres", schema);
    }

    /** Values as the contract expects them: smallint as Short, dates and times as java.time, json as text. */
    @Override
    public List<Map<String, Object>> query(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<Map<String, Object>> out = new ArrayList<>();
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), value(rs, i, md.getColumnTypeName(i)));
                }
                out.add(row);
            }
            return out;
        }
    }

    private static Object value(ResultSet rs, int i, String type) throws SQLException {
        Object v = switch (type) {
            case "int2" -> rs.getShort(i);
            case "date" -> rs.getObject(i, LocalDate.class);
            case "time" -> rs.getObject(i, LocalTime.class);
            case "timestamp" -> rs.getObject(i, LocalDateTime.class);
            case "timestamptz" -> rs.getObject(i, OffsetDateTime.class);
            case "json", "jsonb" -> rs.getString(i);
            default -> rs.getObject(i);
        };
        return rs.wasNull() ? null : v;
    }

    @Override
    public List<Column> columns(String schema, String table) throws SQLException {
        return strings("SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
                + "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
                schema, table).stream().map(r -> new Column(r[0], r[1])).toList();
    }

    @Override
    public List<String> tables(String schema) throws SQLException {
        return strings("SELECT table_name, ? FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name",
                "", schema).stream().map(r -> r[0]).toList();
    }

    private List<String[]> strings(String sql, String a, String b) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, a);
            ps.setString(2, b);
            List<String[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            return out;
        }
    }

    @Override
    public String typeName(ColumnType type) {
        return switch (type.type()) {
            case BOOLEAN -> "boolean";
            case SHORT -> "smallint";
            case INT -> "integer";
            case LONG -> "bigint";
            case DECIMAL -> "numeric(" + type.precision() + "," + type.scale() + ")";
            case FLOAT -> "real";
            case DOUBLE -> "double precision";
            case NAIVE_DATE -> "date";
            case NAIVE_DATETIME -> "timestamp without time zone";
            case UTC_DATETIME -> "timestamp with time zone";
            case BINARY -> "bytea";
            case XML, STRING -> "text";
            case JSON -> "json";
            case NAIVE_TIME -> "time without time zone";
        };
    }

    @Override
    public String hex(String expression) {
        return "upper(encode(" + expression + ", 'hex'))";
    }

    @Override
    public String epochMillis(String expression) {
        return "(extract(epoch FROM " + expression + ") * 1000)::bigint";
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }
}
