package io.tributary.sdk.jdbc;

import io.tributary.sdk.ColumnType;

/**
 * A column of a source table as the database describes it, with the SDK type it maps to.
 *
 * @param name       the name as the database stores it (PostgreSQL folds unquoted names to lower case, H2 to upper)
 * @param type       the SDK type, from {@link JdbcTypes#columnType}
 * @param jdbcType   the {@link java.sql.Types} code
 * @param typeName   the database's own type name ({@code int4}, {@code jsonb}, {@code timestamptz}...)
 * @param nullable   whether the column may hold NULL ({@code true} when the database does not say)
 */
public record SourceColumn(String name, ColumnType type, int jdbcType, String typeName, boolean nullable) {

    /** How to read this column from a result set. */
    public JdbcTypes.ColumnReader reader() {
        return JdbcTypes.reader(type, jdbcType);
    }
}
