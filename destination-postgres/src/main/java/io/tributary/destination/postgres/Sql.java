package io.tributary.destination.postgres;

import io.tributary.runtime.schema.ColumnSchema;
import io.tributary.sdk.ColumnType;
import io.tributary.sdk.DataType;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** SQL text helpers: quoting, PostgreSQL type names, and the casts that widen a column in place. */
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

    /**
     * XML is text: PostgreSQL's xml type rejects documents the runtime accepts (and needs libxml). JSON is json, not
     * jsonb, so the text stays exactly as the connector sent it, as in DuckDB.
     */
    static String type(ColumnType type) {
        return switch (type.type()) {
            case BOOLEAN -> "boolean";
            case SHORT -> "smallint";
            case INT -> "integer";
            case LONG -> "bigint";
            case DECIMAL -> "numeric(" + type.precision() + "," + type.scale() + ")";
            case FLOAT -> "real";
            case DOUBLE -> "double precision";
            case NAIVE_DATE -> "date";
            case NAIVE_DATETIME -> "timestamp";
            case UTC_DATETIME -> "timestamptz";
            case BINARY -> "bytea";
            case XML, STRING -> "text";
            case JSON -> "json";
            case NAIVE_TIME -> "time";
        };
    }

    /**
     * The USING expression that turns column {@code name} of type {@code from} into {@code to}. Values widened to
     * text read as DuckDB renders them (whole floats as "42.0", see {@link #floatText}), binary as the Base64 the runtime gives new values;
     * naive date-times become UTC ones as the runtime reads them, whatever the session's time zone.
     */
    static String widen(String name, ColumnType from, ColumnType to) {
        String c = quote(name);
        DataType f = from.type();
        if (to.type() == DataType.STRING) {
            return switch (f) {
                case FLOAT, DOUBLE -> floatText(c);
                case BINARY -> "replace(encode(" + c + ", 'base64'), E'\\n', '')";
                default -> c + "::text";
            };
        }
        if (to.type() == DataType.UTC_DATETIME && f != DataType.UTC_DATETIME) {
            return c + "::timestamp AT TIME ZONE 'UTC'";
        }
        return c + "::" + type(to);
    }

    /**
     * DuckDB writes floats from 1e-4 up to 1e16 positionally ("1000000000000000.0", "1234567.5") and the rest in
     * scientific notation ("1e-05", "1e+16"); PostgreSQL switches to scientific earlier. Both give the shortest
     * digits that read back to the same value, so positional text is that shortest text read as numeric.
     */
    private static String floatText(String c) {
        String positional = c + "::text::numeric::text";
        return "CASE WHEN " + c + " = 0 OR abs(" + c + ") >= 1e-4 AND abs(" + c + ") < 1e16 THEN CASE WHEN position('.' IN "
                + positional + ") = 0 THEN " + positional + " || '.0' ELSE " + positional + " END ELSE " + c
                + "::text END";
    }

    static String join(List<ColumnSchema> columns, Function<ColumnSchema, String> f) {
        return columns.stream().map(f).collect(Collectors.joining(", "));
    }

    /** {@code a.k1 = b.k1 AND a.k2 = b.k2} over the key columns. */
    static String keysEqual(List<ColumnSchema> keys, String a, String b) {
        return keys.stream().map(k -> a + "." + quote(k.name()) + " = " + b + "." + quote(k.name()))
                .collect(Collectors.joining(" AND "));
    }
}
