package io.tributary.examples.schema_from_database;

import io.tributary.sdk.ColumnType;
import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The connector's schema read from the source's INFORMATION_SCHEMA: each table's columns with an SDK type mapped
 * from {@code data_type} (and precision and scale for numerics), and its primary key from the table constraints.
 * Standard SQL views, so the same queries work on PostgreSQL, Snowflake, SQL Server, MySQL and others; only the
 * type names in {@link #sdkType} are the database's own (PostgreSQL's here).
 */
final class InformationSchema {
    private static final String COLUMNS = "SELECT column_name, data_type, numeric_precision, numeric_scale "
            + "FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position";
    private static final String PRIMARY_KEY = "SELECT kcu.column_name FROM information_schema.table_constraints tc "
            + "JOIN information_schema.key_column_usage kcu ON kcu.constraint_schema = tc.constraint_schema "
            + "AND kcu.constraint_name = tc.constraint_name AND kcu.table_name = tc.table_name "
            + "WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = ? AND tc.table_name = ? "
            + "ORDER BY kcu.ordinal_position";
    private static final String TABLES = "SELECT table_name FROM information_schema.tables WHERE table_schema = ? "
            + "ORDER BY table_name";

    private InformationSchema() {
    }

    /** One source table as the schema views describe it. */
    record SourceTableInfo(String name, Map<String, ColumnType> columns, List<String> primaryKey) {
        Table toTable() {
            Table table = Table.named(name).primaryKey(primaryKey.toArray(String[]::new));
            columns.forEach((column, type) -> table.column(column, type.toString()));
            return table;
        }
    }

    static SourceTableInfo describe(Connection connection, String schema, String table) throws SQLException {
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        try (PreparedStatement st = connection.prepareStatement(COLUMNS)) {
            st.setString(1, schema);
            st.setString(2, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    columns.put(rs.getString(1), sdkType(rs.getString(2), (Integer) rs.getObject(3), (Integer) rs.getObject(4)));
                }
            }
        }
        if (columns.isEmpty()) {
            throw new ConnectorException("table '" + table + "' is not in schema '" + schema + "' of the source, or its "
                    + "user may not see it. Tables there: " + String.join(", ", tables(connection, schema))
                    + ". Check 'tables' in the configuration.");
        }
        List<String> primaryKey = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(PRIMARY_KEY)) {
            st.setString(1, schema);
            st.setString(2, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    primaryKey.add(rs.getString(1));
                }
            }
        }
        return new SourceTableInfo(table, columns, primaryKey);
    }

    static List<String> tables(Connection connection, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(TABLES)) {
            st.setString(1, schema);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /** PostgreSQL's {@code data_type} names to SDK types; anything unknown keeps its text as STRING. */
    static ColumnType sdkType(String dataType, Integer precision, Integer scale) {
        return switch (dataType) {
            case "smallint" -> ColumnType.of(DataType.SHORT);
            case "integer" -> ColumnType.of(DataType.INT);
            case "bigint" -> ColumnType.of(DataType.LONG);
            // NUMERIC without a precision holds any number of digits: only text keeps them all.
            case "numeric" -> precision != null && precision <= ColumnType.MAX_DECIMAL_PRECISION
                    ? ColumnType.decimal(precision, scale == null ? 0 : scale)
                    : ColumnType.of(DataType.STRING);
            case "real" -> ColumnType.of(DataType.FLOAT);
            case "double precision" -> ColumnType.of(DataType.DOUBLE);
            case "boolean" -> ColumnType.of(DataType.BOOLEAN);
            case "date" -> ColumnType.of(DataType.NAIVE_DATE);
            case "time without time zone" -> ColumnType.of(DataType.NAIVE_TIME);
            case "timestamp without time zone" -> ColumnType.of(DataType.NAIVE_DATETIME);
            case "timestamp with time zone" -> ColumnType.of(DataType.UTC_DATETIME);
            case "bytea" -> ColumnType.of(DataType.BINARY);
            case "json", "jsonb" -> ColumnType.of(DataType.JSON);
            case "xml" -> ColumnType.of(DataType.XML);
            default -> ColumnType.of(DataType.STRING); // text, varchar, char, uuid, interval, enums, ...
        };
    }
}
