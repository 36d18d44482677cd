package io.tributary.destination.duckdb;

import io.tributary.runtime.schema.ColumnSchema;
import io.tributary.sdk.ColumnType;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** SQL text helpers: quoting and DuckDB type names. */
final class Sql {
    private Sql() {
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static String qualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    static String type(ColumnType type) {
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
            case UTC_DATETIME -> "TIMESTAMPTZ";
            case BINARY -> "BLOB";
            case XML, STRING -> "VARCHAR";
            case JSON -> "JSON";
            case NAIVE_TIME -> "TIME";
        };
    }

    static String join(List<ColumnSchema> columns, Function<ColumnSchema, String> f) {
        return columns.stream().map(f).collect(Collectors.joining(", "));
    }
}
