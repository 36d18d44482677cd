package io.tributary.destination.duckdb;

import io.tributary.destination.contract.DestinationUnderTest;
import io.tributary.runtime.destination.Destination;
import io.tributary.sdk.ColumnType;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The contract tests' warehouse: a DuckDB file in a temporary directory, read back through a destination's connection. */
final class DuckDbUnderTest implements DestinationUnderTest {
    final Path file;

    DuckDbUnderTest(Path dir) {
        this.file = dir.resolve("warehouse.db");
    }

    @Override
    public Destination open(String schema) {
        return new DuckDbDestination(file, schema);
    }

    @Override
    public List<Map<String, Object>> query(String sql) throws Exception {
        try (DuckDbDestination destination = new DuckDbDestination(file, "tester");
             Statement st = destination.connection().createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<Map<String, Object>> out = new ArrayList<>();
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        }
    }

    @Override
    public List<Column> columns(String schema, String table) throws Exception {
        return strings("SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = ? AND table_name = ? "
                + "ORDER BY column_index", schema, table).stream().map(r -> new Column(r[0], r[1])).toList();
    }

    @Override
    public List<String> tables(String schema) throws Exception {
        return strings("SELECT table_name, NULL FROM duckdb_tables() WHERE schema_name = ? ORDER BY table_name", schema, null)
                .stream().map(r -> r[0]).toList();
    }

    private List<String[]> strings(String sql, String a, String b) throws Exception {
        try (DuckDbDestination destination = new DuckDbDestination(file, "tester");
             PreparedStatement ps = destination.connection().prepareStatement(sql)) {
            ps.setString(1, a);
            if (b != null) {
                ps.setString(2, b);
            }
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
            case BOOLEAN -> "BOOLEAN";
            case SHORT -> "SMALLINT";
            case INT -> "INTEGER";
            case LONG -> "BIGINT";
            case DECIMAL -> "DECIMAL(" + type.precision() + "," + type.scale() + ")";
            case FLOAT -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case NAIVE_DATE -> "DATE";
            case NAIVE_DATETIME -> "TIMESTAMP";
            case UTC_DATETIME -> "TIMESTAMP WITH TIME ZONE";
            case BINARY -> "BLOB";
            case XML, STRING -> "VARCHAR";
            case JSON -> "JSON";
            case NAIVE_TIME -> "TIME";
        };
    }

    @Override
    public String hex(String expression) {
        return "hex(" + expression + ")";
    }

    @Override
    public String epochMillis(String expression) {
        return "epoch_ms(" + expression + ")";
    }

    @Override
    public void close() {
        // the file lives in the test's temporary directory
    }
}
